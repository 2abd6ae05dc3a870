package fr.refactory.workers.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.workers.support.Vars;

/**
 * The results of one pass through the quality gate against its control plan (D12's rows in {@code requiredChecks}).
 * Pure functions of the job's variables, so a redelivered job answers the same.
 */
final class GateResults {

	static final List<String> SEVERITIES = List.of("NONE", "MINOR", "MAJOR", "CRITICAL");

	private static final String DEFAULT_SEVERITY = "MAJOR";

	private GateResults() {
	}

	static List<ControlPlanCheck> plan(Vars vars) {
		return vars.list("requiredChecks").stream().map(ControlPlanCheck::of).toList();
	}

	/**
	 * 5.2: each check of the plan measured on a bench ({@code automaticResults}, the latest run wins) or in the MES
	 * ({@code measurements}), or decided by D4b in the caller ({@code conformityFailures}), is an automatic result,
	 * judged against the plan's limits where it gives them; the other checks are {@code manualChecks}.
	 */
	static Map<String, Object> match(Vars vars) {
		Map<String, Map<?, ?>> measured = new LinkedHashMap<>();
		vars.list("measurements").forEach((row) -> put(measured, row, "name", "MES"));
		vars.list("automaticResults").forEach((row) -> put(measured, row, "checkCode", "EOL"));
		boolean conformityDecided = vars.get("conformityFailures") instanceof List<?>;
		List<String> conformityFailures = vars.list("conformityFailures").stream().map(String::valueOf).toList();
		List<Map<String, Object>> checkResults = new ArrayList<>();
		List<Object> manualChecks = new ArrayList<>();
		List<Object> rows = vars.list("requiredChecks");
		for (Object row : rows) {
			ControlPlanCheck check = ControlPlanCheck.of(row);
			Map<?, ?> measurement = measured.get(check.checkCode());
			if (measurement != null) {
				checkResults.add(measuredResult(check, measurement));
			}
			else if (conformityDecided && check.decidedByConformity()) {
				checkResults.add(conformityResult(check, conformityFailures));
			}
			else {
				manualChecks.add(row);
			}
		}
		return Map.of("checkResults", checkResults, "manualChecks", manualChecks);
	}

	/**
	 * 5.5: every result of the gate (automatic and manual) with its control-plan characteristics, and the inputs of
	 * D11 folded from the failed ones. A failure is reworkable when the plan gives a rework instruction and the
	 * inspector did not report that none fits the defect (ADR 0253, 0310).
	 */
	static Aggregate aggregate(Vars vars) {
		Map<String, ControlPlanCheck> plan = new LinkedHashMap<>();
		plan(vars).forEach((check) -> plan.put(check.checkCode(), check));
		List<Map<String, Object>> results = new ArrayList<>();
		for (Object row : vars.list("checkResults")) {
			if (row instanceof Map<?, ?> map) {
				results.add(result(map, planOf(plan, map.get("checkCode")), true));
			}
		}
		for (Object row : vars.list("manualResults")) {
			if (row instanceof Map<?, ?> map && map.get("checkResult") != null) {
				results.add(manualResult(map, planOf(plan, map.get("checkCode"))));
			}
		}
		List<Map<String, Object>> failed = results.stream().filter((r) -> "NOK".equals(r.get("result"))).toList();
		String maxSeverity = failed.stream()
			.map((f) -> f.get("severity").toString())
			.max((a, b) -> Integer.compare(SEVERITIES.indexOf(a), SEVERITIES.indexOf(b)))
			.orElse("NONE");
		boolean safetyFailed = failed.stream().anyMatch((f) -> Boolean.TRUE.equals(f.get("safetyCharacteristic")));
		boolean everyFailureReworkable = failed.stream().allMatch((f) -> Boolean.TRUE.equals(f.get("reworkable")));
		Map<String, Object> outputs = new LinkedHashMap<>();
		outputs.put("maxSeverity", maxSeverity);
		outputs.put("safetyCharacteristicFailed", safetyFailed);
		outputs.put("reworkable", !failed.isEmpty() && everyFailureReworkable);
		outputs.put("failedChecks", failed);
		return new Aggregate(outputs, results, failed);
	}

	/** @param results every result of the pass; {@code failed} the NOK ones, as in {@code outputs.failedChecks} */
	record Aggregate(Map<String, Object> outputs, List<Map<String, Object>> results,
			List<Map<String, Object>> failed) {
	}

	private static void put(Map<String, Map<?, ?>> measured, Object row, String codeName, String source) {
		if (row instanceof Map<?, ?> map && map.get(codeName) != null) {
			Map<String, Object> withSource = new LinkedHashMap<>();
			map.forEach((name, value) -> withSource.put(name.toString(), value));
			withSource.put("source", source);
			measured.put(map.get(codeName).toString(), withSource);
		}
	}

	private static Map<String, Object> measuredResult(ControlPlanCheck check, Map<?, ?> measurement) {
		boolean ok;
		if (check.hasLimits() && measurement.get("value") instanceof Number value) {
			ok = check.within(value.doubleValue());
		}
		else {
			ok = "OK".equals(measurement.get("result")) || Boolean.TRUE.equals(measurement.get("withinLimits"));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("checkCode", check.checkCode());
		result.put("result", ok ? "OK" : "NOK");
		result.put("value", measurement.get("value"));
		result.put("unit", (check.unit() != null) ? check.unit() : measurement.get("unit"));
		result.put("lowerLimit", check.hasLimits() ? check.lowerLimit() : measurement.get("lowerLimit"));
		result.put("upperLimit", check.hasLimits() ? check.upperLimit() : measurement.get("upperLimit"));
		result.put("source", measurement.get("source"));
		result.put("equipmentId", measurement.get("equipmentId"));
		result.put("calibrationDueDate", measurement.get("calibrationDueDate"));
		result.put("defectCode", check.checkCode());
		return result;
	}

	private static Map<String, Object> conformityResult(ControlPlanCheck check, List<String> conformityFailures) {
		List<String> codes = check.conformityFailureCodes().stream().filter(conformityFailures::contains).toList();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("checkCode", check.checkCode());
		result.put("result", codes.isEmpty() ? "OK" : "NOK");
		result.put("unit", check.unit());
		result.put("source", "retrofit-conformity");
		result.put("defectCode", codes.isEmpty() ? check.checkCode() : codes.get(0));
		return result;
	}

	private static Map<String, Object> manualResult(Map<?, ?> manual, ControlPlanCheck check) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("checkCode", check.checkCode());
		result.put("result", manual.get("checkResult").toString());
		result.put("value", manual.get("measuredValue"));
		result.put("unit", (manual.get("measuredUnit") != null) ? manual.get("measuredUnit") : check.unit());
		result.put("lowerLimit", check.lowerLimit());
		result.put("upperLimit", check.upperLimit());
		result.put("source", "MANUAL");
		result.put("severity", manual.get("severity"));
		result.put("defectCode", (manual.get("defectCode") != null) ? manual.get("defectCode") : check.checkCode());
		result.put("comment", manual.get("checkComment"));
		return withPlan(result, check, !Boolean.TRUE.equals(manual.get("noReworkInstruction")));
	}

	private static Map<String, Object> result(Map<?, ?> automatic, ControlPlanCheck check, boolean reworkPossible) {
		Map<String, Object> result = new LinkedHashMap<>();
		automatic.forEach((name, value) -> result.put(name.toString(), value));
		result.put("severity", null);
		return withPlan(result, check, reworkPossible);
	}

	/** Severity (the plan's for an automatic failure), safety flag and reworkability from the control plan. */
	private static Map<String, Object> withPlan(Map<String, Object> result, ControlPlanCheck check,
			boolean reworkPossible) {
		boolean failed = "NOK".equals(result.get("result"));
		Object severity = result.get("severity");
		if (!failed) {
			severity = "NONE";
		}
		else if (!SEVERITIES.contains(String.valueOf(severity)) || "NONE".equals(severity)) {
			severity = (check.failureSeverity() != null) ? check.failureSeverity() : DEFAULT_SEVERITY;
		}
		result.put("severity", severity);
		result.put("safetyCharacteristic", check.safetyOrRegulatory());
		result.put("reworkable", check.hasReworkInstruction() && reworkPossible);
		result.put("controlPlanVersion", check.controlPlanVersion());
		return result;
	}

	private static ControlPlanCheck planOf(Map<String, ControlPlanCheck> plan, Object checkCode) {
		String code = String.valueOf(checkCode);
		return plan.getOrDefault(code, ControlPlanCheck.of(code));
	}

}

package fr.refactory.workers.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import fr.refactory.workers.support.Vars;

import org.springframework.stereotype.Component;

/**
 * {@code quality.aggregateResults} (ADR 0304): folds the bench results, MES measurements and manual checks of a
 * quality gate into the inputs of D11. D11's {@code reworkable} ("a rework instruction exists for all failed checks")
 * is false when the inspector marked a failed manual check as having no rework instruction, or on a critical failure. A pure function of the job's variables, so a redelivered job answers the same.
 */
@Component
public class QualityWorkers {

	static final List<String> SEVERITIES = List.of("NONE", "MINOR", "MAJOR", "CRITICAL");

	@JobWorker(type = "quality.aggregateResults")
	public Map<String, Object> aggregateResults(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Map<String, Boolean> safety = new HashMap<>();
		for (Object check : vars.list("requiredChecks")) {
			if (check instanceof Map<?, ?> map && map.get("checkCode") != null) {
				safety.put(map.get("checkCode").toString(), Boolean.TRUE.equals(map.get("safetyCharacteristic")));
			}
		}
		List<Map<String, Object>> failed = new ArrayList<>();
		for (Object row : vars.list("automaticResults")) {
			if (row instanceof Map<?, ?> map && "NOK".equals(map.get("result"))) {
				failed.add(failure(map.get("checkCode"), "MAJOR", "AUTOMATIC", safety, true));
			}
		}
		for (Object row : vars.list("measurements")) {
			if (row instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("withinLimits"))) {
				failed.add(failure(map.get("name"), "MAJOR", "MES", safety, true));
			}
		}
		for (Object row : vars.list("manualResults")) {
			if (row instanceof Map<?, ?> map && "NOK".equals(map.get("checkResult"))) {
				Object severity = map.get("severity");
				failed.add(failure(map.get("checkCode"),
						SEVERITIES.contains(String.valueOf(severity)) ? severity.toString() : "MAJOR", "MANUAL", safety,
						!Boolean.TRUE.equals(map.get("noReworkInstruction"))));
			}
		}
		String maxSeverity = failed.stream()
			.map((f) -> f.get("severity").toString())
			.max((a, b) -> Integer.compare(SEVERITIES.indexOf(a), SEVERITIES.indexOf(b)))
			.orElse("NONE");
		boolean safetyFailed = failed.stream().anyMatch((f) -> Boolean.TRUE.equals(f.get("safetyCharacteristic")));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("maxSeverity", maxSeverity);
		result.put("safetyCharacteristicFailed", safetyFailed);
		boolean everyFailureReworkable = failed.stream().allMatch((f) -> Boolean.TRUE.equals(f.get("reworkable")));
		result.put("reworkable", !failed.isEmpty() && everyFailureReworkable && !"CRITICAL".equals(maxSeverity));
		result.put("concessionAvailable", !failed.isEmpty() && !safetyFailed && !"CRITICAL".equals(maxSeverity));
		result.put("failedChecks", failed);
		return result;
	}

	/** @param reworkable a rework instruction exists for it (the inspector ticks when none does) */
	private static Map<String, Object> failure(Object checkCode, String severity, String source,
			Map<String, Boolean> safety, boolean reworkable) {
		String code = String.valueOf(checkCode);
		Map<String, Object> failure = new LinkedHashMap<>();
		failure.put("checkCode", code);
		failure.put("severity", severity);
		failure.put("source", source);
		failure.put("safetyCharacteristic", safety.getOrDefault(code, false));
		failure.put("reworkable", reworkable);
		return failure;
	}

}

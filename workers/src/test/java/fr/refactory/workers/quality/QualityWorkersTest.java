package fr.refactory.workers.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.workers.support.Results;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.Vars;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's results against its control plan ({@link GateResults}, pure functions of the job's variables): no
 * application context needed. The control-plan rows are shaped as D12 returns them.
 */
class QualityWorkersTest {

	private static final Map<String, Object> ISOLATION = check("ISOLATION", true, false, null, "CRITICAL",
			"Repair the insulation fault", null);

	private static final Map<String, Object> PAINT = check("PAINT_AUDIT", false, false, null, "MINOR", "Polish", null);

	private static final Map<String, Object> BRAKE = check("BRAKE_TEST", true, false, 50.0, "MAJOR", "Adjust", null);

	private static final Map<String, Object> WEIGHING = check("WEIGHING", true, true, null, "MAJOR", null,
			List.of("MASS_OVER_120PCT", "MAX_MASS_EXCEEDED"));

	@Test
	void noFailureGivesSeverityNone() {
		Map<String, Object> result = aggregate(Map.of("requiredChecks", List.of(BRAKE), "checkResults",
				List.of(Map.of("checkCode", "BRAKE_TEST", "result", "OK", "source", "EOL"))));

		assertThat(result).containsEntry("maxSeverity", "NONE").containsEntry("safetyCharacteristicFailed", false)
			.containsEntry("reworkable", false);
		assertThat(Results.list(result.get("failedChecks"))).isEmpty();
	}

	/** The fix of issue #15: the safety flag comes from the control plan's row, not from the inspector's form. */
	@Test
	void aManualFailureOfASafetyCharacteristicOfThePlanIsASafetyFailure() {
		Map<String, Object> result = aggregate(Map.of("requiredChecks", List.of(ISOLATION, PAINT), "manualResults",
				List.of(Map.of("checkCode", "ISOLATION", "checkResult", "NOK", "severity", "MAJOR"),
						Map.of("checkCode", "PAINT_AUDIT", "checkResult", "OK"))));

		assertThat(result).containsEntry("maxSeverity", "MAJOR").containsEntry("safetyCharacteristicFailed", true)
			.containsEntry("reworkable", true).doesNotContainKey("concessionAvailable");
	}

	@Test
	void aBenchValueIsJudgedAgainstThePlanLimitsAndItsFailureTakesThePlanSeverity() {
		Map<String, Object> vars = new HashMap<>();
		vars.put("requiredChecks", List.of(BRAKE, PAINT));
		vars.put("automaticResults", List.of(Map.of("checkCode", "BRAKE_TEST", "value", 49.9, "result", "OK",
				"equipmentId", "EOL-1"), Map.of("checkCode", "NOISE", "value", 99, "result", "NOK")));
		Map<String, Object> matched = GateResults.match(Vars.of(TestJob.of("quality.matchControlPlan", vars)));

		assertThat(Results.list(matched.get("manualChecks"))).containsExactly(PAINT);
		assertThat(Results.list(matched.get("checkResults"))).singleElement()
			.satisfies((row) -> assertThat(Results.map(row)).containsEntry("checkCode", "BRAKE_TEST")
				.containsEntry("result", "NOK")
				.containsEntry("lowerLimit", 50.0));

		Map<String, Object> result = aggregate(Map.of("requiredChecks", List.of(BRAKE, PAINT), "checkResults",
				matched.get("checkResults")));
		assertThat(result).containsEntry("maxSeverity", "MAJOR").containsEntry("safetyCharacteristicFailed", true);
	}

	/** AS-35: D4b's MASS_OVER_120PCT fails WEIGHING, a regulatory check without rework instruction. */
	@Test
	void aConformityFailureOfTheCallerFailsTheCheckItBelongsTo() {
		Map<String, Object> vars = new HashMap<>();
		vars.put("requiredChecks", List.of(WEIGHING, PAINT));
		vars.put("conformityFailures", List.of("MASS_OVER_120PCT"));
		Map<String, Object> matched = GateResults.match(Vars.of(TestJob.of("quality.matchControlPlan", vars)));

		assertThat(Results.list(matched.get("manualChecks"))).containsExactly(PAINT);
		Map<String, Object> result = aggregate(Map.of("requiredChecks", List.of(WEIGHING, PAINT), "checkResults",
				matched.get("checkResults"), "manualResults", List.of(Map.of("checkCode", "PAINT_AUDIT", "checkResult",
						"OK"))));
		assertThat(result).containsEntry("maxSeverity", "MAJOR").containsEntry("safetyCharacteristicFailed", true)
			.containsEntry("reworkable", false);
		assertThat(Results.list(result.get("failedChecks"))).singleElement()
			.satisfies((row) -> assertThat(Results.map(row)).containsEntry("defectCode", "MASS_OVER_120PCT"));
	}

	@Test
	void withoutAConformityDecisionItsChecksAreManual() {
		Map<String, Object> matched = GateResults.match(Vars.of(TestJob.of("quality.matchControlPlan",
				Map.of("requiredChecks", List.of(WEIGHING)))));

		assertThat(Results.list(matched.get("manualChecks"))).containsExactly(WEIGHING);
	}

	@Test
	void aFailureWithoutAReworkInstructionMakesTheItemNotReworkableButOpenToAConcession() {
		Map<String, Object> result = aggregate(Map.of("requiredChecks", List.of(PAINT), "manualResults",
				List.of(Map.of("checkCode", "PAINT_AUDIT", "checkResult", "NOK", "severity", "MINOR",
						"noReworkInstruction", true))));

		assertThat(result).containsEntry("maxSeverity", "MINOR").containsEntry("reworkable", false)
			.as("whether a concession may be asked is D11's rule 8, not the worker's (ADR 0463)")
			.doesNotContainKey("concessionAvailable");
	}

	private static Map<String, Object> aggregate(Map<String, Object> variables) {
		return GateResults.aggregate(Vars.of(TestJob.of("quality.aggregateResults", variables))).outputs();
	}

	private static Map<String, Object> check(String code, boolean safety, boolean regulatory, Double lowerLimit,
			String failureSeverity, String reworkInstruction, List<String> conformityFailureCodes) {
		Map<String, Object> check = new HashMap<>();
		check.put("checkCode", code);
		check.put("controlPlanVersion", "TEST v1");
		check.put("safetyCharacteristic", safety);
		check.put("regulatory", regulatory);
		check.put("lowerLimit", lowerLimit);
		check.put("upperLimit", null);
		check.put("failureSeverity", failureSeverity);
		check.put("reworkInstruction", reworkInstruction);
		check.put("conformityFailureCodes", conformityFailureCodes);
		return check;
	}

}

package fr.refactory.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * D12 {@code required-checks}, hit policy COLLECT: one row per check code, grouped as the
 * brief's rules 1-6.
 */
class RequiredChecksDecisionTest {

	private static final String REPAIR = "rule-vehicle-checklist-80pt rule-vehicle-road-test rule-vehicle-dtc-clear rule-vehicle-paint-audit rule-vehicle-photo-set";

	private static final String REPAIR_CODES = "CHECKLIST_80PT, ROAD_TEST, DTC_CLEAR, PAINT_AUDIT, PHOTO_SET";

	private static final String HV = "rule-hv-vehicle-hv-visual rule-hv-vehicle-soh-read";

	private static final String RETROFIT = "rule-retrofit-isolation-dc rule-retrofit-isolation-ac rule-retrofit-bonding rule-retrofit-obd-lamp rule-retrofit-hv-marking rule-retrofit-weighing rule-retrofit-brake-test rule-retrofit-charge-test rule-retrofit-plate-affixed rule-retrofit-certificate-generated";

	private static final String RETROFIT_CODES = "ISOLATION_DC, ISOLATION_AC, BONDING, OBD_LAMP, HV_MARKING, WEIGHING, BRAKE_TEST, CHARGE_TEST, PLATE_AFFIXED, CERTIFICATE_GENERATED";

	static List<DecisionCase> cases() {
		return DecisionCase.table("required-checks",
				"""
						case                                   | subjectType      | expertFollowUpRequired | powertrain  || rule                                                    | checkCode
						Renew vehicle, petrol                  | VEHICLE_RENEW    | false                  | ICE_PETROL  || %1$s                                                    | [%2$s]
						Renew vehicle, BEV                     | VEHICLE_RENEW    | false                  | BEV         || %1$s %3$s                                               | [%2$s, HV_VISUAL, SOH_READ]
						Renew vehicle, PHEV                    | VEHICLE_RENEW    |                        | PHEV        || %1$s %3$s                                               | [%2$s, HV_VISUAL, SOH_READ]
						Bodywork vehicle under VE/VGE, HEV     | VEHICLE_BODYWORK | true                   | HEV         || %1$s rule-bodywork-expert-conformity-report %3$s        | [%2$s, EXPERT_CONFORMITY_REPORT, HV_VISUAL, SOH_READ]
						Bodywork vehicle without expert        | VEHICLE_BODYWORK | false                  | ICE_DIESEL  || %1$s                                                    | [%2$s]
						converted Master (BEV)                 | VEHICLE_RETROFIT | true                   | BEV         || %3$s %4$s                                               | [HV_VISUAL, SOH_READ, %5$s]
						remanufactured part                    | PART_REMAN       |                        |             || rule-reman-eol-bench rule-reman-dimensional-sample rule-reman-reman-label rule-reman-genealogy-complete | [EOL_BENCH, DIMENSIONAL_SAMPLE, REMAN_LABEL, GENEALOGY_COMPLETE]
						battery                                | BATTERY          |                        | BEV         || rule-battery-soh-confirmed rule-battery-isolation rule-battery-cell-spread rule-battery-passport-updated | [SOH_CONFIRMED, ISOLATION, CELL_SPREAD, PASSPORT_UPDATED]
						subject type missing                   |                  | true                   | BEV         || rule-incomplete-data                                    | [INCOMPLETE_DATA]
						unknown subject type                   | TRUCK            | false                  | ICE_DIESEL  || rule-incomplete-data                                    | [INCOMPLETE_DATA]
						"""
					.formatted(REPAIR, REPAIR_CODES, HV, RETROFIT, RETROFIT_CODES));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldCollectEveryRequiredCheckWhenTheGateStarts(DecisionCase decisionCase) {
		decisionCase.verify();
	}

	/**
	 * The control plan is master data of the table (ADR 0310): per check its safety and
	 * regulatory flags, limits, unit, the severity of an automatic failure, the rework
	 * instruction (none: not reworkable) and the D4b failure codes that fail it.
	 */
	@ParameterizedTest(name = "{0} {1}: safety {2}, regulatory {3}, rework instruction {4}")
	@CsvSource({ "VEHICLE_RETROFIT, WEIGHING,     true,  true,  false, MAJOR,    MASS_OVER_120PCT",
			"VEHICLE_RETROFIT, ISOLATION_DC, true,  true,  true,  CRITICAL, ISOLATION_DC",
			"VEHICLE_RETROFIT, BRAKE_TEST,   true,  false, true,  MAJOR,    ",
			"PART_REMAN,       EOL_BENCH,    false, false, false, MAJOR,    ",
			"PART_REMAN,       REMAN_LABEL,  false, true,  true,  MINOR,    ",
			"BATTERY,          ISOLATION,    true,  false, true,  CRITICAL, ",
			"BATTERY,          SOH_CONFIRMED, false, false, true, MAJOR,    ", })
	void shouldGiveEachCheckItsControlPlanCharacteristicsWhenCollected(String subjectType, String checkCode,
			boolean safety, boolean regulatory, boolean reworkInstruction, String failureSeverity,
			String conformityFailureCode) {
		Map<String, Object> check = checkOf(subjectType, checkCode);

		assertThat(check.get("safetyCharacteristic")).isEqualTo(safety);
		assertThat(check.get("regulatory")).isEqualTo(regulatory);
		assertThat(check.get("reworkInstruction") != null).isEqualTo(reworkInstruction);
		assertThat(check.get("failureSeverity")).isEqualTo(failureSeverity);
		if (conformityFailureCode == null) {
			assertThat(check.get("conformityFailureCodes")).isNull();
		}
		else {
			assertThat(String.valueOf(check.get("conformityFailureCodes"))).contains(conformityFailureCode);
		}
	}

	@ParameterizedTest(name = "a brake efficiency of {0} % is within the control plan: {1}")
	@CsvSource({ "49.9, false", "50, true", "95, true" })
	void shouldJudgeTheBrakeTestAgainstItsLowerLimitWhenMeasured(double efficiency, boolean within) {
		Map<String, Object> brake = checkOf("VEHICLE_RETROFIT", "BRAKE_TEST");

		assertThat(brake.get("unit")).isEqualTo("%");
		assertThat(brake.get("upperLimit")).isNull();
		assertThat(efficiency >= ((Number) brake.get("lowerLimit")).doubleValue()).isEqualTo(within);
	}

	/**
	 * The control-plan row of one check (a COLLECT table with several outputs gives one
	 * context per row).
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> checkOf(String subjectType, String checkCode) {
		Map<String, Object> inputs = new java.util.HashMap<>();
		inputs.put("subjectType", subjectType);
		inputs.put("expertFollowUpRequired", false);
		inputs.put("powertrain", "BEV");
		var evaluation = DecisionTables.get().evaluate("required-checks", inputs);
		List<Object> codes = (List<Object>) evaluation.output("checkCode");
		int row = codes.indexOf(checkCode);
		assertThat(row).as("%s requires %s", subjectType, checkCode).isNotNegative();
		Map<String, Object> check = new java.util.HashMap<>();
		for (String output : List.of("safetyCharacteristic", "regulatory", "lowerLimit", "upperLimit", "unit",
				"failureSeverity", "reworkInstruction", "conformityFailureCodes", "controlPlanVersion")) {
			check.put(output, ((List<Object>) evaluation.output(output)).get(row));
		}
		return check;
	}

	@ParameterizedTest(name = "{0} checks come from control plan {1}")
	@CsvSource({ "VEHICLE_RENEW,    VEHICLE_REPAIR v1", "VEHICLE_RETROFIT, RETROFIT_LCV v1",
			"PART_REMAN,       PART_REMAN v1", "BATTERY,          BATTERY v1", })
	void shouldTagEveryCheckWithItsControlPlanWhenCollected(String subjectType, String controlPlanVersion) {
		var evaluation = DecisionTables.get()
			.evaluate("required-checks",
					Map.of("subjectType", subjectType, "expertFollowUpRequired", false, "powertrain", "ICE_DIESEL"));

		@SuppressWarnings("unchecked")
		List<Object> plans = (List<Object>) evaluation.output("controlPlanVersion");

		assertThat(plans).isNotEmpty().containsOnly(controlPlanVersion);
	}

}

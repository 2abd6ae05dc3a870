package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** D6 {@code battery-safety-class}, hit policy FIRST, most severe first. */
class BatterySafetyClassDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("battery-safety-class",
				"""
						case                                   | smokeOrSmell | temperatureRiseC | swelling | leakOrVent | casingDamage  | bmsCommunicating | crashHistory || rule                       | safetyClass          | handling
						smoke or smell                         | true         | 2                | false    | false      | NONE          | true             | false        || rule-smoke-or-smell        | CRITICAL             | ISOLATE_OUTDOORS_P911_LP906_RECYCLE
						smell reported, nothing else known     | true         |                  |          |            |               |                  |              || rule-smoke-or-smell        | CRITICAL             | ISOLATE_OUTDOORS_P911_LP906_RECYCLE
						boundary: temperature rise 10.1 °C     | false        | 10.1             | false    | false      | NONE          | true             | false        || rule-temperature-rise      | CRITICAL             | ISOLATE_OUTDOORS_P911_LP906_RECYCLE
						boundary: temperature rise 10 °C       | false        | 10               | false    | false      | NONE          | true             | false        || rule-normal                | NORMAL               | STANDARD_HV_STORAGE
						boundary: temperature rise 9.9 °C      | false        | 9.9              | false    | false      | NONE          | true             | false        || rule-normal                | NORMAL               | STANDARD_HV_STORAGE
						swelling wins over leak                | false        | 0                | true     | true       | NONE          | true             | false        || rule-swelling              | CRITICAL             | ISOLATE_OUTDOORS_P911_LP906_RECYCLE
						leak or vent                           | false        | 0                | false    | true       | DEFORMATION   | true             | false        || rule-leak-or-vent          | DAMAGED_NON_CRITICAL | QUARANTINE_SP376_P908_LP904
						casing deformation                     | false        | 0                | false    | false      | DEFORMATION   | true             | true         || rule-casing-deformation    | DAMAGED_NON_CRITICAL | QUARANTINE_SP376
						minor scratch only                     | false        | 0                | false    | false      | MINOR_SCRATCH | true             | false        || rule-normal                | NORMAL               | STANDARD_HV_STORAGE
						BMS not communicating                  | false        | 0                | false    | false      | NONE          | false            | false        || rule-bms-not-communicating | DAMAGED_NON_CRITICAL | QUARANTINE_BENCH_DIAGNOSIS
						crash history                          | false        | -3               | false    | false      | NONE          | true             | true         || rule-crash-history         | DAMAGED_NON_CRITICAL | QUARANTINE_UNTIL_BENCH_CHECK
						temperature not measured               | false        |                  | false    | false      | NONE          | true             | false        || rule-incomplete-data       | DAMAGED_NON_CRITICAL | QUARANTINE_UNTIL_TRIAGE_COMPLETE
						casing not inspected                   | false        | 0                | false    | false      |               | true             | false        || rule-incomplete-data       | DAMAGED_NON_CRITICAL | QUARANTINE_UNTIL_TRIAGE_COMPLETE
						crash history unknown                  | false        | 0                | false    | false      | NONE          | true             |              || rule-incomplete-data       | DAMAGED_NON_CRITICAL | QUARANTINE_UNTIL_TRIAGE_COMPLETE
						no damage criterion                    | false        | 0                | false    | false      | NONE          | true             | false        || rule-normal                | NORMAL               | STANDARD_HV_STORAGE
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldClassTheBatteryWhenTriaged(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** D11 {@code quality-verdict}, hit policy FIRST. */
class QualityVerdictDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("quality-verdict",
				"""
						case                                        | subjectType      | maxSeverity | safetyCharacteristicFailed | reworkable | reworkCount | suspectMeasurement || rule                          | verdict    | containment
						suspect measurement wins over a pass        | VEHICLE_RENEW    | NONE        | false                      | true       | 0           | true               || rule-suspect-measurement      | ESCALATE   | true
						everything OK                               | VEHICLE_RENEW    | NONE        | false                      | true       | 0           | false              || rule-pass                     | PASS       | false
						no failure but calibration status unknown   | VEHICLE_RENEW    | NONE        | false                      | true       | 0           |                    || rule-escalate                 | ESCALATE   | false
						boundary: safety failure after 1 rework     | VEHICLE_RETROFIT | MAJOR       | true                       | true       | 1           | false              || rule-safety-rework-exhausted  | ESCALATE   | true
						boundary: safety failure, no rework yet     | VEHICLE_RETROFIT | MAJOR       | true                       | true       | 0           | false              || rule-safety-rework            | REWORK     | true
						safety failure, not reworkable              | VEHICLE_RETROFIT | CRITICAL    | true                       | false      | 0           | false              || rule-safety-not-reworkable    | ESCALATE   | true
						boundary: 2 rework loops done               | VEHICLE_RENEW    | MINOR       | false                      | true       | 2           | false              || rule-rework-loops-exhausted   | ESCALATE   | false
						boundary: 1 rework loop done                | VEHICLE_RENEW    | MINOR       | false                      | true       | 1           | false              || rule-rework                   | REWORK     | false
						major, reworkable                           | PART_REMAN       | MAJOR       | false                      | true       | 0           | false              || rule-rework                   | REWORK     | false
						critical, reworkable, not safety            | BATTERY          | CRITICAL    | false                      | true       | 0           | false              || rule-escalate                 | ESCALATE   | false
						minor, not reworkable                       | VEHICLE_BODYWORK | MINOR       | false                      | false      | 0           | false              || rule-concession               | CONCESSION | false
						reman part major, not reworkable            | PART_REMAN       | MAJOR       | false                      | false      | 0           | false              || rule-scrap-part               | SCRAP      | false
						reman part critical, not reworkable         | PART_REMAN       | CRITICAL    | false                      | false      | 0           | false              || rule-scrap-part               | SCRAP      | false
						reman part minor, not reworkable            | PART_REMAN       | MINOR       | false                      | false      | 0           | false              || rule-concession               | CONCESSION | false
						vehicle major, not reworkable, no scrap     | VEHICLE_RENEW    | MAJOR       | false                      | false      | 0           | false              || rule-escalate                 | ESCALATE   | false
						battery critical, not reworkable, no scrap  | BATTERY          | CRITICAL    | false                      | false      | 0           | false              || rule-escalate                 | ESCALATE   | false
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldGiveTheVerdictWhenTheGateResultsAreIn(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

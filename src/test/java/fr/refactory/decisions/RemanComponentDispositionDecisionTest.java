package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** D9 {@code reman-component-disposition}, hit policy FIRST. */
class RemanComponentDispositionDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("reman-component-disposition",
				"""
						case                                        | componentClass | crackDetected | safetyCritical | wearPct | windingInsulationMOhm | reconditionable || rule                             | disposition
						bearing within tolerance                    | WEAR_PART      | false         | false          | 50      |                       | true            || rule-wear-part                   | REPLACE_NEW
						wear part, nothing measured                 | WEAR_PART      |               |                |         |                       |                 || rule-wear-part                   | REPLACE_NEW
						cracked safety-critical part                | STRUCTURAL     | true          | true           | 50      |                       | true            || rule-cracked-safety-critical     | SCRAP_RECYCLE
						cracked part, not reconditionable           | STRUCTURAL     | true          | false          | 50      |                       | false           || rule-cracked-not-reconditionable | SCRAP_RECYCLE
						cracked part, reconditionable, worn 120 %   | STRUCTURAL     | true          | false          | 120     |                       | true            || rule-machine-to-repair-size      | RECONDITION
						cracked part, reconditionable, worn 50 %    | STRUCTURAL     | true          | false          | 50      |                       | true            || rule-replace-new                 | REPLACE_NEW
						winding 50 MOhm, rewind possible            | ELECTRICAL     | false         | false          | 50      | 50                    | true            || rule-winding-rewind              | RECONDITION
						boundary: winding 99.9 MOhm, no rewind      | ELECTRICAL     | false         | false          | 50      | 99.9                  | false           || rule-winding-replace             | REPLACE_NEW
						boundary: winding 100 MOhm                  | ELECTRICAL     | false         | false          | 50      | 100                   | true            || rule-within-tolerance            | REUSE_AS_IS
						electrical part without winding             | ELECTRICAL     | false         | false          | 50      |                       | false           || rule-within-tolerance            | REUSE_AS_IS
						boundary: wear exactly 100 %                | STRUCTURAL     | false         | true           | 100     |                       | true            || rule-within-tolerance            | REUSE_AS_IS
						boundary: wear 100.1 %                      | STRUCTURAL     | false         | true           | 100.1   |                       | true            || rule-machine-to-repair-size      | RECONDITION
						boundary: wear exactly 150 %                | STRUCTURAL     | false         | false          | 150     |                       | true            || rule-machine-to-repair-size      | RECONDITION
						boundary: wear 150.1 %                      | STRUCTURAL     | false         | false          | 150.1   |                       | true            || rule-replace-new                 | REPLACE_NEW
						worn 120 %, no repair size                  | STRUCTURAL     | false         | false          | 120     |                       | false           || rule-replace-new                 | REPLACE_NEW
						board test passed                           | ELECTRONIC     | false         | false          | 0       |                       | true            || rule-within-tolerance            | REUSE_AS_IS
						board test failed                           | ELECTRONIC     | false         | false          | 200     |                       | true            || rule-replace-new                 | REPLACE_NEW
						wear not measured                           | STRUCTURAL     | false         | false          |         |                       | true            || rule-incomplete-data             | INCOMPLETE_DATA
						crack found, safety flag missing            | STRUCTURAL     | true          |                | 120     |                       | true            || rule-incomplete-data             | INCOMPLETE_DATA
						component class missing                     |                | false         | false          | 50      |                       | true            || rule-incomplete-data             | INCOMPLETE_DATA
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldDisposeOfTheComponentWhenMeasured(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** D3 {@code economic-decision}, hit policy FIRST. */
class EconomicDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("economic-decision",
				"""
						case                                   | marketValueEur | costRatio | partsAvailability | estimatedRepairDays || rule                          | decision      | reason                   | slaRisk
						market value missing                   |                | 0.5       | ALL_AVAILABLE     | 5                   || rule-value-missing            | MANUAL_REVIEW | VALUE_MISSING            | false
						boundary: ratio 1.01                   | 10000          | 1.01      | ALL_AVAILABLE     | 5                   || rule-economically-irreparable | DISMANTLE     | ECONOMICALLY_IRREPARABLE | false
						ratio 1.5 decides even without parts   | 10000          | 1.5       |                   |                     || rule-economically-irreparable | DISMANTLE     | ECONOMICALLY_IRREPARABLE | false
						boundary: ratio exactly 1.0            | 10000          | 1.0       | ALL_AVAILABLE     | 5                   || rule-margin-risk              | MANUAL_REVIEW | MARGIN_RISK              | false
						boundary: ratio 0.71                   | 10000          | 0.71      | ALL_AVAILABLE     | 5                   || rule-margin-risk              | MANUAL_REVIEW | MARGIN_RISK              | false
						boundary: ratio exactly 0.70           | 10000          | 0.70      | ALL_AVAILABLE     | 5                   || rule-repair                   | REPAIR        |                          | false
						boundary: ratio 0.69                   | 10000          | 0.69      | ALL_AVAILABLE     | 5                   || rule-repair                   | REPAIR        |                          | false
						parts obsolete                         | 10000          | 0.5       | OBSOLETE          | 5                   || rule-parts-obsolete           | MANUAL_REVIEW | PARTS_OBSOLETE           | false
						cost ratio missing                     | 10000          |           | ALL_AVAILABLE     | 5                   || rule-incomplete-data          | MANUAL_REVIEW | INCOMPLETE_DATA          | false
						parts availability missing             | 10000          | 0.5       |                   | 5                   || rule-incomplete-data          | MANUAL_REVIEW | INCOMPLETE_DATA          | false
						repair days missing                    | 10000          | 0.5       | BACKORDER         |                     || rule-incomplete-data          | MANUAL_REVIEW | INCOMPLETE_DATA          | false
						boundary: 9 days                       | 10000          | 0.5       | ALL_AVAILABLE     | 9                   || rule-repair-sla-risk          | REPAIR        |                          | true
						boundary: 8 days                       | 10000          | 0.5       | ALL_AVAILABLE     | 8                   || rule-repair                   | REPAIR        |                          | false
						boundary: 7 days                       | 10000          | 0.5       | ALL_AVAILABLE     | 7                   || rule-repair                   | REPAIR        |                          | false
						parts on backorder, 5 days             | 10000          | 0.3       | BACKORDER         | 5                   || rule-repair                   | REPAIR        |                          | false
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldMatchTheExpectedRuleWhenEvaluated(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** D1 {@code vin-validation}, hit policy FIRST. */
class VinValidationDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("vin-validation",
				"""
						case                                 | length | charsetValid | region        | checkDigitMatches || rule                          | vinStatus          | reason
						boundary: 16 characters              | 16     | true         | OTHER         | true              || rule-length-invalid           | INVALID            | VIN_LENGTH
						boundary: 18 characters              | 18     | true         | OTHER         | true              || rule-length-invalid           | INVALID            | VIN_LENGTH
						empty VIN                            | 0      | false        | OTHER         |                   || rule-length-invalid           | INVALID            | VIN_LENGTH
						no VIN read at all                   |        |              |               |                   || rule-length-invalid           | INVALID            | VIN_LENGTH
						boundary: 17 characters, letter O    | 17     | false        | OTHER         |                   || rule-charset-invalid          | INVALID            | VIN_CHARSET
						North America, check digit wrong     | 17     | true         | NORTH_AMERICA | false             || rule-check-digit-enforced     | INVALID            | VIN_CHECK_DIGIT
						North America, check digit right     | 17     | true         | NORTH_AMERICA | true              || rule-check-digit-ok           | VALID              |
						Europe, check digit right            | 17     | true         | OTHER         | true              || rule-check-digit-ok           | VALID              |
						Europe, check digit wrong            | 17     | true         | OTHER         | false             || rule-check-digit-not-enforced | VALID_WITH_WARNING | CHECK_DIGIT_NOT_ENFORCED
						check digit result missing           | 17     | true         | NORTH_AMERICA |                   || rule-incomplete-data          | INVALID            | INCOMPLETE_DATA
						region missing                       | 17     | true         |               | false             || rule-incomplete-data          | INVALID            | INCOMPLETE_DATA
						charset result missing               | 17     |              | OTHER         | true              || rule-incomplete-data          | INVALID            | INCOMPLETE_DATA
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldMatchTheExpectedRuleWhenEvaluated(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

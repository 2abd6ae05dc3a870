package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * D8 {@code core-acceptance} (FIRST) and D8b {@code core-credit-timeliness} (FIRST),
 * which requires D8: evaluating D8b evaluates D8 first, so its cases list the D8 rule,
 * then the D8b rule.
 */
class CoreAcceptanceDecisionTest {

	static List<DecisionCase> acceptanceCases() {
		return DecisionCase.table("core-acceptance",
				"""
						case                                     | likeForLike | fireOrWaterDamage | corrosion | priorRepairOrWelding | housingCracked | disassembled | missingOrBrokenNonWearParts | partNumberLegible || rule                      | grade           | creditPct | reason
						other reference returned                 | false       | false             | NONE      | false                | false          | false        | 0                           | true              || rule-not-like-for-like    | REJECT          | 0         | NOT_LIKE_FOR_LIKE
						other reference, nothing else inspected  | false       |                   |           |                      |                |              |                             |                   || rule-not-like-for-like    | REJECT          | 0         | NOT_LIKE_FOR_LIKE
						fire or water damage                     | true        | true              | NONE      | false                | false          | false        | 0                           | true              || rule-fire-or-water-damage | REJECT          | 0         | FIRE_WATER
						heavy corrosion                          | true        | false             | HEAVY     | false                | false          | false        | 0                           | true              || rule-heavy-corrosion      | REJECT          | 0         | HEAVY_CORROSION
						surface corrosion only                   | true        | false             | SURFACE   | false                | false          | false        | 0                           | true              || rule-full-credit          | A               | 100       | FULL_CREDIT
						previously repaired or welded            | true        | false             | NONE      | true                 | false          | false        | 0                           | true              || rule-previously-repaired  | REJECT          | 0         | PREVIOUSLY_REPAIRED
						cracked housing                          | true        | false             | NONE      | false                | true           | false        | 0                           | true              || rule-cracked-housing      | REJECT          | 0         | CRACKED_HOUSING
						corrosion not inspected                  | true        | false             |           | false                | false          | false        | 0                           | true              || rule-incomplete-data      | INCOMPLETE_DATA | 0         | INCOMPLETE_DATA
						legibility not inspected                 | true        | false             | NONE      | false                | false          | false        | 0                           |                   || rule-incomplete-data      | INCOMPLETE_DATA | 0         | INCOMPLETE_DATA
						disassembled wins over missing parts     | true        | false             | NONE      | false                | false          | true         | 3                           | true              || rule-disassembled         | C               | 50        | DISASSEMBLED
						boundary: one missing part               | true        | false             | NONE      | false                | false          | false        | 1                           | true              || rule-minor-missing        | B               | 75        | MINOR_MISSING
						boundary: two missing parts              | true        | false             | NONE      | false                | false          | false        | 2                           | true              || rule-minor-missing        | B               | 75        | MINOR_MISSING
						boundary: three missing parts            | true        | false             | NONE      | false                | false          | false        | 3                           | false             || rule-major-missing        | C               | 25        | MAJOR_MISSING
						part number not legible                  | true        | false             | NONE      | false                | false          | false        | 0                           | false             || rule-id-by-inspection     | B               | 75        | ID_BY_INSPECTION
						boundary: complete and undamaged         | true        | false             | NONE      | false                | false          | false        | 0                           | true              || rule-full-credit          | A               | 100       | FULL_CREDIT
						""");
	}

	static List<DecisionCase> timelinessCases() {
		return DecisionCase.table("core-credit-timeliness",
				"""
						case                                    | likeForLike | fireOrWaterDamage | corrosion | priorRepairOrWelding | housingCracked | disassembled | missingOrBrokenNonWearParts | partNumberLegible | daysSinceExchangeSale || rule                                  | grade  | creditPct | reason
						full credit, returned the same day      | true        | false             | NONE      | false                | false          | false        | 0                           | true              | 0                     || rule-full-credit rule-in-time         | A      | 100       | FULL_CREDIT
						boundary: returned after 180 days       | true        | false             | NONE      | false                | false          | false        | 0                           | true              | 180                   || rule-full-credit rule-in-time         | A      | 100       | FULL_CREDIT
						boundary: returned after 181 days       | true        | false             | NONE      | false                | false          | false        | 0                           | true              | 181                   || rule-full-credit rule-late-return     | A      | 0         | LATE_RETURN
						harvested core, no exchange sale        | true        | false             | NONE      | false                | false          | false        | 0                           | true              |                       || rule-full-credit rule-no-exchange     | A      | 0         | NO_EXCHANGE
						minor missing part, returned in time    | true        | false             | NONE      | false                | false          | false        | 1                           | true              | 45                    || rule-minor-missing rule-in-time       | B      | 75        | MINOR_MISSING
						late return keeps the reject grade      | true        | false             | NONE      | false                | true           | false        | 0                           | true              | 200                   || rule-cracked-housing rule-late-return | REJECT | 0         | LATE_RETURN
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptanceCases")
	void shouldGradeTheCoreWhenInspected(DecisionCase decisionCase) {
		decisionCase.verify();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("timelinessCases")
	void shouldLimitTheCreditWhenTheCoreComesBackLate(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

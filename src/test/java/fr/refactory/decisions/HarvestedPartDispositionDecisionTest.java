package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** D10 {@code harvested-part-disposition}, hit policy FIRST. */
class HarvestedPartDispositionDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("harvested-part-disposition",
				"""
						case                                      | partFamily         | conditionGrade | remanProgramExists | functionalTestPassed | daysOfCover || rule                        | disposition
						diesel engine grade B with a reman line   | ENGINE             | B              | true               |                      | 500         || rule-reman-core             | REMAN_CORE
						starter grade C with a reman line         | STARTER_ALTERNATOR | C              | true               | false                | 10          || rule-reman-core             | REMAN_CORE
						engine grade D                            | ENGINE             | D              | true               | true                 | 10          || rule-grade-d                | MATERIAL_RECYCLING
						catalyst grade A                          | CATALYST           | A              | false              | true                 | 10          || rule-recycling-family       | MATERIAL_RECYCLING
						fuel tank grade B                         | FUEL_TANK          | B              | false              | true                 | 10          || rule-recycling-family       | MATERIAL_RECYCLING
						engine without reman line, tested, demand | ENGINE             | A              | false              | true                 | 30          || rule-used-part-reuse        | USED_PART_REUSE
						boundary: 89 days of cover                | LIGHTING           | B              | false              | true                 | 89          || rule-used-part-reuse        | USED_PART_REUSE
						boundary: 90 days of cover                | LIGHTING           | B              | false              | true                 | 90          || rule-manual-review          | MANUAL_REVIEW
						boundary: 179 days of cover               | SEAT               | A              | false              | true                 | 179         || rule-manual-review          | MANUAL_REVIEW
						boundary: 180 days of cover               | SEAT               | A              | false              | true                 | 180         || rule-no-demand              | MATERIAL_RECYCLING
						grade C, tested, demand                   | WHEEL              | C              | false              | true                 | 30          || rule-manual-review          | MANUAL_REVIEW
						functional test failed                    | GLAZING            | A              | false              | false                | 30          || rule-functional-test-failed | MATERIAL_RECYCLING
						not tested yet                            | GLAZING            | A              | false              |                      | 30          || rule-manual-review          | MANUAL_REVIEW
						nothing known                             |                    |                |                    |                      |             || rule-manual-review          | MANUAL_REVIEW
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldRouteTheHarvestedPartWhenGraded(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

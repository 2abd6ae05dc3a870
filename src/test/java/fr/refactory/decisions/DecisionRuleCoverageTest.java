package fr.refactory.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every rule row of every table in {@code decisions/} is hit by at least one test case.
 * Self-contained: it evaluates all the cases of the decision tests and the acceptance
 * scenarios itself, so it does not depend on the order in which JUnit runs the test
 * classes. A new table or rule fails this test until cases hit it.
 */
class DecisionRuleCoverageTest {

	static Stream<DecisionCase> allCases() {
		return Stream
			.of(VinValidationDecisionTest.cases(), IntakeRouteDecisionTest.cases(), EconomicDecisionTest.cases(),
					RetrofitEligibilityDecisionTest.cases(), RetrofitConformityDecisionTest.cases(),
					HvHabilitationRequiredDecisionTest.requiredSymbolCases(),
					HvHabilitationRequiredDecisionTest.claimCases(), BatterySafetyClassDecisionTest.cases(),
					BatteryDispositionDecisionTest.cases(), CoreAcceptanceDecisionTest.acceptanceCases(),
					CoreAcceptanceDecisionTest.timelinessCases(), RemanComponentDispositionDecisionTest.cases(),
					HarvestedPartDispositionDecisionTest.cases(), QualityVerdictDecisionTest.cases(),
					RequiredChecksDecisionTest.cases(), EscalationLadderDecisionTest.cases())
			.flatMap(List::stream);
	}

	@Test
	void shouldHitEveryRuleOfEveryTableWhenAllCasesAreEvaluated() {
		Set<String> hit = new LinkedHashSet<>();
		allCases().forEach(decisionCase -> decisionCase.verify()
			.matchedRules()
			.forEach(rule -> hit.add(rule.decisionId() + "/" + rule.ruleId())));

		Set<String> all = new LinkedHashSet<>();
		DecisionTables.get()
			.ruleIdsByDecision()
			.forEach((decisionId, ruleIds) -> ruleIds.forEach(ruleId -> all.add(decisionId + "/" + ruleId)));

		assertThat(all).as("rules in decisions/").hasSizeGreaterThan(100);
		assertThat(hit).as("rules hit by the test cases").containsAll(all);
	}

}

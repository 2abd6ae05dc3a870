package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The escalation ladders (issue 21, ADR 0712, hit policy COLLECT): the levels of a ladder
 * in climbing order with the delay from the escalation and the group called. An unknown
 * ladder has no level.
 */
class EscalationLadderDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("escalation-ladder",
				"""
						case                       | escalationLadder || rule                                        | level   | delay              | candidateGroup
						T1 climbs three levels     | T1               || rule-t1-level-1 rule-t1-level-2 rule-t1-level-3 | [1, 2, 3] | [PT0S, PT1H, PT2H] | [intake-supervisors, shift-leaders, plant-managers]
						a ladder nobody defined    | T99              || -                                           | []      | []                 | []
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldListTheLevelsOfTheLadderInClimbingOrder(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

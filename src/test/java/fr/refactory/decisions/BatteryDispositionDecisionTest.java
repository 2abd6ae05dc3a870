package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** D7 {@code battery-disposition}, hit policy FIRST. */
class BatteryDispositionDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("battery-disposition",
				"""
						case                                        | safetyClass          | sohPct | isolationOhmPerV | cellSpreadMv | faultyModules | moduleRepairable | repairLoopsDone || rule                         | disposition            | passportAction
						critical battery with good SoH              | CRITICAL             | 90     | 500              | 10           | 0             | true             | 0               || rule-critical-recycle        | RECYCLE                | SET_STATUS_WASTE
						critical battery, SoH unknown               | CRITICAL             |        |                  |              |               |                  |                 || rule-critical-recycle        | RECYCLE                | SET_STATUS_WASTE
						SoH missing                                 | NORMAL               |        | 500              | 10           | 0             | true             | 0               || rule-soh-missing             | ENGINEERING_REVIEW     | NONE
						safety class missing                        |                      | 65     | 500              | 10           | 0             | true             | 0               || rule-safety-class-missing    | ENGINEERING_REVIEW     | NONE
						boundary: isolation 99 Ω/V                  | NORMAL               | 82     | 99               | 10           | 0             | true             | 0               || rule-isolation-failed        | ENGINEERING_REVIEW     | NONE
						boundary: isolation 100 Ω/V                 | NORMAL               | 82     | 100              | 50           | 0             | false            | 0               || rule-reuse-in-vehicle        | REUSE_IN_VEHICLE       | SET_STATUS_REUSED
						boundary: SoH 59.9                          | NORMAL               | 59.9   | 500              | 10           | 0             | true             | 0               || rule-soh-below-second-life   | RECYCLE                | SET_STATUS_WASTE
						boundary: SoH 60.0                          | NORMAL               | 60.0   | 500              | 10           | 0             | true             | 0               || rule-second-life             | SECOND_LIFE_STATIONARY | CREATE_LINKED_PASSPORT
						boundary: SoH 74.9                          | NORMAL               | 74.9   | 500              | 10           | 0             | true             | 0               || rule-second-life             | SECOND_LIFE_STATIONARY | CREATE_LINKED_PASSPORT
						boundary: SoH 75.0, spread 50 mV            | NORMAL               | 75.0   | 500              | 50           | 0             | false            | 0               || rule-reuse-in-vehicle        | REUSE_IN_VEHICLE       | SET_STATUS_REUSED
						boundary: spread 51 mV, repairable          | NORMAL               | 80     | 500              | 51           | 0             | true             | 0               || rule-rebalance-modules       | REPAIR_MODULES         | NONE
						spread 51 mV, not repairable                | NORMAL               | 80     | 500              | 51           | 0             | false            | 0               || rule-engineering-review      | ENGINEERING_REVIEW     | NONE
						spread 51 mV after a repair loop            | NORMAL               | 80     | 500              | 51           | 0             | true             | 1               || rule-repair-did-not-restore  | SECOND_LIFE_STATIONARY | CREATE_LINKED_PASSPORT
						boundary: SoH 70.0, one faulty module       | NORMAL               | 70.0   | 500              | 400          | 1             | true             | 0               || rule-repair-modules          | REPAIR_MODULES         | NONE
						boundary: SoH 69.9, one faulty module       | NORMAL               | 69.9   | 500              | 400          | 1             | true             | 0               || rule-second-life             | SECOND_LIFE_STATIONARY | CREATE_LINKED_PASSPORT
						boundary: two faulty modules                | NORMAL               | 80     | 500              | 400          | 2             | true             | 0               || rule-repair-modules          | REPAIR_MODULES         | NONE
						boundary: three faulty modules              | NORMAL               | 80     | 500              | 400          | 3             | true             | 0               || rule-too-many-faulty-modules | ENGINEERING_REVIEW     | NONE
						faulty module, not repairable               | NORMAL               | 80     | 500              | 400          | 1             | false            | 0               || rule-engineering-review      | ENGINEERING_REVIEW     | NONE
						faulty module after a repair loop           | NORMAL               | 80     | 500              | 400          | 1             | true             | 1               || rule-repair-did-not-restore  | SECOND_LIFE_STATIONARY | CREATE_LINKED_PASSPORT
						damaged pack never goes back in a vehicle   | DAMAGED_NON_CRITICAL | 82     | 500              | 20           | 0             | true             | 0               || rule-engineering-review      | ENGINEERING_REVIEW     | NONE
						damaged pack in the second-life band        | DAMAGED_NON_CRITICAL | 65     | 500              | 20           | 0             | true             | 0               || rule-second-life             | SECOND_LIFE_STATIONARY | CREATE_LINKED_PASSPORT
						damaged pack below the second-life floor    | DAMAGED_NON_CRITICAL | 40     | 500              | 20           | 0             | true             | 0               || rule-soh-below-second-life   | RECYCLE                | SET_STATUS_WASTE
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldDisposeOfTheBatteryWhenTested(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * D4b {@code retrofit-conformity}, hit policy COLLECT: every failed criterion; no failure
 * means conform.
 */
class RetrofitConformityDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("retrofit-conformity",
				"""
						case                                  | massRatio | axleShareDeltaPts | frontAxleKg | maxFrontAxleKg | rearAxleKg | maxRearAxleKg | totalKg | gvwrKg | isolationDcOhmPerV | isolationAcOhmPerV | bondingOhm | obdLampOff | hvCablesOrange || rule                                         | failureCode
						conform, no AC bus to check           | 1.175     | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                |                    | 0.05       | true       | true           || -                                            | []
						boundary: mass ratio exactly 1.20     | 1.20      | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.05       | true       | true           || -                                            | []
						boundary: mass ratio 1.21             | 1.21      | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.05       | true       | true           || rule-mass-over-120pct                        | [MASS_OVER_120PCT]
						boundary: axle share delta 10 points  | 1.1       | 10                | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.05       | true       | true           || -                                            | []
						boundary: axle share delta 10.1       | 1.1       | 10.1              | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.05       | true       | true           || rule-axle-distribution                       | [AXLE_DISTRIBUTION]
						boundary: front axle at its maximum   | 1.1       | 3                 | 1600        | 1600           | 1150       | 2000          | 2750    | 3500   | 500                | 600                | 0.05       | true       | true           || -                                            | []
						boundary: front axle 1 kg over        | 1.1       | 3                 | 1601        | 1600           | 1150       | 2000          | 2751    | 3500   | 500                | 600                | 0.05       | true       | true           || rule-max-mass-exceeded                       | [MAX_MASS_EXCEEDED]
						rear axle over its maximum            | 1.1       | 3                 | 1200        | 1600           | 2100       | 2000          | 3300    | 3500   | 500                | 600                | 0.05       | true       | true           || rule-max-mass-exceeded                       | [MAX_MASS_EXCEEDED]
						boundary: total mass 1 kg over GVWR   | 1.1       | 3                 | 1600        | 1600           | 1901       | 2000          | 3501    | 3500   | 500                | 600                | 0.05       | true       | true           || rule-max-mass-exceeded                       | [MAX_MASS_EXCEEDED]
						boundary: DC isolation 100 ohm/V      | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 100                | 600                | 0.05       | true       | true           || -                                            | []
						boundary: DC isolation 99 ohm/V       | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 99                 | 600                | 0.05       | true       | true           || rule-isolation-dc                            | [ISOLATION_DC]
						boundary: AC isolation 500 ohm/V      | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 500                | 0.05       | true       | true           || -                                            | []
						boundary: AC isolation 499 ohm/V      | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 499                | 0.05       | true       | true           || rule-isolation-ac                            | [ISOLATION_AC]
						boundary: bonding 0.099 ohm           | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.099      | true       | true           || -                                            | []
						boundary: bonding exactly 0.1 ohm     | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.1        | true       | true           || rule-bonding                                 | [BONDING]
						OBD lamp on                           | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.05       | false      | true           || rule-obd-lamp-on                             | [OBD_LAMP_ON]
						HV cables not orange                  | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.05       | true       | false          || rule-hv-marking                              | [HV_MARKING]
						several failures, all returned        | 1.25      | 12                | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 80                 | 600                | 0.2        | true       | true           || rule-mass-over-120pct rule-axle-distribution rule-isolation-dc rule-bonding | [MASS_OVER_120PCT, AXLE_DISTRIBUTION, ISOLATION_DC, BONDING]
						bonding not measured                  | 1.1       | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                |            | true       | true           || rule-incomplete-data                         | [INCOMPLETE_DATA]
						front axle not weighed                | 1.1       | 3                 |             | 1600           | 1150       | 2000          | 2350    | 3500   | 500                | 600                | 0.05       | true       | true           || rule-incomplete-data                         | [INCOMPLETE_DATA]
						mass missing, DC isolation failed     |           | 3                 | 1200        | 1600           | 1150       | 2000          | 2350    | 3500   | 80                 | 600                | 0.05       | true       | true           || rule-incomplete-data rule-isolation-dc       | [INCOMPLETE_DATA, ISOLATION_DC]
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldCollectEveryFailedCriterionWhenEvaluated(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * D2 {@code intake-route}, hit policy FIRST: safety, then legal status, then commercial
 * programme.
 */
class IntakeRouteDecisionTest {

	static List<DecisionCase> cases() {
		return DecisionCase.table("intake-route",
				"""
						case                                      | declaredProgram    | modelFamily | powertrain | ageYears | mileageKm | damageSeverity | veProcedure | hvBatteryDamageSuspected | fireDamage | floodDamage || rule                            | route         | routeReason                | expertFollowUpRequired | economicCheckRequired
						HV suspect wins over TNR, fire and flood  | USED_CAR_REFURB    | ZOE         | BEV        | 4        | 60000     | STRUCTURAL     | TNR         | true                     | true       | true        || rule-hv-suspect                 | HV_QUARANTINE | HV_SUSPECT                 | false                  | false
						HV suspect, nothing else known yet        |                    |             |            |          |           |                |             | true                     |            |             || rule-hv-suspect                 | HV_QUARANTINE | HV_SUSPECT                 | false                  | false
						TNR wins over fire and programme          | DAMAGE_REPAIR      | CLIO        | ICE_PETROL | 4        | 60000     | STRUCTURAL     | TNR         | false                    | true       | false       || rule-technically-non-repairable | DISMANTLE     | TECHNICALLY_NON_REPAIRABLE | false                  | false
						fire damage                               | DAMAGE_REPAIR      | CLIO        | ICE_PETROL | 4        | 60000     | STRUCTURAL     | NONE        | false                    | true       | false       || rule-fire-damage                | DISMANTLE     | FIRE_DAMAGE                | false                  | false
						end of life wins over flood               | END_OF_LIFE        | CLIO        | ICE_PETROL | 18       | 250000    | NONE           | NONE        | false                    | false      | true        || rule-end-of-life                | DISMANTLE     | ELV                        | false                  | false
						flood damage                              | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 4        | 60000     | NONE           | NONE        | false                    | false      | true        || rule-flood-damage               | MANUAL_REVIEW | FLOOD_DAMAGE               | false                  | false
						programme missing                         |                    | CLIO        | ICE_PETROL | 4        | 60000     | NONE           | NONE        | false                    | false      | false       || rule-incomplete-data            | MANUAL_REVIEW | INCOMPLETE_DATA            | false                  | false
						HV answer missing                         | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 4        | 60000     | NONE           | NONE        |                          | false      | false       || rule-incomplete-data            | MANUAL_REVIEW | INCOMPLETE_DATA            | false                  | false
						VE status missing                         | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 4        | 60000     | NONE           |             | false                    | false      | false       || rule-incomplete-data            | MANUAL_REVIEW | INCOMPLETE_DATA            | false                  | false
						damage severity missing                   | DAMAGE_REPAIR      | CLIO        | ICE_PETROL | 4        | 60000     |                | NONE        | false                    | false      | false       || rule-incomplete-data            | MANUAL_REVIEW | INCOMPLETE_DATA            | false                  | false
						Master III diesel retrofit order          | LCV_RETROFIT_ORDER | MASTER_III  | ICE_DIESEL | 9        | 180000    | COSMETIC       | NONE        | false                    | false      | false       || rule-lcv-retrofit               | LCV_RETROFIT  |                            | false                  | false
						Master III diesel, moderate damage        | LCV_RETROFIT_ORDER | MASTER_III  | ICE_DIESEL | 9        | 180000    | MODERATE       | NONE        | false                    | false      | false       || rule-lcv-retrofit               | LCV_RETROFIT  |                            | false                  | false
						Master III diesel, structural damage      | LCV_RETROFIT_ORDER | MASTER_III  | ICE_DIESEL | 9        | 180000    | STRUCTURAL     | NONE        | false                    | false      | false       || rule-retrofit-review            | MANUAL_REVIEW | RETROFIT_REVIEW            | false                  | false
						Trafic diesel retrofit order              | LCV_RETROFIT_ORDER | TRAFIC      | ICE_DIESEL | 9        | 180000    | NONE           | NONE        | false                    | false      | false       || rule-retrofit-review            | MANUAL_REVIEW | RETROFIT_REVIEW            | false                  | false
						Master III petrol retrofit order          | LCV_RETROFIT_ORDER | MASTER_III  | ICE_PETROL | 9        | 180000    | NONE           | NONE        | false                    | false      | false       || rule-retrofit-review            | MANUAL_REVIEW | RETROFIT_REVIEW            | false                  | false
						VE/VGE procedure                          | DAMAGE_REPAIR      | CLIO        | ICE_PETROL | 3        | 40000     | STRUCTURAL     | VE_VGE      | false                    | false      | false       || rule-ve-vge                     | BODYWORK      |                            | true                   | false
						VEI procedure                             | DAMAGE_REPAIR      | CAPTUR      | HEV        | 3        | 40000     | MODERATE       | VEI         | false                    | false      | false       || rule-vei                        | BODYWORK      |                            | false                  | true
						structural damage on a used car           | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 4        | 60000     | STRUCTURAL     | NONE        | false                    | false      | false       || rule-damaged                    | BODYWORK      | DAMAGED                    | false                  | false
						moderate damage, unannounced vehicle      | UNKNOWN            | MEGANE      | ICE_PETROL | 4        | 60000     | MODERATE       | NONE        | false                    | false      | false       || rule-damaged                    | BODYWORK      | DAMAGED                    | false                  | false
						damage repair declared, cosmetic only     | DAMAGE_REPAIR      | CLIO        | ICE_PETROL | 4        | 60000     | COSMETIC       | NONE        | false                    | false      | false       || rule-damage-repair-declared     | BODYWORK      | DAMAGED_DECLARED           | false                  | false
						boundary: 8 years and 150000 km           | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 8        | 150000    | NONE           | NONE        | false                    | false      | false       || rule-renew-profile              | RENEW         |                            | false                  | false
						boundary: 7.9 years and 149999 km         | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 7.9      | 149999    | COSMETIC       | NONE        | false                    | false      | false       || rule-renew-profile              | RENEW         |                            | false                  | false
						boundary: 8.1 years                       | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 8.1      | 60000     | NONE           | NONE        | false                    | false      | false       || rule-out-of-renew-profile       | MANUAL_REVIEW | OUT_OF_RENEW_PROFILE       | false                  | false
						boundary: 150001 km                       | USED_CAR_REFURB    | CLIO        | ICE_PETROL | 4        | 150001    | NONE           | NONE        | false                    | false      | false       || rule-out-of-renew-profile       | MANUAL_REVIEW | OUT_OF_RENEW_PROFILE       | false                  | false
						used car, age unknown                     | USED_CAR_REFURB    | CLIO        | ICE_PETROL |          | 60000     | NONE           | NONE        | false                    | false      | false       || rule-out-of-renew-profile       | MANUAL_REVIEW | OUT_OF_RENEW_PROFILE       | false                  | false
						unannounced vehicle without damage        | UNKNOWN            | CLIO        | ICE_PETROL | 4        | 60000     | NONE           | NONE        | false                    | false      | false       || rule-default                    | MANUAL_REVIEW | DEFAULT                    | false                  | false
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldMatchTheExpectedRuleWhenEvaluated(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

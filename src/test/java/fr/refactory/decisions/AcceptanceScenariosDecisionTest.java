package fr.refactory.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance scenarios of brief §7 that decision tables decide, played against the
 * DMN files. A scenario may take several steps (for example D6 then D7); {@code $name} in
 * a step's inputs takes output {@code name} of the step before, {@code @base} expands a
 * named set of inputs. Scenarios decided by processes, timers or the audit trail (AS-09,
 * AS-32, AS-38, AS-68, AS-72, AS-73, AS-74) are not decision-table scenarios and are not
 * here.
 */
class AcceptanceScenariosDecisionTest {

	/**
	 * Inputs the scenarios share: what the brief says about the subject, completed with
	 * the unremarkable rest.
	 */
	private static final Map<String, String> BASES = Map.of("vehicle",
			"declaredProgram=UNKNOWN; modelFamily=OTHER; powertrain=ICE_DIESEL; ageYears=5; mileageKm=90000; damageSeverity=NONE;"
					+ " veProcedure=NONE; hvBatteryDamageSuspected=false; fireDamage=false; floodDamage=false",
			"master",
			"category=N1; registeredInFranceDefinitive=true; collectionRegistration=false; engineIgnition=COMPRESSION;"
					+ " firstRegistrationDate=2017-03-01; plannedConversionDate=2025-06-10; manufacturerAgreement=false;"
					+ " variantInApprovalScope=true; originalMaxPowerKw=92; kitMotorPowerKw=60; chassisCondition=OK;"
					// installer authorisation valid to 2026-01-31, conversion on
					// 2025-06-10
					+ " installerAuthorisationValid=true",
			"converted",
			"massRatio=1.175; axleShareDeltaPts=2; frontAxleKg=1150; maxFrontAxleKg=1600; rearAxleKg=1200; maxRearAxleKg=1900;"
					+ " totalKg=2350; gvwrKg=3500; isolationDcOhmPerV=500; bondingOhm=0.05; obdLampOff=true; hvCablesOrange=true",
			"pack",
			"smokeOrSmell=false; temperatureRiseC=0; swelling=false; leakOrVent=false; casingDamage=NONE; bmsCommunicating=true;"
					+ " crashHistory=false",
			"tested",
			"safetyClass=NORMAL; isolationOhmPerV=500; cellSpreadMv=20; faultyModules=0; moduleRepairable=true; repairLoopsDone=0",
			"core",
			"likeForLike=true; fireOrWaterDamage=false; corrosion=NONE; priorRepairOrWelding=false; housingCracked=false;"
					+ " disassembled=false; missingOrBrokenNonWearParts=0; partNumberLegible=true",
			"gate", "reworkCount=0; suspectMeasurement=false", "title",
			"titleExpiryDate=2027-12-31; lastRefresherDate=2024-03-01; operationDate=2025-01-10");

	private static final String SCENARIOS = """
			scenario | title                                               | decision                    | given                                                                                                        || rule                                     | expect
			AS-01    | EU VIN, position 9 = E                              | vin-validation              | vin=VF1MAF4SE51234567                                                                                        || rule-check-digit-not-enforced            | vinStatus=VALID_WITH_WARNING; reason=CHECK_DIGIT_NOT_ENFORCED
			AS-02    | EU VIN with a matching check digit 8                | vin-validation              | vin=VF1MA000864512345                                                                                        || rule-check-digit-ok                      | vinStatus=VALID
			AS-04    | North-American VIN, check digit X                   | vin-validation              | vin=1M8GDM9AXKP042788                                                                                        || rule-check-digit-ok                      | vinStatus=VALID
			AS-06    | VIN with the letter O                               | vin-validation              | vin=VF1MAF4SO51234567                                                                                        || rule-charset-invalid                     | vinStatus=INVALID; reason=VIN_CHARSET
			AS-07    | VIN of 16 characters                                | vin-validation              | vin=VF1MAF4SE5123456                                                                                         || rule-length-invalid                      | vinStatus=INVALID; reason=VIN_LENGTH
			AS-10    | Clio for Renew, 4 y, 62,000 km, cosmetic            | intake-route                | @vehicle; modelFamily=CLIO; powertrain=ICE_PETROL; declaredProgram=USED_CAR_REFURB; ageYears=4; mileageKm=62000; damageSeverity=COSMETIC || rule-renew-profile | route=RENEW
			AS-12    | Zoe with underbody impact and deformed casing       | intake-route                | @vehicle; modelFamily=ZOE; powertrain=BEV; declaredProgram=USED_CAR_REFURB; hvBatteryDamageSuspected=true    || rule-hv-suspect                          | route=HV_QUARANTINE; routeReason=HV_SUSPECT
			AS-12    | Zoe with underbody impact and deformed casing       | battery-safety-class        | @pack; casingDamage=DEFORMATION; crashHistory=true                                                           || rule-casing-deformation                  | safetyClass=DAMAGED_NON_CRITICAL
			AS-14    | burnt-out vehicle under TNR                         | intake-route                | @vehicle; declaredProgram=DAMAGE_REPAIR; veProcedure=TNR; fireDamage=true; damageSeverity=STRUCTURAL         || rule-technically-non-repairable          | route=DISMANTLE
			AS-15    | Master III diesel retrofit order, cosmetic damage   | intake-route                | @vehicle; modelFamily=MASTER_III; declaredProgram=LCV_RETROFIT_ORDER; damageSeverity=COSMETIC                || rule-lcv-retrofit                        | route=LCV_RETROFIT
			AS-19    | cost ratio exactly 0.70, parts available, 5 days    | economic-decision           | marketValueEur=12000; costRatio=0.70; partsAvailability=ALL_AVAILABLE; estimatedRepairDays=5                 || rule-repair                              | decision=REPAIR; slaRisk=false
			AS-22    | Master III 92 kW, 8 years, kit 60 kW                | retrofit-eligibility        | @master                                                                                                      || rule-eligible                            | eligible=true; reasonCode=ELIGIBLE
			AS-25    | under 5 years with manufacturer agreement           | retrofit-eligibility        | @master; firstRegistrationDate=2020-06-15; plannedConversionDate=2025-06-14; manufacturerAgreement=true     || rule-eligible                            | eligible=true; reasonCode=ELIGIBLE
			AS-27    | registered as a collection vehicle                  | retrofit-eligibility        | @master; collectionRegistration=true                                                                         || rule-collection-vehicle                  | eligible=false; reasonCode=COLLECTION_VEHICLE
			AS-29    | corroded side member                                | retrofit-eligibility        | @master; chassisCondition=STRUCTURAL_DAMAGE                                                                  || rule-condition-not-acceptable            | eligible=false; reasonCode=CONDITION_NOT_ACCEPTABLE
			AS-30    | installer authorisation expired the day before      | retrofit-eligibility        | @master; installerAuthorisationValid=false                                                                   || rule-installer-not-authorised            | eligible=false; reasonCode=INSTALLER_NOT_AUTHORISED
			AS-31    | first registration date missing                     | retrofit-eligibility        | @master; firstRegistrationDate=null                                                                          || rule-incomplete-data                     | eligible=false; reasonCode=INCOMPLETE_DATA
			AS-33    | kit pack with a dented casing                       | battery-safety-class        | @pack; casingDamage=DEFORMATION                                                                              || rule-casing-deformation                  | safetyClass=DAMAGED_NON_CRITICAL; handling=QUARANTINE_SP376
			AS-34    | 2,000 kg to 2,350 kg, all HV tests good             | retrofit-conformity         | @converted                                                                                                   || -                                        | failureCode=[]
			AS-34    | 2,000 kg to 2,350 kg, all HV tests good             | quality-verdict             | @gate; subjectType=VEHICLE_RETROFIT; maxSeverity=NONE; safetyCharacteristicFailed=false; reworkable=true     || rule-pass                                | verdict=PASS; containment=false
			AS-35    | 2,420 kg after conversion (ratio 1.21)              | retrofit-conformity         | @converted; massRatio=1.21; totalKg=2420                                                                     || rule-mass-over-120pct                    | failureCode=[MASS_OVER_120PCT]
			AS-35    | 2,420 kg after conversion (ratio 1.21)              | quality-verdict             | @gate; subjectType=VEHICLE_RETROFIT; maxSeverity=MAJOR; safetyCharacteristicFailed=true; reworkable=false    || rule-safety-not-reworkable               | verdict=ESCALATE; containment=true
			AS-36    | DC isolation 80 ohm/V, reworked, re-test 150        | retrofit-conformity         | @converted; isolationDcOhmPerV=80                                                                            || rule-isolation-dc                        | failureCode=[ISOLATION_DC]
			AS-36    | DC isolation 80 ohm/V, reworked, re-test 150        | quality-verdict             | @gate; subjectType=VEHICLE_RETROFIT; maxSeverity=CRITICAL; safetyCharacteristicFailed=true; reworkable=true  || rule-safety-rework                       | verdict=REWORK; containment=true
			AS-36    | DC isolation 80 ohm/V, reworked, re-test 150        | retrofit-conformity         | @converted; isolationDcOhmPerV=150                                                                           || -                                        | failureCode=[]
			AS-36    | DC isolation 80 ohm/V, reworked, re-test 150        | quality-verdict             | @gate; subjectType=VEHICLE_RETROFIT; maxSeverity=NONE; safetyCharacteristicFailed=false; reworkCount=1       || rule-pass                                | verdict=PASS
			AS-37    | isolation fails again after one rework              | quality-verdict             | @gate; subjectType=VEHICLE_RETROFIT; maxSeverity=CRITICAL; safetyCharacteristicFailed=true; reworkable=true; reworkCount=1 || rule-safety-rework-exhausted | verdict=ESCALATE; containment=true
			AS-39    | removed diesel engine, grade B                      | harvested-part-disposition  | partFamily=ENGINE; conditionGrade=B; remanProgramExists=true; functionalTestPassed=null; daysOfCover=0       || rule-reman-core                          | disposition=REMAN_CORE
			AS-40    | B0L technician claims a paint task on a Zoe         | hv-habilitation-check       | @title; vehicleHasHvSystem=true; operationType=NON_ELECTRICAL_NEAR_HV; heldSymbols=[B0L]                     || rule-non-electrical-near-hv rule-habilitation-valid | claimAllowed=true
			AS-41    | B1L-only operator claims a lockout task             | hv-habilitation-check       | @title; vehicleHasHvSystem=true; operationType=LOCKOUT; heldSymbols=[B1L]                                    || rule-lockout rule-habilitation-missing   | claimAllowed=false; refusalReason=HABILITATION_MISSING
			AS-42    | B2L title, refresher 2021-09-01, task 2025-01-10    | hv-habilitation-check       | @title; vehicleHasHvSystem=true; operationType=HV_WORK_LEAD; heldSymbols=[B2L]; lastRefresherDate=2021-09-01 || rule-hv-work-lead rule-refresher-overdue | claimAllowed=false; refusalReason=REFRESHER_OVERDUE
			AS-43    | swelling pack with a solvent smell                  | battery-safety-class        | @pack; swelling=true; smokeOrSmell=true                                                                      || rule-smoke-or-smell                      | safetyClass=CRITICAL; handling=ISOLATE_OUTDOORS_P911_LP906_RECYCLE
			AS-43    | swelling pack with a solvent smell                  | battery-disposition         | @tested; safetyClass=$safetyClass; sohPct=null                                                               || rule-critical-recycle                    | disposition=RECYCLE; passportAction=SET_STATUS_WASTE
			AS-44    | no visible damage, BMS silent                       | battery-safety-class        | @pack; bmsCommunicating=false                                                                                || rule-bms-not-communicating               | safetyClass=DAMAGED_NON_CRITICAL; handling=QUARANTINE_BENCH_DIAGNOSIS
			AS-44    | no visible damage, BMS silent                       | battery-disposition         | @tested; safetyClass=$safetyClass; sohPct=null                                                               || rule-soh-missing                         | disposition=ENGINEERING_REVIEW; passportAction=NONE
			AS-45    | NORMAL, SoH 82.0 %, spread 20 mV, no faulty module  | battery-disposition         | @tested; sohPct=82.0                                                                                         || rule-reuse-in-vehicle                    | disposition=REUSE_IN_VEHICLE; passportAction=SET_STATUS_REUSED
			AS-48    | SoH 78 %, one weak module, repaired, re-tested      | battery-disposition         | @tested; sohPct=78; cellSpreadMv=1300; faultyModules=1                                                       || rule-repair-modules                      | disposition=REPAIR_MODULES; passportAction=NONE
			AS-48    | SoH 78 %, one weak module, repaired, re-tested      | battery-disposition         | @tested; sohPct=80; cellSpreadMv=25; faultyModules=0; repairLoopsDone=1                                      || rule-reuse-in-vehicle                    | disposition=REUSE_IN_VEHICLE
			AS-49    | NORMAL, SoH 65.0 %                                  | battery-disposition         | @tested; sohPct=65.0                                                                                         || rule-second-life                         | disposition=SECOND_LIFE_STATIONARY; passportAction=CREATE_LINKED_PASSPORT
			AS-51    | SoH null, BMS read failed                           | battery-disposition         | @tested; sohPct=null                                                                                         || rule-soh-missing                         | disposition=ENGINEERING_REVIEW
			AS-53    | complete gearbox core returned after 20 days        | core-credit-timeliness      | @core; daysSinceExchangeSale=20                                                                              || rule-full-credit rule-in-time            | grade=A; creditPct=100
			AS-54    | turbo core with a cracked housing                   | core-acceptance             | @core; housingCracked=true                                                                                   || rule-cracked-housing                     | grade=REJECT; creditPct=0
			AS-56    | returned reference differs                          | core-acceptance             | @core; likeForLike=false                                                                                     || rule-not-like-for-like                   | grade=REJECT; reason=NOT_LIKE_FOR_LIKE
			AS-58    | bearing measured within tolerance                   | reman-component-disposition | componentClass=WEAR_PART; crackDetected=false; safetyCritical=false; wearPct=60; reconditionable=false       || rule-wear-part                           | disposition=REPLACE_NEW
			AS-60    | stator winding 50 MOhm, rewind possible             | reman-component-disposition | componentClass=ELECTRICAL; crackDetected=false; safetyCritical=false; wearPct=40; windingInsulationMOhm=50; reconditionable=true || rule-winding-rewind | disposition=RECONDITION
			AS-62    | reman starter fails EOL, major, not reworkable      | quality-verdict             | @gate; subjectType=PART_REMAN; maxSeverity=MAJOR; safetyCharacteristicFailed=false; reworkable=false         || rule-scrap-part                          | verdict=SCRAP
			AS-63    | Renew vehicle, all checks and road test OK          | quality-verdict             | @gate; subjectType=VEHICLE_RENEW; maxSeverity=NONE; safetyCharacteristicFailed=false; reworkable=true         || rule-pass                                | verdict=PASS
			AS-64    | minor paint run, reworkable, first time             | quality-verdict             | @gate; subjectType=VEHICLE_BODYWORK; maxSeverity=MINOR; safetyCharacteristicFailed=false; reworkable=true     || rule-rework                              | verdict=REWORK; containment=false
			AS-67    | torque from a wrench past its calibration date      | quality-verdict             | @gate; subjectType=PART_REMAN; maxSeverity=NONE; safetyCharacteristicFailed=false; reworkable=true; suspectMeasurement=true || rule-suspect-measurement | verdict=ESCALATE; containment=true
			AS-69    | EV to dismantle: lockout by a BCL holder            | hv-habilitation-required    | vehicleHasHvSystem=true; operationType=LOCKOUT                                                               || rule-lockout                             | requiredSymbol=BCL
			AS-69    | EV to dismantle: battery removal, deconstruction    | hv-habilitation-required    | vehicleHasHvSystem=true; operationType=DECONSTRUCTION                                                        || rule-battery-operation-or-deconstruction | requiredSymbol=B1XL; leadSymbol=B2XL
			AS-70    | headlamp grade A, test passed, 30 days of cover     | harvested-part-disposition  | partFamily=LIGHTING; conditionGrade=A; remanProgramExists=false; functionalTestPassed=true; daysOfCover=30   || rule-used-part-reuse                     | disposition=USED_PART_REUSE
			AS-71    | door panel grade D                                  | harvested-part-disposition  | partFamily=BODY_PANEL; conditionGrade=D; remanProgramExists=false; functionalTestPassed=null; daysOfCover=10 || rule-grade-d                             | disposition=MATERIAL_RECYCLING
			""";

	record Step(String decisionId, String given, List<String> rules, Map<String, Object> expected) {
	}

	record Scenario(String id, String title, List<Step> steps) {
		@Override
		public String toString() {
			return id + " " + title;
		}
	}

	static List<Scenario> scenarios() {
		Map<String, Scenario> byId = new LinkedHashMap<>();
		SCENARIOS.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
			String[] halves = line.split("\\|\\|");
			String[] given = halves[0].split("\\|");
			String[] expected = halves[1].split("\\|");
			String rules = expected[0].strip();
			Step step = new Step(given[2].strip(), given[3].strip(),
					rules.equals("-") ? List.of() : Arrays.asList(rules.split("\\s+")), pairs(expected[1]));
			byId.computeIfAbsent(given[0].strip(), id -> new Scenario(id, given[1].strip(), new ArrayList<>()))
				.steps()
				.add(step);
		});
		return List.copyOf(byId.values());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void shouldReachTheBriefsOutcomeWhenTheScenarioIsPlayed(Scenario scenario) {
		Map<String, Object> previousOutputs = Map.of();
		for (Step step : scenario.steps()) {
			Map<String, Object> inputs = inputs(step.given(), previousOutputs);
			DecisionCase decisionCase = new DecisionCase(step.decisionId(), scenario + " / " + step.decisionId(),
					inputs, step.rules(), step.expected());
			Object value = decisionCase.verify().value();
			previousOutputs = value instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
		}
	}

	@Test
	void shouldComputeTheBriefsWorkedCheckDigitWhenGivenItsReferenceVin() {
		assertThat(VinFacts.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
		assertThat(VinFacts.of(" vf1maf4se51234567 ")).containsEntry("length", 17)
			.containsEntry("region", "OTHER")
			.containsEntry("charsetValid", true)
			.containsEntry("checkDigitMatches", false);
	}

	private static Map<String, Object> inputs(String given, Map<String, Object> previousOutputs) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (String token : given.split(";")) {
			String item = token.strip();
			if (item.startsWith("@")) {
				inputs.putAll(pairs(BASES.get(item.substring(1))));
			}
			else {
				pairs(item)
					.forEach((name, value) -> inputs.put(name, value instanceof String text && text.startsWith("$")
							? previousOutputs.get(text.substring(1)) : value));
			}
		}
		Object vin = inputs.remove("vin");
		if (vin != null) {
			inputs.putAll(VinFacts.of((String) vin));
		}
		return inputs;
	}

	private static Map<String, Object> pairs(String text) {
		Map<String, Object> pairs = new LinkedHashMap<>();
		for (String pair : text.split(";")) {
			if (pair.isBlank()) {
				continue;
			}
			String[] nameAndValue = pair.split("=", 2);
			pairs.put(nameAndValue[0].strip(), DecisionCase.value(nameAndValue[1]));
		}
		return pairs;
	}

	private static Map<String, Object> stringKeys(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

}

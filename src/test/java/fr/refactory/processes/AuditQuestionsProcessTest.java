package fr.refactory.processes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.eol.EndOfLineBenches;
import fr.refactory.plant.eol.TestRequest;
import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.test.HabilitationDecisions;
import fr.refactory.test.WebSession;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The auditor's questions of domain brief §6.2 (issue 22, ADR 0913): each answer is
 * checked on its page after the processes, their workers and the simulated plant created
 * the data; nothing is inserted by the test.
 */
class AuditQuestionsProcessTest extends ProcessTestSupport {

	@Autowired
	EndOfLineBenches benches;

	@Autowired
	CompetencyRegister register;

	private final List<String> donors = new ArrayList<>();

	/**
	 * Harvested cores start remanufacture instances this class does not drive to the end.
	 */
	@AfterEach
	void trackTheCoresAnnouncedByDismantling() {
		if (this.donors.isEmpty()) {
			return;
		}
		this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId("remanufacture").state(ProcessInstanceState.ACTIVE))
			.page((p) -> p.limit(1000))
			.send()
			.join()
			.items()
			.stream()
			.filter((instance) -> this.donors.contains(variableOrNull(instance.getProcessInstanceKey(), "donorVin")))
			.forEach((instance) -> track(instance.getProcessInstanceKey()));
	}

	/**
	 * Q1, Q8, Q13: a dismantled ELV. Its harvested parts are listed with their WMS
	 * movements and D10 dispositions; its certificate of destruction is compared with the
	 * shredder shipment; its material balance is listed for the year.
	 */
	@Test
	void q1q8q13ADismantledVehicleShowsWhereItsPartsWentItsCodAndItsMaterialBalance() {
		String vin = PlantInputs.unknownVin();
		long key = acquired(vin);
		complete(key, "task-check-destruction-documents", freshCsa());
		depollute(key);
		harvest(key);
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(key)).isCompleted();
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		String q1 = auditor.get("/audit/questions/q1?value=" + vin).body();
		assertThat(rows(table(q1, "parts"))).as("the seven harvested parts").hasSize(7);
		assertThat(table(q1, "parts")).contains("DISMANTLING");
		assertThat(table(q1, "part-dispositions")).contains("harvested-part-disposition", "REMAN_CORE");
		assertThat(query(q1, "parts")).contains("HARVESTED_FROM", "REMANUFACTURED_FROM", "INSTALLED_IN");

		String q8 = auditor.get("/audit/questions/q8?value=" + vin).body();
		String cod = variableOrNull(key, "codNumber");
		assertThat(rows(table(q8, "destructions"))).singleElement()
			.satisfies((row) -> assertThat(row).contains(vin, cod, variableOrNull(key, "shredderShipmentId"), "15",
					"true"));

		int year = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC).getYear();
		String q13 = auditor.get("/audit/questions/q13?value=" + year).body();
		assertThat(rows(table(q13, "balances"))).filteredOn((row) -> row.contains(vin))
			.singleElement()
			.satisfies((row) -> assertThat(row).contains("MATERIAL_BALANCE"));
		String csv = auditor.get("/audit/questions/q13.csv?value=" + year).body();
		assertThat(csv).contains(vin, "MATERIAL_BALANCE", "\"query\"");
	}

	/**
	 * Q13, ELV balance (ADR 0926): the depollution quantities typed on the form, the
	 * seven parts as the WMS weighed them and the hulk of the shredder shipment make the
	 * vehicle's mass; its reuse + recycling and reuse + recovery rates are compared with
	 * the 85 % / 95 % targets of the master data, per vehicle and for the year.
	 */
	@Test
	void q13TheElvBalanceOfADismantledVehicleGivesItsRatesAgainstTheTargets() {
		String vin = PlantInputs.unknownVin();
		long key = acquired(vin);
		complete(key, "task-check-destruction-documents", freshCsa());
		depollute(key);
		harvest(key);
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(key)).isCompleted();
		int year = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC).getYear();
		String q13 = WebSession.signedIn(baseUrl(), "auditor").get("/audit/questions/q13?value=" + year).body();

		String perVehicle = table(q13, "elv-rates-per-vehicle");
		Map<String, String> balance = rows(perVehicle).stream()
			.map((row) -> cellsByColumn(perVehicle, row))
			.filter((row) -> vin.equals(row.get("vin")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no ELV balance of " + vin + " in " + perVehicle));
		// 4.5 L engine oil and 2 L gearbox oil at 0.88 kg/L, 10 L fuel at 0.75, 0.5 L
		// brake
		// fluid at 1.05, 5 L coolant at 1.07, 0.4 kg refrigerant and a 15 kg battery
		assertThat(balance).containsEntry("depollution_kg", "34.5")
			.containsEntry("pyrotechnics_neutralised", "4")
			.containsEntry("harvested_parts", "7")
			.containsEntry("reuse_recycling_target_pct", "85")
			.containsEntry("reuse_recovery_target_pct", "95");
		double vehicleKg = Double.parseDouble(balance.get("vehicle_kg"));
		assertThat(vehicleKg).isCloseTo(34.5 + Double.parseDouble(balance.get("harvested_parts_kg"))
				+ Double.parseDouble(balance.get("hulk_kg")), within(0.2));
		double reuseRecycling = 100
				* (Double.parseDouble(balance.get("reuse_kg")) + Double.parseDouble(balance.get("recycling_kg")))
				/ vehicleKg;
		assertThat(Double.parseDouble(balance.get("reuse_recycling_pct"))).isCloseTo(reuseRecycling, within(0.1));
		assertThat(balance.get("reuse_recycling_met")).isEqualTo(Boolean.toString(reuseRecycling >= 85));
		assertThat(Double.parseDouble(balance.get("reuse_kg"))).as("the parts kept for reuse or as cores").isPositive();
		assertThat(Double.parseDouble(balance.get("reuse_recovery_pct"))).isGreaterThan(reuseRecycling);

		String perYear = table(q13, "elv-rates-per-year");
		assertThat(rows(perYear)).singleElement()
			.satisfies((row) -> assertThat(cellsByColumn(perYear, row)).containsEntry("year", Integer.toString(year))
				.containsEntry("reuse_recycling_target_pct", "85")
				.containsEntry("reuse_recovery_target_pct", "95"));
	}

	/**
	 * Q6, Q7, Q14: a dealer's core with a broken non-wear part is graded B (D8: 75 %
	 * credit); its wear part is replaced by a new component from a WMS lot; the first
	 * gate finds a minor dimensional failure (rework), the second passes and the part
	 * gets its reman serial. Q6 shows why the credit was 75 %, Q7 the rework, Q14 the
	 * trace from the reman serial back to the core and forward from the lot.
	 */
	@Test
	void q6q7q14ARemanufacturedCoreShowsItsCreditItsReworkAndItsTrace() {
		String coreSerial = PlantInputs.corePassingEol("STARTER");
		long key = announce(coreSerial);
		publish("CoreReceived", coreSerial, Map.of("partNumber", "ST-" + coreSerial.substring(5), "exchangeSaleId",
				"XS-" + coreSerial, "receiptDate", "2026-06-01", "daysSinceExchangeSale", 20));
		complete(key, "task-inspect-core", coreInspection());
		instance(key).hasVariable("coreGrade", "B").hasVariable("coreCreditPct", 75);
		publish("RemanOrderReleased", coreSerial, Map.of("workOrderId", "WO-REMAN-" + coreSerial, "targetReference",
				"ST-REMAN", "components", List.of(Map.of("reference", "BRUSH-SET", "description", "brush set"))));
		complete(key, "task-disassemble-core", Map.of("subComponentsList", "brush set"));
		complete(key, "task-clean-components",
				Map.of("cleaningProgramId", "CLEAN-3", "cleaningResult", "OK", "cleaningComment", "ok"));
		Map<String, Object> wear = new HashMap<>(Map.of("crackDetected", false, "safetyCritical", false,
				"reconditionable", false, "windingInsulationMOhm", 500, "equipmentId", "REMAN-GAUGE-1"));
		wear.putAll(Map.of("componentClass", "WEAR_PART", "measuredWearPct", 90));
		complete(key, "task-inspect-component", wear);
		complete(key, "task-reassemble-part", Map.of("torqueRecords", "M8 25 Nm", "newSerial", "tmp"));
		gate(key, Map.of("DIMENSIONAL_SAMPLE", ManualChecks.nok("MINOR", "BORE-OVERSIZE")));
		complete(key, "task-reassemble-part", Map.of("torqueRecords", "M8 25 Nm", "newSerial", "tmp"));
		gate(key, Map.of());
		instance(key).isCompleted();
		String remanSerial = variableOrNull(key, "remanSerial");
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		String q6 = auditor.get("/audit/questions/q6?value=" + encoded(coreSerial)).body();
		assertThat(rows(table(q6, "core-decisions"))).filteredOn((row) -> row.contains("core-acceptance<"))
			.singleElement()
			.satisfies((row) -> assertThat(row).contains("missingOrBrokenNonWearParts = 1", "75"));
		assertThat(table(q6, "core-tasks")).contains("task-inspect-core", "COMPLETED");
		assertThat(rows(table(q6, "core-records"))).anySatisfy((row) -> assertThat(row).contains("CORE_CREDIT"));

		String q7 = auditor.get("/audit/questions/q7?value=" + encoded(coreSerial)).body();
		assertThat(rows(table(q7, "non-conformities"))).singleElement()
			.satisfies((row) -> assertThat(row).contains("BORE-OVERSIZE", "MINOR", "REWORK"));

		String q14 = auditor.get("/audit/questions/q14?value=" + encoded(remanSerial)).body();
		String back = table(q14, "reman-genealogy");
		assertThat(back).contains(coreSerial, "PARTS_PICKED", "TEST_RUN", "QUALITY_RESULTS_RECORDED",
				"REMAN_LABEL_PRINTED", "MEASUREMENTS_RECORDED");
		String lot = rows(back).stream()
			.filter((row) -> row.contains("PARTS_PICKED"))
			.map((row) -> row.replaceAll("(?s).*&quot;lot&quot;:&quot;([^&]+)&quot;.*", "$1"))
			.findFirst()
			.orElseThrow();
		String q14Forward = auditor.get("/audit/questions/q14?value=" + encoded(lot)).body();
		assertThat(rows(table(q14Forward, "lot-uses")))
			.anySatisfy((row) -> assertThat(row).contains(coreSerial, remanSerial));
	}

	/**
	 * Q5: a remanufactured starter tested on an end-of-line bench past its calibration
	 * (AS-67) goes through the quality gate, which holds it as suspect; the answer for
	 * the bench lists the result and the containment.
	 */
	@Test
	void q5AnItemCheckedWithEquipmentOutOfCalibrationIsListedWithItsContainment() {
		String core = PlantInputs.corePassingEol("STARTER");
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		String equipment = PlantInputs.equipmentOutOfCalibration(today.minusDays(7));
		this.benches.runTest(IdempotencyKey.of(core + "-eol"), new TestRequest("PART", core, "STARTER_EOL", equipment));
		Map<String, Object> variables = new HashMap<>();
		variables.put("subjectType", "PART_REMAN");
		variables.put("subjectKey", core);
		variables.put("reworkCount", 0);
		long key = track(start("quality-gate", variables).getProcessInstanceKey());
		ManualChecks.complete(this.client, key, Map.of());
		instance(key).hasVariable("containmentRequired", true).hasActiveElements("task-confirm-containment");

		String page = WebSession.signedIn(baseUrl(), "auditor")
			.get("/audit/questions/q5?value=" + encoded(equipment))
			.body();

		assertThat(rows(table(page, "out-of-calibration"))).filteredOn((row) -> row.contains(core))
			.singleElement()
			.satisfies((row) -> assertThat(row).contains("EOL_BENCH", "HOLD-"));
		assertThat(query(page, "out-of-calibration")).contains("equipment_calibration_due_date");
	}

	/**
	 * Q3: an HV lockout by a BCL holder on shift is listed as valid with the symbols the
	 * officer held that day; a lockout nobody was designated for is listed as refused.
	 */
	@Test
	void q3EveryHvLockoutIsListedWithTheHabilitationHeldThatDay() {
		String vehicle = uniqueId("VF1HV");
		String officer = bclHolderOnShift();
		long locked = track(start("hv-lockout", lockout(vehicle, officer)).getProcessInstanceKey());
		complete(locked, "task-lock-out-hv-system", Map.of("lockoutCertificateNumber", "LOTO-" + locked,
				"voltageMeterId", "VAT-7", "absenceOfVoltageVerified", true));
		instance(locked).isCompleted();
		String unattended = uniqueId("VF1HV");
		long refused = track(start("hv-lockout", lockout(unattended, null)).getProcessInstanceKey());
		instance(refused).hasVariable("habilitationValid", false);
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		String valid = auditor.get("/audit/questions/q3?value=" + encoded(vehicle)).body();
		String invalid = auditor.get("/audit/questions/q3?value=" + encoded(unattended)).body();

		assertThat(rows(table(valid, "habilitation-checks"))).singleElement()
			.satisfies((row) -> assertThat(row).contains(officer, "BCL", "2026-06-15", "<td>true</td>"));
		assertThat(rows(table(invalid, "habilitation-checks"))).singleElement()
			.satisfies((row) -> assertThat(row).contains("NONE", "<td>false</td>", "NOBODY_DESIGNATED"));
	}

	/**
	 * Q10: a process owner changes a threshold on the models page; the models in force
	 * that day name the new version, the owner and the reason; the day before does not.
	 */
	@Test
	void q10TheModelsInForceOnADayNameTheDeploymentsAndTheirReasons() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		String reason = "Audit Q10 " + uniqueId("reason");
		String models = owner.get("/models").body();
		String value = cellOf(parameterRow(models, "sohReuseMinPct"), "value");
		String changed = "75".equals(value) ? "74" : "75";
		assertThat(
				owner.post("/models/parameters", parameterForm(models, "sohReuseMinPct", changed, reason)).statusCode())
			.isEqualTo(200);
		try {
			LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
			WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

			String onTheDay = auditor.get("/audit/questions/q10?value=" + today).body();
			String dayBefore = auditor.get("/audit/questions/q10?value=" + today.minusDays(1)).body();

			assertThat(rows(table(onTheDay, "models"))).filteredOn((row) -> row.contains("battery-disposition.dmn"))
				.singleElement()
				.satisfies(
						(row) -> assertThat(row).contains("process-owner", reason, "battery-disposition-parameters"));
			assertThat(table(onTheDay, "models")).contains("intake-route.dmn", "lcv-retrofit.bpmn");
			assertThat(table(dayBefore, "models")).doesNotContain(reason);
		}
		finally {
			String again = owner.get("/models").body();
			owner.post("/models/parameters", parameterForm(again, "sohReuseMinPct", value, "Audit Q10 test over"));
		}
	}

	/**
	 * Q11: a renew vehicle of eight and a half years is out of D2's renew profile and
	 * goes to manual review; the supervisor overrides the route with a justification.
	 */
	@Test
	void q11TheIntakeRouteShowsD2AndTheOverrideWithItsJustification() {
		String vin = PlantInputs.unknownVin();
		Map<String, Object> announced = new HashMap<>();
		announced.put("vin", vin);
		announced.put("declaredProgram", "USED_CAR_REFURB");
		announced.put("sender", "FLEET-" + vin.substring(12));
		long key = track(this.client.newCorrelateMessageCommand()
			.messageName("VehicleArrivalAnnounced")
			.correlationKey(vin)
			.variables(announced)
			.send()
			.join()
			.getProcessInstanceKey());
		publish("VehicleAtGate", vin, Map.of());
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		complete(key, "task-enter-master-data", masterData(today.minusYears(8).minusMonths(6)));
		complete(key, "task-inspect-at-gate",
				gateInspection(Map.of("damageSeverity", "COSMETIC", "odometerKm", 62000)));
		instance(key).hasVariable("route", "MANUAL_REVIEW").hasActiveElements("task-review-route");
		complete(key, "task-review-route",
				Map.of("chosenRoute", "RETURN", "routeJustification", "owner wants it back", "routeApproved", true));
		instance(key).hasVariable("route", "RETURN");

		String page = WebSession.signedIn(baseUrl(), "auditor").get("/audit/questions/q11?value=" + vin).body();

		assertThat(rows(table(page, "intake-decisions"))).filteredOn((row) -> row.contains("intake-route<"))
			.singleElement()
			.satisfies((row) -> assertThat(row).contains("MANUAL_REVIEW", "OUT_OF_RENEW_PROFILE"));
		assertThat(table(page, "intake-tasks")).contains("task-review-route", "COMPLETED");
		assertThat(table(page, "intake-override")).contains("routeJustification", "owner wants it back", "RETURN");
	}

	/**
	 * What the auditor enters is checked: a year that is not one keeps the page with its
	 * message, the CSV answers problem+json naming the field; an unknown question is not
	 * found; only auditors read the answers.
	 */
	@Test
	void aBadValueIsNamedAnUnknownQuestionIsNotFoundAndOnlyAuditorsAsk() {
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		java.net.http.HttpResponse<String> page = auditor.get("/audit/questions/q13?value=soon");
		java.net.http.HttpResponse<String> csv = auditor.get("/audit/questions/q13.csv?value=soon");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"question-error\"", "value=\"soon\"");
		assertThat(csv.statusCode()).isEqualTo(400);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(csv.body()).contains("\"field\":\"value\"");
		assertThat(auditor.get("/audit/questions/q99").statusCode()).isEqualTo(404);
		assertThat(WebSession.signedIn(baseUrl(), "intake-operator").get("/audit/questions").statusCode())
			.isEqualTo(403);
	}

	// --- HV lockout, as HvLockoutProcessTest drives it ---

	private String bclHolderOnShift() {
		LocalDate day = LocalDate.of(2026, 6, 15);
		return this.register.peopleOnShift(day)
			.stream()
			.filter((person) -> HabilitationDecisions.allows(this.client, "LOCKOUT", day,
					this.register.habilitationsOf(person, day).asTitles()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("nobody with BCL on shift on " + day));
	}

	private static Map<String, Object> lockout(String subject, String officer) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("lockoutAction", "LOCK");
		if (officer != null) {
			variables.put("lockoutOfficerId", officer);
		}
		variables.put("vehicleHasHvSystem", true);
		variables.put("operationDate", "2026-06-15");
		variables.put("subjectKey", subject);
		variables.put("subjectType", "VEHICLE");
		return variables;
	}

	// --- the models page, as DecisionParametersPageTest fills it ---

	private static Map<String, List<String>> parameterForm(String page, String parameter, String value, String reason) {
		String row = parameterRow(page, parameter);
		return Map.of("decisionId", List.of(hidden(row, "decisionId")), "decisionKey",
				List.of(hidden(row, "decisionKey")), "name", List.of(hidden(row, "name")), "value", List.of(value),
				"reason", List.of(reason));
	}

	private static String parameterRow(String page, String parameter) {
		String table = page.substring(page.indexOf("id=\"parameter-values\""));
		int start = table.indexOf("data-parameter=\"" + parameter + "\"");
		assertThat(start).as("row of %s on the models page", parameter).isPositive();
		return table.substring(start, table.indexOf("</tr>", start));
	}

	private static String cellOf(String row, String cssClass) {
		Matcher cell = Pattern.compile("<td class=\"" + cssClass + "\">([^<]*)</td>").matcher(row);
		assertThat(cell.find()).as("cell %s in %s", cssClass, row).isTrue();
		return cell.group(1).strip();
	}

	private static String hidden(String row, String name) {
		Matcher field = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(row);
		assertThat(field.find()).as("field %s in %s", name, row).isTrue();
		return field.group(1);
	}

	// --- vehicle intake, as VehicleIntakeProcessTest drives it ---

	private static Map<String, Object> masterData(LocalDate firstRegistration) {
		Map<String, Object> data = new HashMap<>();
		data.put("make", "RENAULT");
		data.put("modelFamily", "CLIO");
		data.put("cnit", "M10TEST0001");
		data.put("category", "M1");
		data.put("firstRegistrationDate", firstRegistration.toString());
		data.put("powertrain", "ICE_PETROL");
		data.put("originalMaxPowerKw", 92);
		data.put("massInRunningOrderKg", 2000);
		data.put("gvwrKg", 3500);
		data.put("registeredInFranceDefinitive", true);
		data.put("collectionRegistration", false);
		return data;
	}

	private Map<String, Object> gateInspection(Map<String, Object> findings) {
		Map<String, Object> inspection = new HashMap<>();
		inspection.put("arrivalAt", this.processTestContext.getCurrentTime().toString());
		inspection.put("odometerKm", 80000);
		inspection.put("fuelOrChargeLevelPct", 40);
		inspection.put("keysCount", 2);
		inspection.put("documentsPresent", List.of("REGISTRATION_CERTIFICATE", "CSA"));
		inspection.put("damageDescription", "as found at the gate");
		inspection.put("underbodyImpact", false);
		inspection.put("airbagDeployed", false);
		inspection.put("fireDamage", false);
		inspection.put("floodDamage", false);
		inspection.put("hvSmokeOrSmell", false);
		inspection.put("vinPlateMatchesRegistration", true);
		inspection.putAll(findings);
		return inspection;
	}

	// --- remanufacture, as RemanufactureProcessTest drives it ---

	private long announce(String coreSerial) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("coreSerial", coreSerial);
		variables.put("partFamily", "STARTER");
		variables.put("partNumber", "ST-" + coreSerial.substring(5));
		variables.put("exchangedPartNumber", "ST-" + coreSerial.substring(5));
		variables.put("customerId", "GARAGE-1");
		return track(this.client.newCorrelateMessageCommand()
			.messageName("CoreAnnounced")
			.correlationKey(coreSerial)
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey());
	}

	private static Map<String, Object> coreInspection() {
		Map<String, Object> inspection = new HashMap<>();
		inspection.put("likeForLike", true);
		inspection.put("completeAndAssembled", true);
		inspection.put("disassembled", false);
		inspection.put("housingCracked", false);
		inspection.put("fireOrWaterDamage", false);
		inspection.put("corrosion", "NONE");
		inspection.put("priorRepairOrWelding", false);
		inspection.put("partNumberLegible", true);
		inspection.put("missingOrBrokenNonWearParts", 1);
		inspection.put("corePhotosRef", "PHOTOS-CORE");
		return inspection;
	}

	/**
	 * The quality gate the reman instance calls: the inspector's manual check results.
	 */
	private void gate(long key, Map<String, Map<String, Object>> results) {
		long gate = activeChild(key);
		ManualChecks.complete(this.client, gate, results);
		instance(gate).isCompleted();
	}

	// --- dismantling, as DismantlingProcessTest drives it ---

	private long acquired(String vin) {
		this.donors.add(vin);
		Map<String, Object> variables = new HashMap<>();
		variables.put("vin", vin);
		variables.put("powertrain", "ICE_PETROL");
		variables.put("modelFamily", "CLIO");
		variables.put("holderName", "Holder " + vin.substring(12));
		return track(this.client.newCorrelateMessageCommand()
			.messageName("ElvAcquired")
			.correlationKey(vin)
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey());
	}

	private Map<String, Object> freshCsa() {
		Map<String, Object> documents = new HashMap<>();
		documents.put("registrationCrossedSigned", true);
		documents.put("cerfa15776Ref", "CERFA-1");
		documents.put("csaDate",
				LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC).minusDays(3).toString());
		documents.put("holderIdentityChecked", true);
		return documents;
	}

	private void depollute(long key) {
		complete(key, "task-depollute-vehicle",
				Map.of("engineOilL", 4.5, "gearboxOilL", 2.0, "fuelL", 10, "brakeFluidL", 0.5, "coolantL", 5,
						"refrigerantKg", 0.4, "twelveVoltBatteryKg", 15, "pyrotechnicsNeutralisedCount", 4,
						"filtersCount", 2));
	}

	private void harvest(long key) {
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(key)).hasActiveElements("sub-harvest-parts");
		String low = PlantInputs.partNumberWithCover(false);
		String high = PlantInputs.partNumberWithCover(true);
		List<String> partNumbers = List.of(low, low, low, high, low, low, high);
		for (int part = 0; part < 7; part++) {
			complete(key, "task-remove-part", Map.of("partNumber", partNumbers.get(part), "serialNumber",
					"SN-" + key + "-" + part, "conditionGrade", (part == 1) ? "D" : "A"));
		}
		for (int part = 0; part < 7; part++) {
			complete(key, "task-test-and-label-part", Map.of("functionalTestResult", "OK", "labelPrinted", true));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline && !harvestDone(key)) {
			for (UserTask ignored : openTasks(key, "task-review-part-disposition")) {
				complete(key, "task-review-part-disposition",
						Map.of("reviewedDisposition", "MATERIAL_RECYCLING", "dispositionComment", "no buyer"));
			}
		}
	}

	private boolean harvestDone(long key) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(key).elementId("sub-harvest-parts").state(ElementInstanceState.ACTIVE))
			.send()
			.join()
			.items()
			.isEmpty();
	}

	private List<UserTask> openTasks(long key, String elementId) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(key).elementId(elementId).state(UserTaskState.CREATED))
			.send()
			.join()
			.items();
	}

	// --- reading the answer pages ---

	static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The HTML of the answer table with this id. */
	static String table(String page, String id) {
		int start = page.indexOf("<table id=\"" + id + "\"");
		assertThat(start).as("table %s on the page", id).isNotNegative();
		return page.substring(start, page.indexOf("</table>", start));
	}

	/** The cells of a body row by the column names of the table's head. */
	static Map<String, String> cellsByColumn(String table, String row) {
		List<String> columns = cells(table.substring(0, table.indexOf("</thead>")), "th");
		List<String> values = cells(row, "td");
		Map<String, String> cells = new HashMap<>();
		for (int column = 0; column < columns.size(); column++) {
			cells.put(columns.get(column), values.get(column));
		}
		return cells;
	}

	private static List<String> cells(String html, String tag) {
		java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<" + tag + "(?:\\s[^>]*)?>(.*?)</" + tag + ">")
			.matcher(html);
		List<String> cells = new ArrayList<>();
		while (cell.find()) {
			cells.add(cell.group(1));
		}
		return cells;
	}

	/** The body rows of a table, each as its HTML. */
	static List<String> rows(String table) {
		String body = table.substring(table.indexOf("<tbody>"));
		List<String> rows = new ArrayList<>();
		int at = body.indexOf("<tr");
		while (at >= 0) {
			int end = body.indexOf("</tr>", at);
			rows.add(body.substring(at, end));
			at = body.indexOf("<tr", end);
		}
		return rows;
	}

	/** The query behind a table, as shown on the page. */
	static String query(String page, String id) {
		int start = page.indexOf("id=\"" + id + "-query\"");
		assertThat(start).as("query of %s on the page", id).isNotNegative();
		return page.substring(start, page.indexOf("</pre>", start));
	}

	static ProcessInstanceAssert instance(long key) {
		return assertThatProcessInstance(ProcessInstanceSelectors.byKey(key));
	}

}

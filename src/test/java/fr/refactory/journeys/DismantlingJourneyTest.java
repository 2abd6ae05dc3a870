package fr.refactory.journeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.plant.wms.SimulatedWms;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Certificates;
import fr.refactory.records.Part;
import fr.refactory.records.Parts;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Variable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey of dismantling (domain brief §3.7, AS-69 to AS-71): an end-of-life Zoe bought
 * by the ERP is dismantled by the people of the line, from the purchase to the
 * certificate of destruction.
 */
class DismantlingJourneyTest extends JourneyTest {

	private static final Pattern CANDIDATE = Pattern.compile("Remove (\\S+) (\\S+) from donor vehicle");

	/**
	 * D10 rules 1 and 4 run on the WMS's answers; the journey reads them from the same
	 * simulated WMS.
	 */
	private static final SimulatedWms WMS = new SimulatedWms(Simulation.immediate("wms"));

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private AuditLog auditLog;

	@Autowired
	private Certificates certificates;

	@Autowired
	private Parts parts;

	/**
	 * AS-69 with AS-70/AS-71 and issue 15's TURBO acceptance point: documents checked,
	 * the lockout officer chosen in the console among the BCL holders on shift locks the
	 * Zoe out, its battery goes to battery triage, the car is depolluted and seven parts
	 * harvested (the damaged gearbox recycled, the TURBO and the other reman families
	 * announced to remanufacture as cores, the lighting and body panel reused or
	 * reviewed), the hulk shipped and the certificate of destruction issued.
	 */
	@Test
	void anEndOfLifeZoeIsLockedOutDepollutedHarvestedAndDestroyed() {
		EndOfLifeEv zoe = EndOfLifeEv.withPack((bms) -> true);
		try (Operator people = operators("dismantling")) {
			zoe.acquiredByTheErp(this.client);
			long dismantling = instanceOf("dismantling", "vin", zoe.vin);

			zoe.documentsChecked(people);
			zoe.officerChosen(people, "hse-officer", zoe.vin);
			zoe.lockedOut(people, zoe.vin);
			zoe.batteryRemoved(people);
			long triage = instanceOf("battery-triage", "batteryId", zoe.batteryId);
			depolluted(people, zoe.vin);
			List<String> families = harvested(people, zoe.vin);
			reviewedUntilHarvested(people, zoe.vin, dismantling);

			awaitEnded(dismantling, "end-vehicle-destroyed");
			String auditorSees = people.as("auditor").lastPage("/audit/instances/" + dismantling);
			assertThat(auditorSees).contains("COMPLETED", zoe.vin, "Issue certificate of destruction", "HV lockout",
					"Remove traction battery", "Post material balance");

			assertThat(families).containsExactlyInAnyOrder("ENGINE", "GEARBOX", "TURBO", "STARTER_ALTERNATOR", "ECU",
					"BODY_PANEL", "LIGHTING");
			theLockoutWasDoneByTheChosenOfficer(dismantling);
			theBatteryWentToTriage(triage, zoe);
			theTurboIsARemanCore(dismantling, zoe.vin);
			theRecordsShowTheDestruction(dismantling, zoe.vin);
		}
	}

	/**
	 * 7.5 on an EV: no engine oil nor fuel; the reduction gear oil, brake fluid, coolant,
	 * refrigerant, 12 V, airbags.
	 */
	private void depolluted(Operator people, String vin) {
		people.as("dismantling-operator")
			.task(vin, "Depollute vehicle")
			.set("engineOilL", "0")
			.set("gearboxOilL", "1.5")
			.set("fuelL", "0")
			.set("brakeFluidL", "0.5")
			.set("coolantL", "6")
			.set("refrigerantKg", "0.45")
			.set("twelveVoltBatteryKg", "12")
			.set("pyrotechnicsNeutralisedCount", "6")
			.set("filtersCount", "1")
			.complete("depollution");
	}

	/**
	 * 7.7: the operator removes each candidate the WMS listed, typing the reference shown
	 * on the task; the gearbox has a cracked casing (grade D), the others are as new.
	 * Then each part passes its functional test and is labelled.
	 */
	private List<String> harvested(Operator people, String vin) {
		List<String> families = new ArrayList<>();
		people.as("dismantling-operator");
		for (int part = 0; part < 7; part++) {
			TaskForm removal = people.task(vin, "Remove part");
			Matcher candidate = CANDIDATE.matcher(removal.text());
			assertThat(candidate.find()).as("the task names the candidate part: %s", removal.text()).isTrue();
			String family = candidate.group(1);
			families.add(family);
			removal.set("partNumber", candidate.group(2))
				.set("serialNumber", "SN-" + family.replace("_", "-") + "-" + vin.substring(11))
				.set("conditionGrade", "GEARBOX".equals(family) ? "D" : "A")
				.complete("remove-" + family);
		}
		for (int part = 0; part < 7; part++) {
			people.task(vin, "Test and label part")
				.set("functionalTestResult", "OK")
				.set("labelPrinted", "true")
				.complete("test-and-label-" + part);
		}
		return families;
	}

	/**
	 * D10 rule 4 reuses an A-grade part with less than 90 days of cover; with more (the
	 * WMS's answer for the Zoe's lighting or body panel) it is for parts-testers to
	 * review (rule 7): they send it to recycling.
	 */
	private void reviewedUntilHarvested(Operator people, String vin, long dismantling) {
		long reviews = List.of("ZOE-LIGHTING", "ZOE-BODY-PANEL")
			.stream()
			.filter((reference) -> WMS.demandFor(reference).daysOfCover() >= 90)
			.count();
		for (int review = 0; review < reviews; review++) {
			people.as("dismantling-operator")
				.task(vin, "Review part disposition")
				.set("reviewedDisposition", "MATERIAL_RECYCLING")
				.set("dispositionComment", "More than 90 days of stock: no buyer for this one")
				.complete("review-disposition-" + review);
		}
		Awaitility.await("harvest done")
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.client.newElementInstanceSearchRequest()
				.filter((f) -> f.processInstanceKey(dismantling)
					.elementId("sub-harvest-parts")
					.state(ElementInstanceState.ACTIVE))
				.send()
				.join()
				.items()
				.isEmpty());
	}

	private void theLockoutWasDoneByTheChosenOfficer(long dismantling) {
		List<Long> lockouts = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(dismantling).processDefinitionId("hv-lockout"))
			.send()
			.join()
			.items()
			.stream()
			.map((instance) -> instance.getProcessInstanceKey())
			.toList();
		// the first call found nobody designated (HABILITATION_MISSING), the second the
		// chosen officer
		assertThat(lockouts).hasSize(2);
		long lockedOut = lockouts.stream()
			.filter((key) -> !completedElements(key, "end-hv-system-locked-out").isEmpty())
			.findFirst()
			.orElseThrow();
		assertThat(this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(lockedOut).elementId("task-lock-out-hv-system"))
			.send()
			.join()
			.items()).singleElement()
			.satisfies((task) -> assertThat(task.getAssignee()).isEqualTo(EndOfLifeEv.OFFICER));
		assertThat(variable(lockedOut, "lockoutCertificateId")).isNotBlank();
	}

	/**
	 * The removed pack is received by battery triage, from dismantling, with its host
	 * VIN.
	 */
	private void theBatteryWentToTriage(long triage, EndOfLifeEv zoe) {
		assertThat(this.client.newProcessInstanceGetRequest(triage).send().join().getState())
			.isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(variable(triage, "hostVin")).isEqualTo(zoe.vin);
		assertThat(variable(triage, "origin")).isEqualTo("DISMANTLING");
	}

	/**
	 * Issue 15: the TURBO harvested from the Zoe is a REMAN_CORE (D10 rule 1) and is
	 * announced to remanufacture, whose instance for it starts with the donor VIN.
	 */
	private void theTurboIsARemanCore(long dismantling, String vin) {
		Map<String, String> dispositionByFamily = new HashMap<>();
		Map<Long, String> familyByScope = new HashMap<>();
		for (Variable part : variables(dismantling, "harvestedPart")) {
			familyByScope.put(part.getScopeKey(), json(part.getValue()).path("partFamily").asText());
		}
		for (Variable disposition : variables(dismantling, "harvestDisposition")) {
			String family = familyByScope.get(disposition.getScopeKey());
			if (family != null) {
				dispositionByFamily.put(family, json(disposition.getValue()).asText());
			}
		}
		assertThat(dispositionByFamily).containsEntry("TURBO", "REMAN_CORE")
			.containsEntry("ENGINE", "REMAN_CORE")
			.containsEntry("GEARBOX", "MATERIAL_RECYCLING");

		List<Long> cores = Awaitility.await("cores announced to remanufacture")
			.atMost(Duration.ofSeconds(60))
			.until(() -> instancesWith("remanufacture", "donorVin", vin), (found) -> found.size() >= 4);
		cores.forEach(this::track);
		assertThat(cores.stream().map((core) -> variable(core, "partFamily")).toList()).contains("TURBO", "ENGINE",
				"STARTER_ALTERNATOR", "ECU");
		long turbo = cores.stream()
			.filter((core) -> "TURBO".equals(variable(core, "partFamily")))
			.findFirst()
			.orElseThrow();
		assertThat(variable(turbo, "origin")).isEqualTo("DISMANTLING");
		assertThat(variable(turbo, "coreSerial")).isEqualTo("SN-TURBO-" + vin.substring(11));
	}

	/**
	 * Q1, Q8, Q13: the harvested parts with their donor, the CoD record, the take-over
	 * receipt, the material balance.
	 */
	private void theRecordsShowTheDestruction(long dismantling, String vin) {
		String codNumber = variable(dismantling, "codNumber");
		assertThat(codNumber).isNotBlank();
		assertThat(variable(dismantling, "takeOverReceiptNumber")).isNotBlank();
		assertThat(variable(dismantling, "shredderShipmentId")).isNotBlank();
		assertThat(this.certificates.forSubject(vin)).anySatisfy((certificate) -> {
			assertThat(certificate.kind()).isEqualTo("CERTIFICATE_OF_DESTRUCTION");
			assertThat(certificate.number()).isEqualTo(codNumber);
		});
		assertThat(this.parts.harvestedFrom(vin)).extracting(Part::family)
			.containsExactlyInAnyOrder("ENGINE", "GEARBOX", "TURBO", "STARTER_ALTERNATOR", "ECU", "BODY_PANEL",
					"LIGHTING");
		List<AuditEntry> trail = this.auditLog.about(vin);
		assertThat(trail).extracting(AuditEntry::action)
			.contains("TASK_COMPLETED", "TAKE_OVER_DECLARED", "LOCKOUT_OFFICERS_PROPOSED", "COD_ISSUED",
					"DOCUMENT_GENERATED", "ERP_POSTED");
		// each harvested part has its own trail, under its part id, naming the donor
		assertThat(this.auditLog.withAction("PART_HARVESTED")).filteredOn((entry) -> entry.data().contains(vin))
			.hasSize(7);
		assertThat(trail).filteredOn((entry) -> "TASK_COMPLETED".equals(entry.action()))
			.extracting(AuditEntry::actor)
			.contains("dismantling-admin", "hse-officer", "dismantling-operator");
	}

	private List<Long> instancesWith(String processId, String name, String value) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.name(name).value("\"" + value + "\""))
			.send()
			.join()
			.items()
			.stream()
			.map(Variable::getProcessInstanceKey)
			.distinct()
			.filter((key) -> processId
				.equals(this.client.newProcessInstanceGetRequest(key).send().join().getProcessDefinitionId()))
			.toList();
	}

	private List<Variable> variables(long instance, String name) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).name(name))
			.page((page) -> page.limit(100))
			.send()
			.join()
			.items();
	}

	private List<?> completedElements(long instance, String elementId) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).elementId(elementId).state(ElementInstanceState.COMPLETED))
			.send()
			.join()
			.items();
	}

	private String variable(long instance, String name) {
		return variableOrNull(instance, name);
	}

	private static JsonNode json(String value) {
		try {
			return JSON.readTree(value);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("Not JSON: " + value, ex);
		}
	}

}

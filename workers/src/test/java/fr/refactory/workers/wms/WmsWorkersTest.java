package fr.refactory.workers.wms;

import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditLog;
import fr.refactory.records.Genealogy;
import fr.refactory.records.Parts;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.Results;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import io.camunda.client.exception.JobError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WmsWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	WmsWorkers workers;

	@Autowired
	Parts parts;

	@Autowired
	Genealogy genealogy;

	@Autowired
	AuditLog audit;

	@Test
	void assignYardLocationGivesAQuarantineBayToAnHvSuspectVehicle() {
		String vin = TestVins.master();
		Object normal = this.workers
			.assignYardLocation(TestJob.of("wms.assignYardLocation", Map.of("vin", vin, "quarantine", false)))
			.get("yardLocation");
		Object quarantine = this.workers
			.assignYardLocation(TestJob.of("wms.assignYardLocation", Map.of("vin", vin, "quarantine", true)))
			.get("yardLocation");

		assertThat(normal).isNotNull().isNotEqualTo(quarantine);
		assertThat(this.audit.about(vin)).hasSize(2);
	}

	@Test
	void moveToLocationUsesTheHeaderOrTheInputLocationAndNeedsOne() {
		String vin = TestVins.master();
		Map<String, Object> byHeader = this.workers
			.moveToLocation(TestJob.of("wms.moveToLocation", Map.of("vin", vin)).header("location", "HV_QUARANTINE"));
		assertThat(byHeader.get("yardLocation")).isNotNull().isEqualTo(byHeader.get("quarantineLocation"));

		Map<String, Object> byInput = this.workers.moveToLocation(TestJob.of("wms.moveToLocation",
				Map.of("coreSerial", "CORE-" + vin, "location", "CORE_RETURN")));
		assertThat(byInput.get("location")).isNotNull();
		assertThat(this.audit.about("CORE-" + vin)).singleElement()
			.satisfies((entry) -> assertThat(entry.data()).contains("CORE_RETURN"));

		assertThatThrownBy(() -> this.workers.moveToLocation(TestJob.of("wms.moveToLocation", Map.of("vin", vin))))
			.isInstanceOfSatisfying(JobError.class, (error) -> assertThat(error.getRetries()).isZero());
	}

	@Test
	void putAwayAndMoveToScrapGiveStockLocations() {
		String battery = "BAT-" + TestVins.master();
		assertThat(this.workers
			.putAway(TestJob.of("wms.putAway", Map.of("batteryId", battery)).header("location", "EXCHANGE_STOCK"))
			.get("stockLocation")).isNotNull();
		assertThat(this.workers
			.moveToScrap(TestJob.of("wms.moveToScrap", Map.of("subjectType", "BATTERY", "subjectKey", battery)))
			.get("scrapLocation")).isNotNull();
	}

	@Test
	void partsAreCheckedAndReserved() {
		List<Map<String, Object>> partsList = List.of(Map.of("partNumber", "7701-DOOR", "quantity", 1),
				Map.of("partNumber", "7701-LAMP", "quantity", 2));
		Map<String, Object> availability = this.workers.checkPartsAvailability(
				TestJob.of("wms.checkPartsAvailability", Map.of("vin", TestVins.master(), "partsList", partsList)));
		assertThat(Results.list(availability.get("partsAvailabilityLines"))).hasSize(2)
			.allSatisfy((row) -> assertThat(Results.map(row)).containsKeys("partNumber", "available", "inStock"));

		Map<String, Object> reservation = this.workers.reserveParts(TestJob.of("wms.reserveParts",
				Map.of("vin", TestVins.master(), "workOrderId", "WO-TEST-1", "partsList", partsList)));
		assertThat(Results.list(reservation.get("reservationIds"))).hasSize(1);
		assertThat(reservation.get("criticalPartsReserved")).isInstanceOf(Boolean.class);
	}

	@Test
	void pickPartsLinksThePickedLotToTheCore() {
		String core = "CORE-" + TestVins.master();
		Map<String, Object> picked = this.workers.pickParts(TestJob.of("wms.pickParts",
				Map.of("coreSerial", core, "component", Map.of("reference", "7701-BEARING"))));

		assertThat(picked).containsEntry("componentPicked", true);
		assertThat(this.genealogy.linksOf(core)).singleElement().satisfies((link) -> {
			assertThat(link.relation()).isEqualTo("CONSUMED_IN");
			assertThat(link.fromKey()).isEqualTo(picked.get("pickedLot"));
		});
	}

	@Test
	void aHarvestedPartDeliveredTwiceIsRecordedLinkedAndAuditedOnce() {
		String vin = TestVins.master();
		TestJob job = TestJob.of("wms.createHarvestedPart", Map.of("donorVin", vin, "origin", "DISMANTLING",
				"harvestedPart", Map.of("partNumber", "8201-ALT", "partFamily", "STARTER_ALTERNATOR", "conditionGrade", "B")));

		Map<String, Object> first = this.workers.createHarvestedPart(job);
		Map<String, Object> second = this.workers.createHarvestedPart(job.again());

		assertThat(second).isEqualTo(first);
		assertThat(first).containsEntry("remanProgramExists", true).containsKey("daysOfCover");
		assertThat(this.parts.harvestedFrom(vin)).singleElement().satisfies((part) -> {
			assertThat(part.partNumber()).isEqualTo("8201-ALT");
			assertThat(part.conditionGrade()).isEqualTo("B");
		});
		assertThat(this.genealogy.linksOf(vin)).singleElement().satisfies((link) -> {
			assertThat(link.fromKey()).isEqualTo(first.get("partId"));
			assertThat(link.relation()).isEqualTo("HARVESTED_FROM");
		});
		assertThat(this.audit.about(first.get("partId").toString())).hasSize(1);
	}

	@Test
	void getDemandForReferenceListsTheHarvestCandidatesWithTheirFamily() {
		Map<String, Object> result = this.workers.getDemandForReference(
				TestJob.of("wms.getDemandForReference", Map.of("vin", TestVins.master(), "modelFamily", "MASTER_III")));

		assertThat(Results.list(result.get("harvestCandidates"))).isNotEmpty().allSatisfy(
				(candidate) -> assertThat(Results.map(candidate)).containsKeys("partNumber", "partFamily", "daysOfCover"));
		assertThat(Results.list(result.get("harvestCandidates"))).map(Results::map)
			.filteredOn((candidate) -> "TURBO".equals(candidate.get("partFamily")))
			.singleElement()
			.satisfies((turbo) -> assertThat(turbo).containsEntry("remanProgramExists", true));
	}

	/**
	 * 7.7: the operator types the candidate's reference the task shows into the removal form, so the WMS lists only
	 * references that form accepts (its part number pattern; ADR 0450).
	 */
	@Test
	void harvestCandidatesHaveReferencesTheRemovalFormAccepts() throws java.io.IOException {
		String pattern = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(java.nio.file.Path.of("processes/forms/harvested-part-removal.form").toFile())
			.path("components")
			.findParents("key")
			.stream()
			.filter((field) -> "partNumber".equals(field.path("key").asText()))
			.findFirst()
			.orElseThrow()
			.path("validate")
			.path("pattern")
			.asText();
		Map<String, Object> result = this.workers.getDemandForReference(
				TestJob.of("wms.getDemandForReference", Map.of("vin", TestVins.master(), "modelFamily", "MASTER_III")));

		assertThat(pattern).isNotBlank();
		assertThat(Results.list(result.get("harvestCandidates"))).map(Results::map)
			.extracting((candidate) -> candidate.get("partNumber").toString())
			.hasSize(7)
			.allSatisfy((reference) -> assertThat(reference).matches(pattern));
	}

	/** D3 compares a summary of the WMS's answers: OBSOLETE over BACKORDER over ALL_AVAILABLE. */
	@Test
	void partsAvailabilityIsSummarisedForD3() {
		String obsolete = fr.refactory.plant.wms.SimulatedWms.OBSOLETE_PREFIX + "LAMP-1";
		assertThat(this.workers.checkPartsAvailability(TestJob.of("wms.checkPartsAvailability", Map.of("partsList",
				List.of(Map.of("partNumber", "7701000001", "quantity", 1))))))
			.containsEntry("partsAvailability", "ALL_AVAILABLE");
		assertThat(this.workers.checkPartsAvailability(TestJob.of("wms.checkPartsAvailability", Map.of("partsList",
				List.of(Map.of("partNumber", "7701000001", "quantity", 1), Map.of("partNumber", "77010000X", "quantity", 1))))))
			.containsEntry("partsAvailability", "BACKORDER");
		assertThat(this.workers.checkPartsAvailability(TestJob.of("wms.checkPartsAvailability", Map.of("partsList",
				List.of(Map.of("partNumber", obsolete, "quantity", 1), Map.of("partNumber", "77010000X", "quantity", 1))))))
			.containsEntry("partsAvailability", "OBSOLETE");
	}

	/** Whether a line runs for the reference is the WMS's answer, whatever the family (D10 decides on the family). */
	@Test
	void aReferenceWithoutARemanLineIsReportedAsSuch() {
		Map<String, Object> result = this.workers.createHarvestedPart(TestJob.of("wms.createHarvestedPart",
				Map.of("donorVin", TestVins.master(), "harvestedPart", Map.of("partNumber",
						fr.refactory.plant.wms.SimulatedWms.NO_REMAN_LINE_PREFIX + "TURBO-1", "partFamily", "TURBO",
						"conditionGrade", "A"))));

		assertThat(result).containsEntry("remanProgramExists", false);
	}

}

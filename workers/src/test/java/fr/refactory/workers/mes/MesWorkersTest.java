package fr.refactory.workers.mes;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.PlantTechnicalException;
import fr.refactory.plant.mes.Mes;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Genealogy;
import fr.refactory.records.GenealogyLink;
import fr.refactory.records.Vehicles;
import fr.refactory.records.WorkOrders;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Results;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import fr.refactory.workers.support.WorkerRecords;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MesWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	MesWorkers workers;

	@Autowired
	Vehicles vehicles;

	@Autowired
	WorkOrders workOrders;

	@Autowired
	Genealogy genealogy;

	@Autowired
	AuditLog audit;

	@Autowired
	fr.refactory.records.NonConformities nonConformities;

	@Autowired
	fr.refactory.workers.quality.GateDispositions dispositions;

	@Autowired
	WorkerRecords records;

	@Test
	void registerVehicleRegistersItInTheMesAndTheRecordsAndAuditsIt() {
		String vin = TestVins.master();
		TestJob job = TestJob.of("mes.registerVehicle",
				Map.of("vin", vin, "modelFamily", "MASTER_III", "powertrain", "ICE_DIESEL", "make", "RENAULT"));

		Map<String, Object> result = this.workers.registerVehicle(job);

		assertThat(result.get("vehicleId").toString()).startsWith("VEH-");
		assertThat(this.vehicles.find(vin)).hasValueSatisfying((v) -> {
			assertThat(v.modelFamily()).isEqualTo("MASTER_III");
			assertThat(v.powertrain()).isEqualTo("ICE_DIESEL");
		});
		assertThat(this.audit.about(vin)).singleElement().satisfies((entry) -> {
			assertThat(entry.actor()).isEqualTo("worker:mes.registerVehicle");
			assertThat(entry.action()).isEqualTo("VEHICLE_REGISTERED");
			assertThat(entry.processInstanceKey()).isEqualTo(job.getProcessInstanceKey());
		});
	}

	@Test
	void registerVehicleWithAVinTheMesRejectsIsTheBpmnErrorVinInvalid() {
		TestJob job = TestJob.of("mes.registerVehicle", Map.of("vin", "VF1-NOT-A-VIN"));

		assertThatThrownBy(() -> this.workers.registerVehicle(job)).isInstanceOfSatisfying(BpmnError.class,
				(error) -> assertThat(error.getErrorCode()).isEqualTo("VIN_INVALID"));
	}

	@Test
	void aMissingVariableIsAnIncidentWithoutRetries() {
		TestJob job = TestJob.of("mes.registerVehicle", Map.of());

		assertThatThrownBy(() -> this.workers.registerVehicle(job)).isInstanceOfSatisfying(JobError.class,
				(error) -> {
					assertThat(error.getRetries()).isZero();
					assertThat(error.getErrorMessage()).contains("vin");
				});
	}

	@Test
	void aRetryableTechnicalFailureFailsTheJobWithOneRetryLessAndABackOffThenNoRetryLeft() {
		Mes down = (Mes) Proxy.newProxyInstance(Mes.class.getClassLoader(), new Class<?>[] { Mes.class },
				(proxy, method, args) -> {
					throw PlantTechnicalException.retryable("mes", "simulated outage");
				});
		MesWorkers againstDownMes = new MesWorkers(down, this.vehicles, this.workOrders, this.records,
				this.dispositions);
		TestJob job = TestJob.of("mes.registerVehicle", Map.of("vin", TestVins.master())).retries(3);

		assertThatThrownBy(() -> againstDownMes.registerVehicle(job)).isInstanceOfSatisfying(JobError.class,
				(error) -> {
					assertThat(error.getRetries()).isEqualTo(2);
					assertThat(error.getRetryBackoff()).isEqualTo(JobOutcome.RETRY_BACKOFF);
					assertThat(error.getErrorMessage()).contains("simulated outage");
				});
		assertThatThrownBy(() -> againstDownMes.registerVehicle(job.retries(1)))
			.isInstanceOfSatisfying(JobError.class, (error) -> assertThat(error.getRetries()).isZero());
	}

	@Test
	void createWorkOrderOpensTheOrderInTheMesAndTheRecordsOnceWhenDeliveredTwice() {
		String vin = TestVins.master();
		TestJob job = TestJob.of("mes.createWorkOrder", Map.of("vin", vin)).header("workOrderType", "INTAKE");

		Object first = this.workers.createWorkOrder(job).get("workOrderId");
		Object second = this.workers.createWorkOrder(job.again()).get("workOrderId");

		assertThat(second).isEqualTo(first);
		assertThat(this.workOrders.forSubject(vin)).singleElement().satisfies((order) -> {
			assertThat(order.type()).isEqualTo("INTAKE");
			assertThat(order.status()).isEqualTo("CREATED");
		});
	}

	@Test
	void releaseWorkOrderOpensAndReleasesTheRepairOrderWhenThereIsNone() {
		String vin = TestVins.master();

		Object id = this.workers.releaseWorkOrder(TestJob.of("mes.releaseWorkOrder", Map.of("vin", vin)))
			.get("workOrderId");

		assertThat(this.workOrders.find(id.toString())).hasValueSatisfying(
				(order) -> assertThat(order.status()).isEqualTo("RELEASED"));
	}

	@Test
	void releasingAWorkOrderTheMesDoesNotKnowIsATechnicalFailureWithoutRetry() {
		TestJob job = TestJob.of("mes.releaseWorkOrder", Map.of("vin", TestVins.master(), "workOrderId", "WO-NOPE"));

		assertThatThrownBy(() -> this.workers.releaseWorkOrder(job)).isInstanceOfSatisfying(JobError.class,
				(error) -> {
					assertThat(error.getRetries()).isZero();
					assertThat(error.getErrorMessage()).contains("WO-NOPE");
				});
	}

	@Test
	void setStatusClosedClosesTheRecordedWorkOrder() {
		String vin = TestVins.master();
		Object id = this.workers
			.createWorkOrder(TestJob.of("mes.createWorkOrder", Map.of("vin", vin)).header("workOrderType", "INTAKE"))
			.get("workOrderId");

		Map<String, Object> result = this.workers.setStatus(
				TestJob.of("mes.setStatus", Map.of("vin", vin, "workOrderId", id)).header("status", "CLOSED"));

		assertThat(result).containsEntry("mesStatus", "CLOSED");
		assertThat(this.workOrders.find(id.toString()).orElseThrow().status()).isEqualTo("CLOSED");
	}

	@Test
	void reserveResourceGivesABenchAndAnOfflineBenchIsBenchUnavailable() {
		String vin = TestVins.master();
		Map<String, Object> result = this.workers.reserveResource(
				TestJob.of("mes.reserveResource", Map.of("vin", vin)).header("resourceType", "DIAGNOSTIC_BENCH"));
		assertThat(result.get("benchId").toString()).startsWith("DIAGNOSTIC_BENCH-");
		assertThat(Results.map(result.get("benchSlot"))).containsKeys("reservationId", "start", "end");

		TestJob offline = TestJob.of("mes.reserveResource", Map.of("vin", vin, "benchId", "OFFLINE-DIAG-9"))
			.header("resourceType", "DIAGNOSTIC_BENCH");
		assertThatThrownBy(() -> this.workers.reserveResource(offline)).isInstanceOfSatisfying(BpmnError.class,
				(error) -> assertThat(error.getErrorCode()).isEqualTo("BENCH_UNAVAILABLE"));
	}

	/** After BENCH_UNAVAILABLE the model reserves again naming the bench that failed: the MES offers another. */
	@Test
	void reserveResourceOffersAnotherBenchThanTheOnesReportedUnavailable() {
		String battery = "BAT-" + TestVins.master();
		Map<String, Object> first = this.workers.reserveResource(TestJob.of("mes.reserveResource",
				Map.of("batteryId", battery)).header("resourceType", "BATTERY_TEST_BENCH"));
		Map<String, Object> again = this.workers.reserveResource(TestJob.of("mes.reserveResource",
				Map.of("batteryId", battery, "unavailableBenchIds", List.of(first.get("benchId"))))
			.header("resourceType", "BATTERY_TEST_BENCH"));

		assertThat(first.get("benchId").toString()).startsWith("BATTERY_TEST_BENCH-");
		assertThat(again.get("benchId").toString()).startsWith("BATTERY_TEST_BENCH-").isNotEqualTo(first.get("benchId"));
	}

	/**
	 * AS-62: the nonconformities of the gate pass get their disposition and date when the rework order is created (or
	 * the item scrapped); a retried job disposes nothing twice, and nonconformities already disposed keep theirs.
	 */
	@Test
	void reworkAndScrapDisposeTheGatesOpenNonConformitiesOnce() {
		String reworked = TestVins.master();
		String disposedBefore = raiseNonConformity(reworked, "PAINT-RUN");
		this.nonConformities.dispose(java.util.UUID.fromString(disposedBefore), "USE_AS_IS",
				java.time.LocalDate.of(2026, 1, 2), "quality-engineers", null);
		raiseNonConformity(reworked, "GAP-HIGH");
		TestJob rework = TestJob.of("mes.createReworkOrder", Map.of("vin", reworked, "qualityVerdict", "REWORK"));
		this.workers.createReworkOrder(rework);
		this.workers.createReworkOrder(rework.again());

		assertThat(this.nonConformities.forSubject(reworked)).extracting(
				(nc) -> nc.defectCode() + ":" + nc.disposition() + ":" + (nc.dispositionDate() != null))
			.containsExactlyInAnyOrder("PAINT-RUN:USE_AS_IS:true", "GAP-HIGH:REWORK:true");

		String scrapped = TestVins.master();
		raiseNonConformity(scrapped, "CRACK");
		this.workers.scrap(TestJob.of("mes.scrap", Map.of("vin", scrapped, "qualityVerdict", "SCRAP")));

		assertThat(this.nonConformities.forSubject(scrapped)).singleElement().satisfies((nc) -> {
			assertThat(nc.disposition()).isEqualTo("SCRAP");
			assertThat(nc.dispositionDate()).isNotNull();
			assertThat(nc.approvedBy()).isEqualTo("quality-verdict");
		});
	}

	private String raiseNonConformity(String subjectKey, String defectCode) {
		String key = "nc:" + subjectKey + ":" + defectCode;
		return this.nonConformities.raise(new fr.refactory.records.NonConformity(
				java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), subjectKey, null,
				"QUALITY_GATE:VEHICLE_RENEW", defectCode, "MINOR", 1, null, null, null, null, null,
				java.time.Instant.now(), key, null)).ncId().toString();
	}

	@Test
	void computeLabourSumsTheStandardHoursOfTheOperations() {
		Map<String, Object> result = this.workers.computeLabour(TestJob.of("mes.computeLabour",
				Map.of("vin", TestVins.master(), "operationCodes", List.of("BODY-PANEL", "PAINT"))));

		assertThat(Results.list(result.get("operations"))).hasSize(2);
		assertThat((Double) result.get("labourHours")).isGreaterThan(0.0);
	}

	@Test
	void createReworkOrderRecordsTheReworkUnderTheParentOrder() {
		String vin = TestVins.master();
		Object parent = this.workers
			.createWorkOrder(TestJob.of("mes.createWorkOrder", Map.of("vin", vin)).header("workOrderType", "INTAKE"))
			.get("workOrderId");
		List<Map<String, Object>> failed = List.of(Map.of("checkCode", "BRAKE_TEST"),
				Map.of("checkCode", "PAINT_AUDIT", "defectCode", "PAINT-RUN"));

		Map<String, Object> result = this.workers.createReworkOrder(TestJob.of("mes.createReworkOrder",
				Map.of("subjectType", "VEHICLE_RENEW", "subjectKey", vin, "workOrderId", parent, "reworkCount", 0,
						"failedChecks", failed)));

		// the operations of the repair sub-process: named by the defect, each with the trade the MES gives it
		assertThat(Results.list(result.get("reworkOperations"))).extracting((op) -> Results.map(op).get("code"),
				(op) -> Results.map(op).get("checkCode"), (op) -> Results.map(op).get("trade"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("BRAKE_TEST", "BRAKE_TEST", "MECHANICS"),
					org.assertj.core.groups.Tuple.tuple("PAINT-RUN", "PAINT_AUDIT", "PAINT"));
		assertThat(this.workOrders.find(result.get("reworkOrderId").toString())).hasValueSatisfying((order) -> {
			assertThat(order.type()).isEqualTo("REWORK");
			assertThat(order.parentWorkOrderId()).isEqualTo(parent);
			assertThat(order.reworkCount()).isEqualTo(1);
		});
	}

	@Test
	void measurementsAreRecordedReadBackCheckedForCalibrationAndHeldWhenTheirEquipmentIsSuspect() {
		String core = "CORE-" + TestVins.master();
		String equipment = "GAUGE-" + core;
		this.workers.recordMeasurements(TestJob.of("mes.recordMeasurements", Map.of("coreSerial", core, "equipmentId",
				equipment, "measurements", List.of(Map.of("name", "bore", "value", 80.02, "unit", "mm", "lowerLimit",
						80.0, "upperLimit", 80.05)))));

		Map<String, Object> read = this.workers.getMeasurements(
				TestJob.of("mes.getMeasurements", Map.of("subjectType", "PART_REMAN", "subjectKey", core)));
		assertThat(Results.list(read.get("measurements"))).singleElement().satisfies((row) -> {
			assertThat(Results.map(row)).containsEntry("name", "bore").containsEntry("withinLimits", true)
				.containsEntry("equipmentId", equipment);
		});

		Map<String, Object> calibration = this.workers
			.checkCalibration(TestJob.of("mes.checkCalibration", Map.of("subjectKey", core, "measurements",
					read.get("measurements"), "automaticResults", List.of())));
		assertThat(calibration).containsKeys("suspectMeasurement", "suspectEquipmentIds");
		assertThat(calibration.get("suspectMeasurement"))
			.isEqualTo(!Results.list(calibration.get("suspectEquipmentIds")).isEmpty());

		Map<String, Object> held = this.workers.holdSuspectItems(TestJob.of("mes.holdSuspectItems",
				Map.of("subjectKey", core, "subjectType", "PART_REMAN", "suspectEquipmentIds", List.of(equipment))));
		assertThat(Results.list(held.get("heldItems"))).containsExactly(core);
	}

	/**
	 * What the component-inspection form submits for a stator (AS-60): the wear and the winding insulation under the
	 * form's own field names, with the megohmmeter the inspector names; both readings reach the MES.
	 */
	@Test
	void theInspectionFormsWearAndWindingInsulationReachTheMesWithTheEquipmentTheInspectorNamed() {
		String core = "CORE-" + TestVins.master();
		this.workers.recordMeasurements(TestJob.of("mes.recordMeasurements",
				Map.of("coreSerial", core, "component", Map.of("reference", "STATOR"), "componentClass", "ELECTRICAL",
						"measuredWearPct", 10, "windingInsulationMOhm", 50, "equipmentId", "MEGGER-07")));

		Map<String, Object> read = this.workers.getMeasurements(
				TestJob.of("mes.getMeasurements", Map.of("subjectType", "PART_REMAN", "subjectKey", core)));
		assertThat(Results.list(read.get("measurements"))).extracting((row) -> Results.map(row).get("name"),
				(row) -> ((Number) Results.map(row).get("value")).doubleValue(), (row) -> Results.map(row).get("equipmentId"))
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("STATOR.wear", 10.0, "MEGGER-07"),
					org.assertj.core.groups.Tuple.tuple("STATOR.windingInsulation", 50.0, "MEGGER-07"));
	}

	@Test
	void recordGenealogyLinksEachInstalledComponentToTheVehicleOnceWhenDeliveredTwice() {
		String vin = TestVins.master();
		TestJob job = TestJob.of("mes.recordGenealogy", Map.of("vin", vin, "batteryPackId", "PACK-" + vin,
				"motorSerial", "MOT-" + vin, "inverterSerial", "INV-" + vin, "chargerSerial", "CHG-" + vin));

		Map<String, Object> first = this.workers.recordGenealogy(job);
		Map<String, Object> second = this.workers.recordGenealogy(job.again());

		assertThat(second).isEqualTo(first);
		List<GenealogyLink> links = this.genealogy.linksOf(vin);
		assertThat(links).hasSize(4).allSatisfy((link) -> {
			assertThat(link.relation()).isEqualTo("INSTALLED_IN");
			assertThat(link.toKey()).isEqualTo(vin);
		});
		assertThat(links).extracting(GenealogyLink::fromType).containsOnly("BATTERY", "PART");
		assertThat(this.audit.about(vin)).hasSize(1);
	}

	@Test
	void printRemanLabelLinksTheRemanufacturedPartToItsCore() {
		String core = "CORE-" + TestVins.master();

		Object remanSerial = this.workers
			.printRemanLabel(TestJob.of("mes.printRemanLabel", Map.of("coreSerial", core, "partNumber", "8201-ENGINE")))
			.get("remanSerial");

		assertThat(this.genealogy.linksOf(core)).singleElement().satisfies((link) -> {
			assertThat(link.fromKey()).isEqualTo(remanSerial);
			assertThat(link.relation()).isEqualTo("REMANUFACTURED_FROM");
		});
	}

	@Test
	void scrapSetsTheSubjectScrapped() {
		String vin = TestVins.master();

		assertThat(this.workers.scrap(TestJob.of("mes.scrap", Map.of("subjectType", "VEHICLE_RENEW", "subjectKey", vin))))
			.containsEntry("mesStatus", "SCRAPPED");
		assertThat(this.audit.about(vin)).extracting((e) -> e.action()).containsExactly("SCRAPPED");
	}

}

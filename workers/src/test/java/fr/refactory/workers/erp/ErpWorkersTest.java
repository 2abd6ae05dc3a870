package fr.refactory.workers.erp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.mes.Mes;
import fr.refactory.plant.wms.PartLine;
import fr.refactory.plant.wms.PartsRequest;
import fr.refactory.plant.wms.Wms;
import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import io.camunda.client.exception.BpmnError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErpWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	ErpWorkers workers;

	@Autowired
	AuditLog audit;

	@Autowired
	Mes mes;

	@Autowired
	Wms wms;

	@Test
	void masterDataOfAKnownVinGivesEveryOutputOfTheModel() {
		Map<String, Object> data = this.workers
			.getVehicleMasterData(TestJob.of("erp.getVehicleMasterData", Map.of("vin", TestVins.master())));

		assertThat(data).containsEntry("modelFamily", "MASTER_III").containsEntry("powertrain", "ICE_DIESEL")
			.containsKeys("make", "version", "cnit", "category", "firstRegistrationDate", "originalMaxPowerKw",
					"massInRunningOrderKg", "gvwrKg", "registeredInFranceDefinitive", "collectionRegistration",
					"tractionBatteryId", "maxAxleLoadsKg");
	}

	/** ADR 0926: the material balance posts the depollution quantities as typed, for the ELV rates. */
	@Test
	void theMaterialBalanceKeepsTheDepollutionQuantitiesItPosted() {
		String vin = TestVins.master();
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("vin", vin);
		variables.put("hulkMassKg", 812.5);
		variables.put("engineOilL", 4.5);
		variables.put("refrigerantKg", 0.4);
		variables.put("twelveVoltBatteryKg", 15);
		variables.put("pyrotechnicsNeutralisedCount", 4);

		String document = this.workers.postMaterialBalance(TestJob.of("erp.postMaterialBalance", variables))
			.get("erpDocumentNumber")
			.toString();

		assertThat(this.audit.about(vin)).filteredOn((entry) -> entry.data().contains(document))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.data()).contains("\"balance\"", "\"hulkMassKg\":812.5",
					"\"engineOilL\":4.5", "\"refrigerantKg\":0.4", "\"twelveVoltBatteryKg\":15.0",
					"\"pyrotechnicsNeutralisedCount\":4.0"));
	}

	/** D4 rules 3 and 4 are reachable: the registration facts are the ERP's answer for the vehicle. */
	@Test
	void masterDataSayHowTheVehicleIsRegistered() {
		String collection = TestVins.endingWith(TestVins.master(), fr.refactory.plant.erp.SimulatedErp.COLLECTION_SERIAL);
		String foreign = TestVins.endingWith(TestVins.master(), fr.refactory.plant.erp.SimulatedErp.NOT_FRENCH_SERIAL);

		assertThat(this.workers.getVehicleMasterData(TestJob.of("erp.getVehicleMasterData", Map.of("vin", collection))))
			.containsEntry("collectionRegistration", true)
			.containsEntry("registeredInFranceDefinitive", true);
		assertThat(this.workers.getVehicleMasterData(TestJob.of("erp.getVehicleMasterData", Map.of("vin", foreign))))
			.containsEntry("collectionRegistration", false)
			.containsEntry("registeredInFranceDefinitive", false);
	}

	@Test
	void masterDataOfAVinTheErpDoesNotKnowIsTheBpmnErrorMasterDataNotFound() {
		TestJob job = TestJob.of("erp.getVehicleMasterData", Map.of("vin", TestVins.unknownToErp()));

		assertThatThrownBy(() -> this.workers.getVehicleMasterData(job)).isInstanceOfSatisfying(BpmnError.class,
				(error) -> assertThat(error.getErrorCode()).isEqualTo("MASTER_DATA_NOT_FOUND"));
	}

	@Test
	void costEstimateComparesTheRepairWithTheErpsMarketValue() {
		Map<String, Object> estimate = this.workers.costEstimate(TestJob.of("erp.costEstimate",
				Map.of("vin", TestVins.master(), "labourHours", 10.0, "firstRegistrationDate", "2019-04-01",
						"partsList", List.of(Map.of("partNumber", "7701-DOOR", "quantity", 1)))));

		double cost = (Double) estimate.get("estimatedRepairCostEur");
		double value = (Double) estimate.get("marketValueEur");
		assertThat(cost).isGreaterThan(0);
		assertThat(value).isGreaterThan(0);
		assertThat((Double) estimate.get("costRatio")).isCloseTo(cost / value, org.assertj.core.data.Offset.offset(0.001));
		assertThat(estimate).containsEntry("estimatedRepairDays", 2);
	}

	/** D3 VALUE_MISSING is reachable: a vehicle the ERP cannot value has no market value, not an invented one. */
	@Test
	void costEstimatePassesOnThatTheErpHasNoMarketValue() {
		String vin = TestVins.endingWith(TestVins.master(), fr.refactory.plant.erp.SimulatedErp.NO_VALUATION_SERIAL);
		Map<String, Object> estimate = this.workers.costEstimate(TestJob.of("erp.costEstimate",
				Map.of("vin", vin, "labourHours", 2.0, "firstRegistrationDate", "2019-04-01", "partsList", List.of())));

		assertThat(estimate).containsEntry("marketValueEur", null).containsEntry("costRatio", null);
	}

	@Test
	void purchaseOrderIsCreatedOncePerJob() {
		String vin = TestVins.master();
		TestJob job = TestJob.of("erp.createPurchaseOrder",
				Map.of("vin", vin, "kitReference", "TOLV-MASTER-E-60", "plannedConversionDate", "2027-03-01"));

		Object first = this.workers.createPurchaseOrder(job).get("purchaseOrderNumber");
		Object second = this.workers.createPurchaseOrder(job.again()).get("purchaseOrderNumber");

		assertThat(first).isNotNull().isEqualTo(second);
		assertThat(this.audit.about(vin)).hasSize(1);
	}

	@Test
	void coreCreditIsTheGradesShareOfTheDepositAndNothingWhenTheDepositIsKept() {
		String core = "CORE-" + TestVins.master();
		assertThat(this.workers
			.postCoreCredit(TestJob.of("erp.postCoreCredit", Map.of("coreSerial", core, "coreCreditPct", 80)))
			.get("coreCreditAmountEur")).isEqualTo(320.0);
		assertThat(this.workers
			.postCoreCredit(TestJob.of("erp.postCoreCredit", Map.of("coreSerial", core, "coreCreditPct", 80))
				.header("outcome", "DEPOSIT_KEPT"))
			.get("coreCreditAmountEur")).isEqualTo(0.0);
	}

	/**
	 * Reman, scrap and actual costs are the work order's: the hours the MES booked at their trades' rates plus the
	 * parts the WMS issued to it (a pick included), never a variable's default of 0.
	 */
	@Test
	void costPostingsAreWhatTheWorkOrdersBooked() {
		String vin = TestVins.master();
		String core = "CORE-" + vin;
		String workOrder = "WO-COST-" + vin;
		String reworkOrder = "WO-REWORK-" + vin;
		this.wms.pickParts(IdempotencyKey.of("test:" + workOrder + ":pick"),
				new PartsRequest(workOrder, List.of(new PartLine("7701-BRUSH-SET", 2))));
		BigDecimal labour = this.mes.bookedOperations(workOrder).labourCostEur();
		BigDecimal parts = this.wms.issuedTo(workOrder).partsCostEur();
		BigDecimal reworked = this.mes.bookedOperations(reworkOrder).labourCostEur()
			.add(this.wms.issuedTo(reworkOrder).partsCostEur());
		assertThat(labour).isPositive();
		assertThat(parts).isPositive();

		Map<String, Object> reman = this.workers.postRemanCost(
				TestJob.of("erp.postRemanCost", Map.of("coreSerial", core, "workOrderId", workOrder)));
		Map<String, Object> scrap = this.workers.postScrapCost(TestJob.of("erp.postScrapCost", Map.of("subjectType",
				"PART_REMAN", "subjectKey", core, "workOrderId", workOrder, "reworkOrderId", reworkOrder)));
		Map<String, Object> nothingBooked = this.workers.postScrapCost(
				TestJob.of("erp.postScrapCost", Map.of("subjectType", "BATTERY", "subjectKey", "BAT-" + vin)));
		Map<String, Object> actual = this.workers
			.postActualCosts(TestJob.of("erp.postActualCosts", Map.of("vin", vin, "workOrderId", workOrder)));

		assertThat(reman).containsEntry("remanCostEur", labour.add(parts).doubleValue())
			.containsEntry("labourCostEur", labour.doubleValue())
			.containsEntry("partsCostEur", parts.doubleValue());
		assertThat(scrap).containsEntry("scrapCostEur", labour.add(parts).add(reworked).doubleValue());
		assertThat(nothingBooked).containsEntry("scrapCostEur", 0.0);
		assertThat(actual).containsEntry("actualCostEur", labour.add(parts).doubleValue())
			.containsEntry("actualHours", this.mes.bookedOperations(workOrder).hours());
		assertThat(this.audit.about(core)).extracting((entry) -> entry.data())
			.anySatisfy((data) -> assertThat(data).contains("REMAN_COST", labour.add(parts).toPlainString()));
		assertThat(this.audit.about(vin)).extracting((entry) -> entry.data())
			.anySatisfy((data) -> assertThat(data).contains("ACTUAL_COSTS", labour.add(parts).toPlainString()));
	}

	@Test
	void aRemanCostWithoutItsWorkOrderIsNotPosted() {
		TestJob job = TestJob.of("erp.postRemanCost", Map.of("coreSerial", "CORE-" + TestVins.master()));

		assertThatThrownBy(() -> this.workers.postRemanCost(job))
			.isInstanceOf(fr.refactory.workers.support.MissingVariableException.class)
			.hasMessageContaining("workOrderId");
	}

	@Test
	void postingsAnswerWithDocumentNumbersOfTheirKind() {
		String vin = TestVins.master();
		String core = "CORE-" + vin;
		assertThat(this.workers
			.postRemanCost(TestJob.of("erp.postRemanCost", Map.of("coreSerial", core, "workOrderId", "WO-" + core)))
			.get("erpDocumentNumber").toString()).startsWith("RC");
		assertThat(this.workers
			.postScrapCost(TestJob.of("erp.postScrapCost", Map.of("subjectType", "PART_REMAN", "subjectKey", core)))
			.get("erpDocumentNumber").toString()).startsWith("SC");
		assertThat(this.workers.createWarrantyRecord(TestJob.of("erp.createWarrantyRecord", Map.of("coreSerial", core)))
			.get("warrantyRecordNumber").toString()).startsWith("WR");
		assertThat(this.workers.createRecyclingShipment(TestJob.of("erp.createRecyclingShipment",
				Map.of("batteryId", "BAT-" + vin, "transportClass", "P911"))).get("shipmentId").toString())
			.startsWith("RS");
		Map<String, Object> shredder = this.workers
			.createShredderShipment(TestJob.of("erp.createShredderShipment", Map.of("vin", vin)));
		assertThat(shredder.get("shredderShipmentId").toString()).startsWith("SS");
		assertThat(shredder).containsKeys("hulkMassKg", "destructionDate");
		assertThat(this.workers.postMaterialBalance(TestJob.of("erp.postMaterialBalance", Map.of("vin", vin)))
			.get("erpDocumentNumber").toString()).startsWith("MB");
		assertThat(this.workers.closeOrder(TestJob.of("erp.closeOrder", Map.of("vin", vin))).get("erpDocumentNumber")
			.toString()).startsWith("CO");
		assertThat(this.workers
			.postActualCosts(TestJob.of("erp.postActualCosts", Map.of("vin", vin, "workOrderId", "WO-" + vin)))
			.get("erpDocumentNumber").toString()).startsWith("AC");
		assertThat(this.audit.about(vin)).extracting((e) -> e.actor())
			.containsExactly("worker:erp.createShredderShipment", "worker:erp.postMaterialBalance",
					"worker:erp.closeOrder", "worker:erp.postActualCosts");
	}

}

package fr.refactory.workers.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.erp.CostEstimate;
import fr.refactory.plant.erp.CostRequest;
import fr.refactory.plant.erp.Erp;
import fr.refactory.plant.erp.ErpDocument;
import fr.refactory.plant.erp.ErpPosting;
import fr.refactory.plant.erp.PurchaseOrder;
import fr.refactory.plant.erp.PurchaseOrderRequest;
import fr.refactory.plant.erp.VehicleMasterData;
import fr.refactory.plant.mes.BookedOperations;
import fr.refactory.plant.mes.Mes;
import fr.refactory.plant.wms.IssuedParts;
import fr.refactory.plant.wms.Wms;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Header;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.BOOLEAN;
import static fr.refactory.workers.support.JobContract.Type.CONTEXT;
import static fr.refactory.workers.support.JobContract.Type.DATE;
import static fr.refactory.workers.support.JobContract.Type.LIST;
import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/** The ERP workers ({@code erp.*}): master data, estimates, purchase orders and postings with document numbers. */
@Component
public class ErpWorkers {

	/** BPMN error of {@code erp.getVehicleMasterData} when the ERP does not know the VIN (ADR 0304). */
	public static final String MASTER_DATA_NOT_FOUND = "MASTER_DATA_NOT_FOUND";

	/** Deposit charged on a standard-exchange sale, credited back by core grade (D8b). */
	static final double DEFAULT_CORE_DEPOSIT_EUR = 400.0;

	private final Erp erp;

	private final Mes mes;

	private final Wms wms;

	private final WorkerRecords records;

	ErpWorkers(Erp erp, Mes mes, Wms wms, WorkerRecords records) {
		this.erp = erp;
		this.mes = mes;
		this.wms = wms;
		this.records = records;
	}

	/** 1.2: master data of the VIN; unknown to the ERP is the BPMN error {@code MASTER_DATA_NOT_FOUND}. */
	@JobWorker(type = "erp.getVehicleMasterData")
	@JobContract(name = "ERP: get vehicle master data",
			description = "1.2: master data of the VIN; unknown to the ERP is the BPMN error MASTER_DATA_NOT_FOUND.",
			outputs = { @Var(name = "category", description = "Category"),
					@Var(name = "cnit", description = "National type identification code (CNIT)"),
					@Var(name = "collectionRegistration", description = "Registration in a collection (ancient vehicle) status"),
					@Var(name = "firstRegistrationDate", type = DATE, description = "First registration date"),
					@Var(name = "gvwrKg", type = NUMBER, description = "Gross vehicle weight rating (kg)"),
					@Var(name = "make", description = "Make"),
					@Var(name = "massInRunningOrderKg", type = NUMBER, description = "Mass in running order (kg)"),
					@Var(name = "maxAxleLoadsKg", type = CONTEXT, description = "Maximum axle loads (kg): front, rear"),
					@Var(name = "modelFamily", description = "Model family"),
					@Var(name = "originalMaxPowerKw", type = NUMBER, description = "Original max power (kW)"),
					@Var(name = "powertrain", description = "Powertrain"),
					@Var(name = "registeredInFranceDefinitive", type = BOOLEAN, description = "Whether the vehicle holds a definitive French registration"),
					@Var(name = "tractionBatteryId", description = "Traction battery id from the manufacturer data"),
					@Var(name = "version", description = "Version") },
			errors = { "MASTER_DATA_NOT_FOUND", "VIN_INVALID" })
	public Map<String, Object> getVehicleMasterData(ActivatedJob job) {
		String vin = Vars.of(job).requireText("vin");
		VehicleMasterData data = JobOutcome.call(job, () -> this.erp.findVehicleMasterData(vin))
			.orElseThrow(() -> JobOutcome.businessError(MASTER_DATA_NOT_FOUND, "erp: no master data for VIN " + vin));
		boolean electric = "BEV".equals(data.powertrain()) || "PHEV".equals(data.powertrain())
				|| "HEV".equals(data.powertrain());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("make", data.make());
		result.put("modelFamily", data.modelFamily());
		result.put("version", data.version());
		result.put("cnit", data.cnit());
		result.put("category", data.category());
		result.put("firstRegistrationDate", data.firstRegistrationDate().toString());
		result.put("powertrain", data.powertrain());
		result.put("originalMaxPowerKw", data.originalMaxPowerKw());
		result.put("massInRunningOrderKg", data.massInRunningOrderKg());
		result.put("gvwrKg", data.gvwrKg());
		result.put("registeredInFranceDefinitive", data.registeredInFranceDefinitive());
		result.put("collectionRegistration", data.collectionRegistration());
		result.put("tractionBatteryId", electric ? "BAT-" + vin : null);
		result.put("maxAxleLoadsKg", Map.of("front", Math.round(data.gvwrKg() * 0.5), "rear",
				Math.round(data.gvwrKg() * 0.6)));
		return result;
	}

	/**
	 * 2.9: repair cost from labour hours and parts, against the ERP's market value (D3 inputs); no valuation from the
	 * ERP is passed on as none ({@code marketValueEur} and {@code costRatio} null: D3 VALUE_MISSING).
	 */
	@JobWorker(type = "erp.costEstimate")
	@JobContract(name = "ERP: cost estimate",
			description = "2.9: repair cost from labour hours and parts, against the ERP's market value (D3 inputs); no valuation from the ERP is passed on as none (marketValueEur and costRatio null: D3 VALUE_MISSING).",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "labourHours", type = NUMBER, description = "Labour hours"),
					@Var(name = "partsList", type = LIST, description = "Parts list"),
					@Var(name = "firstRegistrationDate", type = DATE, description = "First registration date"),
					@Var(name = "partsAvailabilityLines", type = LIST, description = "Parts availability lines") },
			outputs = { @Var(name = "costRatio", type = NUMBER, description = "Estimated repair cost / market value"),
					@Var(name = "estimatedRepairCostEur", type = NUMBER, description = "Estimated repair cost (EUR)"),
					@Var(name = "estimatedRepairDays", type = NUMBER, description = "Estimated repair days"),
					@Var(name = "marketValueEur", type = NUMBER, description = "Market value (EUR)") })
	public Map<String, Object> costEstimate(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		double labourHours = vars.decimalOr(0, "labourHours");
		List<CostRequest.CostLine> lines = new ArrayList<>();
		for (Object item : vars.list("partsList")) {
			if (item instanceof Map<?, ?> map && map.get("partNumber") != null) {
				lines.add(new CostRequest.CostLine(map.get("partNumber").toString(),
						(map.get("quantity") instanceof Number n) ? n.intValue() : 1));
			}
		}
		CostEstimate estimate = JobOutcome.call(job, () -> this.erp.costEstimate(
				new CostRequest(subject.key(), labourHours, lines, vars.date("firstRegistrationDate"))));
		int partsDelayDays = 0;
		for (Object row : vars.list("partsAvailabilityLines")) {
			if (row instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("available"))) {
				partsDelayDays = 3;
			}
		}
		double total = estimate.totalEur().doubleValue();
		BigDecimal marketValue = estimate.marketValueEur();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("estimatedRepairCostEur", total);
		result.put("marketValueEur", (marketValue != null) ? marketValue.doubleValue() : null);
		result.put("costRatio", (marketValue != null && marketValue.signum() > 0)
				? estimate.totalEur().divide(marketValue, 3, RoundingMode.HALF_UP).doubleValue() : null);
		result.put("estimatedRepairDays", (int) Math.ceil(labourHours / 7.0) + partsDelayDays);
		return result;
	}

	/** 3.4: purchase order for the kit, due a week before the planned conversion. */
	@JobWorker(type = "erp.createPurchaseOrder")
	@JobContract(name = "ERP: create purchase order",
			description = "3.4: purchase order for the kit, due a week before the planned conversion.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "plannedConversionDate", type = DATE, description = "Planned conversion date"),
					@Var(name = "kitReference", description = "Kit reference", required = true) },
			outputs = { @Var(name = "purchaseOrderNumber", description = "Purchase order number") })
	public Map<String, Object> createPurchaseOrder(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		LocalDate planned = vars.date("plannedConversionDate");
		LocalDate due = (planned != null) ? planned.minusDays(7)
				: LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC).plusDays(21);
		PurchaseOrder order = JobOutcome.call(job, () -> this.erp.createPurchaseOrder(JobOutcome.key(job),
				new PurchaseOrderRequest(vars.requireText("kitReference"), vin, due)));
		this.records.audit(job, "PURCHASE_ORDER_CREATED", "VEHICLE", vin,
				WorkerRecords.data("poNumber", order.poNumber(), "item", order.itemReference(), "dueDate", order.dueDate().toString()));
		return Map.of("purchaseOrderNumber", order.poNumber());
	}

	/** 4.4 / T12: credits the core deposit by grade (header {@code outcome=DEPOSIT_KEPT}: nothing is credited). */
	@JobWorker(type = "erp.postCoreCredit")
	@JobContract(name = "ERP: post core credit",
			description = "4.4 / T12: credits the core deposit by grade (header outcome=DEPOSIT_KEPT: nothing is credited).",
			inputs = { @Var(name = "coreCreditPct", type = NUMBER, description = "Core credit (%)"),
					@Var(name = "coreDepositEur", type = NUMBER, description = "Core deposit (EUR)"),
					@Var(name = "coreGrade", description = "Core grade") },
			outputs = { @Var(name = "coreCreditAmountEur", type = NUMBER, description = "Core credit amount (EUR)") },
			headers = { @Header(key = "outcome", description = "Outcome", values = { "DEPOSIT_KEPT" }) })
	public Map<String, Object> postCoreCredit(ActivatedJob job) {
		Vars vars = Vars.of(job);
		boolean kept = "DEPOSIT_KEPT".equals(vars.header("outcome"));
		double pct = kept ? 0 : vars.decimalOr(0, "coreCreditPct");
		double amount = vars.decimalOr(DEFAULT_CORE_DEPOSIT_EUR, "coreDepositEur") * pct / 100.0;
		ErpDocument document = post(job, vars, ErpPosting.Kind.CORE_CREDIT, amount,
				Map.of("coreGrade", vars.textOr("NONE", "coreGrade"), "outcome", kept ? "DEPOSIT_KEPT" : "CREDITED",
						"exchangeSaleId", vars.textOr("", "exchangeSaleId")));
		return Map.of("coreCreditAmountEur", Vars.money(amount).doubleValue(), "erpDocumentNumber",
				document.documentNumber());
	}

	/** 4.17: the remanufacturing cost is what was booked on the reman work order (and its rework order). */
	@JobWorker(type = "erp.postRemanCost")
	@JobContract(name = "ERP: post reman cost",
			description = "4.17: the remanufacturing cost is what was booked on the reman work order (and its rework order).",
			inputs = { @Var(name = "workOrderId", description = "MES work order of the subject", required = true) })
	public Map<String, Object> postRemanCost(ActivatedJob job) {
		Vars vars = Vars.of(job);
		WorkOrderCost cost = costOf(job, workOrders(vars.requireText("workOrderId"), vars));
		ErpDocument document = post(job, vars, ErpPosting.Kind.REMAN_COST, cost.totalEur(),
				cost.details(Map.of("remanSerial", vars.textOr("", "remanSerial"))));
		return cost.outputs("remanCostEur", document);
	}

	/**
	 * 5.6d: the scrap cost is what was booked on the item's work order (and its rework order); an item without a work
	 * order (a battery pack in triage) had nothing booked, and 0 is posted for it.
	 */
	@JobWorker(type = "erp.postScrapCost")
	@JobContract(name = "ERP: post scrap cost",
			description = "5.6d: the scrap cost is what was booked on the item's work order (and its rework order); an item without a work order (a battery pack in triage) had nothing booked, and 0 is posted for it.",
			inputs = { @Var(name = "workOrderId", description = "MES work order of the subject"),
					@Var(name = "qualityVerdict", description = "Quality verdict") })
	public Map<String, Object> postScrapCost(ActivatedJob job) {
		Vars vars = Vars.of(job);
		WorkOrderCost cost = costOf(job, workOrders(vars.text("workOrderId"), vars));
		ErpDocument document = post(job, vars, ErpPosting.Kind.SCRAP_COST, cost.totalEur(),
				cost.details(Map.of("verdict", vars.textOr("SCRAP", "qualityVerdict"))));
		return cost.outputs("scrapCostEur", document);
	}

	/** 4.16: warranty of a remanufactured part = new-part warranty. */
	@JobWorker(type = "erp.createWarrantyRecord")
	@JobContract(name = "ERP: create warranty record",
			description = "4.16: warranty of a remanufactured part = new-part warranty.")
	public Map<String, Object> createWarrantyRecord(ActivatedJob job) {
		Vars vars = Vars.of(job);
		return Map.of("warrantyRecordNumber", post(job, vars, ErpPosting.Kind.WARRANTY_RECORD, 0,
				Map.of("remanSerial", vars.textOr("", "remanSerial"), "terms", "NEW_PART_WARRANTY"))
			.documentNumber());
	}

	/** 6.7d: shipment to the recycler in the transport class of D6. */
	@JobWorker(type = "erp.createRecyclingShipment")
	@JobContract(name = "ERP: create recycling shipment",
			description = "6.7d: shipment to the recycler in the transport class of D6.",
			inputs = { @Var(name = "transportClass", description = "Transport class"),
					@Var(name = "recycler", description = "Recycler") },
			outputs = { @Var(name = "shipmentId", description = "Shipment id") })
	public Map<String, Object> createRecyclingShipment(ActivatedJob job) {
		Vars vars = Vars.of(job);
		return Map.of("shipmentId", post(job, vars, ErpPosting.Kind.RECYCLING_SHIPMENT, 0,
				Map.of("transportClass", vars.textOr("P908", "transportClass"), "recycler",
						vars.textOr("VEOLIA", "recycler")))
			.documentNumber());
	}

	/** 7.9: the treated hulk goes to the approved shredder; its destruction date starts the CoD clock. */
	@JobWorker(type = "erp.createShredderShipment")
	@JobContract(name = "ERP: create shredder shipment",
			description = "7.9: the treated hulk goes to the approved shredder; its destruction date starts the CoD clock.",
			inputs = { @Var(name = "massInRunningOrderKg", type = NUMBER, description = "Mass in running order (kg)"),
					@Var(name = "hulkMassKg", type = NUMBER, description = "Mass of the hulk shipped (kg)") },
			outputs = { @Var(name = "destructionDate", type = DATE, description = "Destruction date"),
					@Var(name = "hulkMassKg", type = NUMBER, description = "Mass of the hulk shipped (kg)"),
					@Var(name = "shredderShipmentId", description = "Shredder shipment id") })
	public Map<String, Object> createShredderShipment(ActivatedJob job) {
		Vars vars = Vars.of(job);
		double hulkMass = vars.decimalOr(vars.decimalOr(1200, "massInRunningOrderKg") * 0.7, "hulkMassKg");
		ErpDocument document = post(job, vars, ErpPosting.Kind.SHREDDER_SHIPMENT, 0, Map.of("hulkMassKg", hulkMass));
		return Map.of("shredderShipmentId", document.documentNumber(), "hulkMassKg", hulkMass, "destructionDate",
				LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC).toString());
	}

	/** The depollution form's quantities, as the operator typed them (ADR 0926). */
	static final List<String> DEPOLLUTION_QUANTITIES = List.of("engineOilL", "gearboxOilL", "fuelL", "brakeFluidL",
			"coolantL", "refrigerantKg", "twelveVoltBatteryKg", "pyrotechnicsNeutralisedCount");

	/** 7.11: kg reused, recycled, recovered, disposed. */
	@JobWorker(type = "erp.postMaterialBalance")
	@JobContract(name = "ERP: post material balance",
			description = "7.11: kg reused, recycled, recovered, disposed.",
			inputs = { @Var(name = "hulkMassKg", type = NUMBER, description = "Mass of the hulk shipped (kg)"),
					@Var(name = "harvestCandidates", type = LIST, description = "Harvest candidates"),
					@Var(name = "engineOilL", type = NUMBER, description = "Engine oil drained (L)"),
					@Var(name = "gearboxOilL", type = NUMBER, description = "Gearbox oil drained (L)"),
					@Var(name = "fuelL", type = NUMBER, description = "Fuel drained (L)"),
					@Var(name = "brakeFluidL", type = NUMBER, description = "Brake fluid drained (L)"),
					@Var(name = "coolantL", type = NUMBER, description = "Coolant drained (L)"),
					@Var(name = "refrigerantKg", type = NUMBER, description = "Refrigerant recovered (kg)"),
					@Var(name = "twelveVoltBatteryKg", type = NUMBER, description = "12 V battery removed (kg)"),
					@Var(name = "pyrotechnicsNeutralisedCount", type = NUMBER,
							description = "Pyrotechnic devices neutralised") })
	public Map<String, Object> postMaterialBalance(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Map<String, Object> balance = new LinkedHashMap<>();
		balance.put("hulkMassKg", vars.decimalOr(0, "hulkMassKg"));
		balance.put("harvestedParts", vars.list("harvestCandidates").size());
		for (String quantity : DEPOLLUTION_QUANTITIES) {
			balance.put(quantity, vars.decimalOr(0, quantity));
		}
		return Map.of("erpDocumentNumber",
				post(job, vars, ErpPosting.Kind.MATERIAL_BALANCE, 0, balance).documentNumber());
	}

	@JobWorker(type = "erp.closeOrder")
	@JobContract(name = "ERP: close order",
			description = "erp.closeOrder")
	public Map<String, Object> closeOrder(ActivatedJob job) {
		Vars vars = Vars.of(job);
		return Map.of("erpDocumentNumber", post(job, vars, ErpPosting.Kind.CLOSE_ORDER, 0,
				Map.of("purchaseOrderNumber", vars.textOr("", "purchaseOrderNumber")))
			.documentNumber());
	}

	/** 3.22: actual hours and parts of the conversion, as booked on its work order (and its rework order). */
	@JobWorker(type = "erp.postActualCosts")
	@JobContract(name = "ERP: post actual costs",
			description = "3.22: actual hours and parts of the conversion, as booked on its work order (and its rework order).",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "workOrderId", description = "MES work order of the subject", required = true),
					@Var(name = "reworkOrderId", description = "Rework order id") })
	public Map<String, Object> postActualCosts(ActivatedJob job) {
		Vars vars = Vars.of(job);
		WorkOrderCost cost = costOf(job, workOrders(vars.requireText("workOrderId"), vars));
		ErpDocument document = post(job, vars, ErpPosting.Kind.ACTUAL_COSTS, cost.totalEur(), cost.details(Map.of()));
		Map<String, Object> outputs = new LinkedHashMap<>(cost.outputs("actualCostEur", document));
		outputs.put("actualHours", cost.hours());
		return outputs;
	}

	/** The work order and, once the quality gate created one, its rework order. */
	private static List<String> workOrders(String workOrderId, Vars vars) {
		List<String> ids = new ArrayList<>();
		if (workOrderId != null) {
			ids.add(workOrderId);
		}
		String rework = vars.text("reworkOrderId");
		if (rework != null && !ids.contains(rework)) {
			ids.add(rework);
		}
		return ids;
	}

	/** Labour from the operations the MES booked on the work orders, parts from what the WMS issued to them. */
	private WorkOrderCost costOf(ActivatedJob job, List<String> workOrderIds) {
		List<BookedOperations> labour = new ArrayList<>();
		List<IssuedParts> parts = new ArrayList<>();
		for (String id : workOrderIds) {
			labour.add(JobOutcome.call(job, () -> this.mes.bookedOperations(id)));
			parts.add(JobOutcome.call(job, () -> this.wms.issuedTo(id)));
		}
		return WorkOrderCost.of(workOrderIds, labour, parts);
	}

	private ErpDocument post(ActivatedJob job, Vars vars, ErpPosting.Kind kind, double amount,
			Map<String, Object> details) {
		return post(job, vars, kind, Vars.money(amount), details);
	}

	private ErpDocument post(ActivatedJob job, Vars vars, ErpPosting.Kind kind, BigDecimal amount,
			Map<String, Object> details) {
		Vars.Subject subject = vars.subject();
		ErpDocument document = JobOutcome.call(job, () -> this.erp.post(JobOutcome.key(job),
				new ErpPosting(kind, subject.key(), amount, details)));
		this.records.audit(job, "ERP_POSTED", subject.type(), subject.key(),
				auditData(kind, document, amount, details));
		return document;
	}

	private static Map<String, Object> auditData(ErpPosting.Kind kind, ErpDocument document, BigDecimal amount,
			Map<String, Object> details) {
		Map<String, Object> data = WorkerRecords.data("kind", kind.name(), "documentNumber",
				document.documentNumber(), "amountEur", amount.toPlainString());
		if (kind == ErpPosting.Kind.MATERIAL_BALANCE) {
			// the auditor's ELV rates are computed from the quantities as posted (ADR 0926)
			data.put("balance", details);
		}
		return data;
	}

}

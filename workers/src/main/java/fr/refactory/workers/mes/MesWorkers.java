package fr.refactory.workers.mes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.refactory.plant.mes.Calibration;
import fr.refactory.plant.mes.Containment;
import fr.refactory.plant.mes.ContainmentRequest;
import fr.refactory.plant.mes.GenealogyAck;
import fr.refactory.plant.mes.GenealogyRecord;
import fr.refactory.plant.mes.LabourEstimate;
import fr.refactory.plant.mes.LabourRequest;
import fr.refactory.plant.mes.MeasurementSet;
import fr.refactory.plant.mes.MeasurementsRecorded;
import fr.refactory.plant.mes.Mes;
import fr.refactory.plant.mes.MesVehicle;
import fr.refactory.plant.mes.RemanLabel;
import fr.refactory.plant.mes.RemanLabelRequest;
import fr.refactory.plant.mes.ResourceRequest;
import fr.refactory.plant.mes.ResourceSlot;
import fr.refactory.plant.mes.SubjectStatus;
import fr.refactory.plant.mes.VehicleRegistration;
import fr.refactory.plant.mes.WorkOrder;
import fr.refactory.plant.mes.WorkOrderRequest;
import fr.refactory.records.Vehicle;
import fr.refactory.records.Vehicles;
import fr.refactory.records.WorkOrders;
import fr.refactory.workers.quality.GateDispositions;
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

/** The MES workers ({@code mes.*}): vehicles on site, work orders, statuses, slots, genealogy, measurements, labels. */
@Component
public class MesWorkers {

	private final Mes mes;

	private final Vehicles vehicles;

	private final WorkOrders workOrders;

	private final WorkerRecords records;

	private final GateDispositions dispositions;

	MesWorkers(Mes mes, Vehicles vehicles, WorkOrders workOrders, WorkerRecords records,
			GateDispositions dispositions) {
		this.mes = mes;
		this.vehicles = vehicles;
		this.workOrders = workOrders;
		this.records = records;
		this.dispositions = dispositions;
	}

	/** 1.7: registers the vehicle in the MES (MES rejects the VIN: {@code VIN_INVALID}) and in the records. */
	@JobWorker(type = "mes.registerVehicle")
	@JobContract(name = "MES: register vehicle",
			description = "1.7: registers the vehicle in the MES (MES rejects the VIN: VIN_INVALID) and in the records.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "modelFamily", description = "Model family"),
					@Var(name = "powertrain", description = "Powertrain"),
					@Var(name = "make", description = "Make"),
					@Var(name = "version", description = "Version"),
					@Var(name = "category", description = "Category"),
					@Var(name = "firstRegistrationDate", type = DATE, description = "First registration date") },
			outputs = { @Var(name = "vehicleId", description = "Vehicle id") },
			errors = { "VIN_INVALID" })
	public Map<String, Object> registerVehicle(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		MesVehicle registered = JobOutcome.call(job, () -> this.mes.registerVehicle(JobOutcome.key(job),
				new VehicleRegistration(vin, vars.text("modelFamily"), vars.text("powertrain"))));
		this.vehicles.register(new Vehicle(vin, vars.text("make"), vars.text("modelFamily"), vars.text("version"),
				knownPowertrain(vars.text("powertrain")), vars.text("category"), vars.date("firstRegistrationDate"),
				this.records.clock().instant(), null, null, null, null));
		this.records.audit(job, "VEHICLE_REGISTERED", "VEHICLE", vin, WorkerRecords.data("mesVehicleId", registered.mesVehicleId()));
		return Map.of("vehicleId", registered.mesVehicleId());
	}

	/** Opens a work order (header {@code workOrderType}) in the MES and in the records. */
	@JobWorker(type = "mes.createWorkOrder")
	@JobContract(name = "MES: create work order",
			description = "Opens a work order (header workOrderType) in the MES and in the records.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)") },
			outputs = { @Var(name = "workOrderId", description = "MES work order of the subject") },
			headers = { @Header(key = "workOrderType", description = "Work order type", values = { "INTAKE" }, required = true) },
			errors = { "VIN_INVALID" })
	public Map<String, Object> createWorkOrder(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		String type = vars.requireHeader("workOrderType");
		WorkOrder order = JobOutcome.call(job, () -> this.mes.createWorkOrder(JobOutcome.key(job),
				new WorkOrderRequest(type, subject.type(), subject.key(), job.getProcessInstanceKey(), null)));
		this.workOrders.open(new fr.refactory.records.WorkOrder(order.workOrderId(), type, subject.type(),
				subject.key(), job.getProcessInstanceKey(), "CREATED", null, 0, JobOutcome.key(job).value(), null,
				null));
		this.records.audit(job, "WORK_ORDER_CREATED", subject.type(), subject.key(),
				WorkerRecords.data("workOrderId", order.workOrderId(), "type", type));
		return Map.of("workOrderId", order.workOrderId());
	}

	/**
	 * 2.10: releases the repair work order; without one yet, opens it first. An order the MES does not know is a
	 * technical failure it will not cure by retrying: an incident.
	 */
	@JobWorker(type = "mes.releaseWorkOrder")
	@JobContract(name = "MES: release work order",
			description = "2.10: releases the repair work order; without one yet, opens it first. An order the MES does not know is a technical failure it will not cure by retrying: an incident.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "workOrderId", description = "MES work order of the subject"),
					@Var(name = "workOrderType", description = "Work order type") },
			outputs = { @Var(name = "workOrderId", description = "MES work order of the subject") })
	public Map<String, Object> releaseWorkOrder(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		String existing = vars.text("workOrderId");
		WorkOrder released = JobOutcome.call(job, () -> {
			String id = existing;
			if (id == null) {
				String type = vars.textOr("DIAGNOSIS", "workOrderType");
				id = this.mes.createWorkOrder(JobOutcome.key(job, "create"),
						new WorkOrderRequest(type, subject.type(), subject.key(), job.getProcessInstanceKey(), null))
					.workOrderId();
				this.workOrders.open(new fr.refactory.records.WorkOrder(id, type, subject.type(), subject.key(),
						job.getProcessInstanceKey(), "CREATED", null, 0, JobOutcome.key(job, "create").value(), null,
						null));
			}
			return this.mes.releaseWorkOrder(JobOutcome.key(job), id);
		});
		if (this.workOrders.find(released.workOrderId()).isPresent()) {
			this.workOrders.changeStatus(released.workOrderId(), "RELEASED");
		}
		this.records.audit(job, "WORK_ORDER_RELEASED", subject.type(), subject.key(),
				WorkerRecords.data("workOrderId", released.workOrderId()));
		return Map.of("workOrderId", released.workOrderId());
	}

	/** Sets the MES status of the subject (header {@code status}); CLOSED and ON_HOLD apply to its work order. */
	@JobWorker(type = "mes.setStatus")
	@JobContract(name = "MES: set status",
			description = "Sets the MES status of the subject (header status); CLOSED and ON_HOLD apply to its work order.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "workOrderId", description = "MES work order of the subject") },
			headers = { @Header(key = "status", description = "Status", values = { "CLOSED", "ON_HOLD", "RELEASED" }, required = true) })
	public Map<String, Object> setStatus(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String status = vars.requireHeader("status");
		Vars.Subject subject = vars.subject();
		String workOrderId = vars.text("workOrderId");
		boolean ofWorkOrder = workOrderId != null && Set.of("CLOSED", "ON_HOLD").contains(status);
		String key = ofWorkOrder ? workOrderId : subject.key();
		SubjectStatus set = JobOutcome.call(job,
				() -> this.mes.setStatus(JobOutcome.key(job), new SubjectStatus(key, status)));
		if (ofWorkOrder && this.workOrders.find(workOrderId).isPresent()) {
			this.workOrders.changeStatus(workOrderId, status);
		}
		this.records.audit(job, "STATUS_CHANGED", subject.type(), subject.key(),
				WorkerRecords.data("statusOf", key, "status", set.status()));
		return Map.of("mesStatus", set.status());
	}

	/**
	 * 2.1, 6.4, 6.5: reserves a bench of the header's {@code resourceType} (the one asked for in {@code benchId}, if
	 * any; another than those in {@code unavailableBenchIds}, which just reported themselves unavailable).
	 */
	@JobWorker(type = "mes.reserveResource")
	@JobContract(name = "MES: reserve resource",
			description = "2.1, 6.4, 6.5: reserves a bench of the header's resourceType (the one asked for in benchId, if any; another than those in unavailableBenchIds, which just reported themselves unavailable).",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "benchId", description = "Bench id"),
					@Var(name = "unavailableBenchIds", type = LIST, description = "Unavailable bench ids") },
			outputs = { @Var(name = "benchId", description = "Bench id"),
					@Var(name = "benchSlot", type = CONTEXT, description = "Reserved slot: reservationId, start, end") },
			headers = { @Header(key = "resourceType", description = "Resource type", values = { "BATTERY_TEST_BENCH", "CAPACITY_CYCLER", "DIAGNOSTIC_BENCH", "RETROFIT_LINE" }, required = true) })
	public Map<String, Object> reserveResource(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		ResourceSlot slot = JobOutcome.call(job, () -> this.mes.reserveResource(JobOutcome.key(job),
				new ResourceRequest(vars.requireHeader("resourceType"), vars.text("benchId"), subject.key(),
						vars.list("unavailableBenchIds").stream().map(Object::toString).toList())));
		this.records.audit(job, "RESOURCE_RESERVED", subject.type(), subject.key(),
				WorkerRecords.data("resourceId", slot.resourceId(), "reservationId", slot.reservationId()));
		return Map.of("benchId", slot.resourceId(), "benchSlot", Map.of("reservationId", slot.reservationId(),
				"start", slot.slotStart().toString(), "end", slot.slotEnd().toString()));
	}

	/** 2.7: standard hours of the repair operations (codes in {@code operationCodes}, else the active DTCs). */
	@JobWorker(type = "mes.computeLabour")
	@JobContract(name = "MES: compute labour",
			description = "2.7: standard hours of the repair operations (codes in operationCodes, else the active DTCs).",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "operationCodes", type = LIST, description = "Operation codes"),
					@Var(name = "dtcList", type = LIST, description = "Diagnostic trouble codes read from the ECUs") },
			outputs = { @Var(name = "labourHours", type = NUMBER, description = "Labour hours"),
					@Var(name = "operations", type = LIST, description = "Operations") })
	public Map<String, Object> computeLabour(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		List<String> codes = new ArrayList<>(vars.list("operationCodes").stream().map(Object::toString).toList());
		if (codes.isEmpty()) {
			vars.list("dtcList").forEach((dtc) -> codes.add((dtc instanceof Map<?, ?> map && map.get("code") != null)
					? "FIX-" + map.get("code") : "FIX-" + dtc));
		}
		if (codes.isEmpty()) {
			codes.add("INSPECT-GENERAL");
		}
		LabourEstimate estimate = JobOutcome.call(job,
				() -> this.mes.computeLabour(new LabourRequest(subject.key(), codes)));
		List<Map<String, Object>> operations = estimate.operations()
			.stream()
			.map(MesWorkers::operation)
			.toList();
		return Map.of("operations", operations, "labourHours", estimate.totalStandardHours());
	}

	/** An operation for the repair sub-process; {@code trade} steers its gateway (no trade: bodywork). */
	private static Map<String, Object> operation(LabourEstimate.Operation op) {
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("code", op.code());
		operation.put("standardHours", op.standardHours());
		if (op.trade() != null) {
			operation.put("trade", op.trade());
		}
		return operation;
	}

	/** 5.6b: a rework order under the subject's work order; the failed checks are the operations to redo. */
	@JobWorker(type = "mes.createReworkOrder")
	@JobContract(name = "MES: create rework order",
			description = "5.6b: a rework order under the subject's work order; the failed checks are the operations to redo.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "workOrderId", description = "MES work order of the subject"),
					@Var(name = "reworkCount", type = NUMBER, description = "Rework count"),
					@Var(name = "failedChecks", type = LIST, description = "The failed checks with their severity") },
			outputs = { @Var(name = "reworkOperations", type = LIST, description = "Rework operations"),
					@Var(name = "reworkOrderId", description = "Rework order id") })
	public Map<String, Object> createReworkOrder(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		String parent = vars.text("workOrderId");
		int reworkCount = vars.integer("reworkCount") == null ? 0 : vars.integer("reworkCount");
		WorkOrder order = JobOutcome.call(job, () -> this.mes.createWorkOrder(JobOutcome.key(job),
				new WorkOrderRequest("REWORK", subject.type(), subject.key(), job.getProcessInstanceKey(), parent)));
		String recordedParent = (parent != null && this.workOrders.find(parent).isPresent()) ? parent : null;
		this.workOrders.open(new fr.refactory.records.WorkOrder(order.workOrderId(), "REWORK", subject.type(),
				subject.key(), job.getProcessInstanceKey(), "CREATED", recordedParent, Math.min(reworkCount + 1, 5),
				JobOutcome.key(job).value(), null, null));
		List<Object> failedChecks = vars.list("failedChecks");
		List<Map<String, Object>> operations = reworkOperations(job, subject.key(), failedChecks);
		this.dispositions.dispose(job, "REWORK");
		this.records.audit(job, "REWORK_ORDER_CREATED", subject.type(), subject.key(),
				WorkerRecords.data("reworkOrderId", order.workOrderId(), "failedChecks", failedChecks));
		return Map.of("reworkOrderId", order.workOrderId(), "reworkOperations", operations);
	}

	/**
	 * One operation per failed check, named by the defect the inspector recorded (the check's code when none), with
	 * the trade and standard hours the MES's operation catalogue gives that code: a paint run goes back to paint.
	 */
	private List<Map<String, Object>> reworkOperations(ActivatedJob job, String subjectKey, List<Object> failedChecks) {
		List<String> checkCodes = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (Object failed : failedChecks) {
			Map<?, ?> check = (failed instanceof Map<?, ?> map) ? map : Map.of("checkCode", String.valueOf(failed));
			String checkCode = String.valueOf(check.get("checkCode"));
			checkCodes.add(checkCode);
			codes.add((check.get("defectCode") != null) ? check.get("defectCode").toString() : checkCode);
		}
		if (codes.isEmpty()) {
			return List.of();
		}
		LabourEstimate estimate = JobOutcome.call(job,
				() -> this.mes.computeLabour(new LabourRequest(subjectKey, codes)));
		List<Map<String, Object>> operations = new ArrayList<>();
		for (int i = 0; i < estimate.operations().size(); i++) {
			Map<String, Object> operation = operation(estimate.operations().get(i));
			operation.put("checkCode", checkCodes.get(i));
			operations.add(operation);
		}
		return operations;
	}

	/**
	 * 5.6c and 3.12 containment: holds every item measured with the suspect equipment (or at the failed kit lot's
	 * station, header {@code scope=KIT_LOT}) in the last 30 days, the window back to the last good check.
	 */
	@JobWorker(type = "mes.holdSuspectItems")
	@JobContract(name = "MES: hold suspect items",
			description = "5.6c and 3.12 containment: holds every item measured with the suspect equipment (or at the failed kit lot's station, header scope=KIT_LOT) in the last 30 days, the window back to the last good check.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "kitReference", description = "Kit reference"),
					@Var(name = "suspectEquipmentIds", type = LIST, description = "Suspect equipment ids"),
					@Var(name = "failedEquipmentId", description = "Failed equipment id") },
			outputs = { @Var(name = "heldItems", type = LIST, description = "Subjects put on hold") },
			headers = { @Header(key = "scope", description = "Scope", values = { "KIT_LOT" }) })
	public Map<String, Object> holdSuspectItems(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		Instant since = this.records.clock().instant().minus(Duration.ofDays(30));
		List<String> scopes = new ArrayList<>();
		String scopeType;
		if ("KIT_LOT".equals(vars.header("scope"))) {
			scopeType = "STATION";
			scopes.add(vars.textOr("KIT-LOT-" + vars.textOr(subject.key(), "kitReference"), "kitLotNumber"));
		}
		else {
			scopeType = "EQUIPMENT";
			vars.list("suspectEquipmentIds").forEach((id) -> scopes.add(id.toString()));
			if (scopes.isEmpty() && vars.text("failedEquipmentId") != null) {
				scopes.add(vars.text("failedEquipmentId"));
			}
		}
		Set<String> held = new LinkedHashSet<>();
		List<String> containmentIds = new ArrayList<>();
		for (String scope : scopes) {
			Containment containment = JobOutcome.call(job, () -> this.mes.holdSuspectItems(
					JobOutcome.key(job, scope), new ContainmentRequest(scopeType, scope, since)));
			containmentIds.add(containment.containmentId());
			held.addAll(containment.heldSubjectKeys());
		}
		this.records.audit(job, "SUSPECT_ITEMS_HELD", subject.type(), subject.key(),
				WorkerRecords.data("scopeType", scopeType, "scopes", scopes, "containmentIds", containmentIds, "heldItems",
						List.copyOf(held)));
		return Map.of("heldItems", List.copyOf(held), "containmentIds", containmentIds);
	}

	/** 3.11: VIN ↔ battery, motor, inverter and charger serials, in the MES and as genealogy links. */
	@JobWorker(type = "mes.recordGenealogy")
	@JobContract(name = "MES: record genealogy",
			description = "3.11: VIN ↔ battery, motor, inverter and charger serials, in the MES and as genealogy links.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "batteryPackId", description = "Battery pack id"),
					@Var(name = "tractionBatteryId", description = "Traction battery id from the manufacturer data"),
					@Var(name = "motorSerial", description = "Motor serial"),
					@Var(name = "inverterSerial", description = "Inverter serial"),
					@Var(name = "chargerSerial", description = "Charger serial") })
	public Map<String, Object> recordGenealogy(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		Map<String, String> components = new LinkedHashMap<>();
		components.put("battery", vars.text("batteryPackId", "tractionBatteryId"));
		components.put("motor", vars.text("motorSerial"));
		components.put("inverter", vars.text("inverterSerial"));
		components.put("charger", vars.text("chargerSerial"));
		List<String> genealogyIds = new ArrayList<>();
		components.forEach((component, serial) -> {
			if (serial == null) {
				return;
			}
			GenealogyAck ack = JobOutcome.call(job, () -> this.mes.recordGenealogy(JobOutcome.key(job, component),
					new GenealogyRecord(vin, serial, "INSTALLED_IN")));
			genealogyIds.add(ack.genealogyId());
			this.records.link(job, "battery".equals(component) ? "BATTERY" : "PART", serial, "INSTALLED_IN",
					"VEHICLE", vin);
		});
		this.records.audit(job, "GENEALOGY_RECORDED", "VEHICLE", vin, WorkerRecords.data("components", components.entrySet()
			.stream()
			.filter((e) -> e.getValue() != null)
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
		return Map.of("genealogyIds", genealogyIds);
	}

	/**
	 * 4.9: the component's measurements (list {@code measurements}, else what the inspection form measured: the wear
	 * and, for an electrical component, the winding insulation), with the measuring equipment the inspector names.
	 */
	@JobWorker(type = "mes.recordMeasurements")
	@JobContract(name = "MES: record measurements",
			description = "4.9: the component's measurements (list measurements, else what the inspection form measured: the wear and, for an electrical component, the winding insulation), with the measuring equipment the inspector names.",
			inputs = { @Var(name = "component", type = CONTEXT, description = "Component"),
					@Var(name = "subjectKey", description = "Subject measured (a quality gate's re-measurement); else coreSerial, partId or the component"),
					@Var(name = "station", description = "Station measured at (default REMAN-INSPECTION)"),
					@Var(name = "measurements", type = LIST, description = "Measurements"),
					@Var(name = "measuredWearPct", type = NUMBER, description = "Measured wear (%)"),
					@Var(name = "windingInsulationMOhm", type = NUMBER, description = "Winding insulation (MΩ)"),
					@Var(name = "equipmentId", description = "Measuring equipment (gauge, megohmmeter) the inspector used", required = true) })
	public Map<String, Object> recordMeasurements(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Map<String, Object> component = vars.map("component");
		String subjectKey = vars.textOr(String.valueOf(component.getOrDefault("reference", "UNKNOWN")),
				"subjectKey", "coreSerial", "partId");
		List<MeasurementSet.Measurement> measurements = new ArrayList<>();
		for (Object item : vars.list("measurements")) {
			if (item instanceof Map<?, ?> m && m.get("value") instanceof Number value) {
				measurements.add(new MeasurementSet.Measurement(String.valueOf(m.get("name")), value.doubleValue(),
						m.get("unit") == null ? null : m.get("unit").toString(), number(m.get("lowerLimit")),
						number(m.get("upperLimit"))));
			}
		}
		if (measurements.isEmpty()) {
			measurements.addAll(inspected(vars, component));
		}
		String equipmentId = vars.requireText("equipmentId");
		MeasurementsRecorded recorded = JobOutcome.call(job, () -> this.mes.recordMeasurements(JobOutcome.key(job),
				new MeasurementSet(subjectKey, vars.textOr("REMAN-INSPECTION", "station"), equipmentId,
						this.records.clock().instant(), measurements)));
		this.records.audit(job, "MEASUREMENTS_RECORDED", "PART", subjectKey,
				WorkerRecords.data("recordId", recorded.recordId(), "count", recorded.count()));
		return Map.of("measurementRecordId", recorded.recordId());
	}

	/** What the component-inspection form measured: the wear and, for an electrical component, the winding insulation. */
	private static List<MeasurementSet.Measurement> inspected(Vars vars, Map<String, Object> component) {
		List<MeasurementSet.Measurement> measured = new ArrayList<>();
		String reference = String.valueOf(component.getOrDefault("reference", "component"));
		if (vars.decimal("measuredWearPct") != null) {
			measured.add(new MeasurementSet.Measurement(reference + ".wear", vars.decimal("measuredWearPct"), "%", 0.0,
					100.0));
		}
		if (vars.decimal("windingInsulationMOhm") != null) {
			// the limit that decides the component is D9's parameter; the MES keeps the reading without one
			measured.add(new MeasurementSet.Measurement(reference + ".windingInsulation",
					vars.decimal("windingInsulationMOhm"), "MOhm", null, null));
		}
		return measured;
	}

	/** 5.2: the MES measurements of the subject, flattened for D11 and the calibration check. */
	@JobWorker(type = "mes.getMeasurements")
	@JobContract(name = "MES: get measurements",
			description = "5.2: the MES measurements of the subject, flattened for D11 and the calibration check.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)") },
			outputs = { @Var(name = "measurements", type = LIST, description = "Measurements") })
	public Map<String, Object> getMeasurements(ActivatedJob job) {
		Vars.Subject subject = Vars.of(job).subject();
		List<Map<String, Object>> measurements = new ArrayList<>();
		JobOutcome.call(job, () -> this.mes.measurementsOf(subject.key())).sets().forEach((set) -> set.measurements()
			.forEach((m) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("name", m.name());
				row.put("value", m.value());
				row.put("unit", m.unit());
				row.put("lowerLimit", m.lowerLimit());
				row.put("upperLimit", m.upperLimit());
				row.put("withinLimits", (m.lowerLimit() == null || m.value() >= m.lowerLimit())
						&& (m.upperLimit() == null || m.value() <= m.upperLimit()));
				row.put("station", set.station());
				row.put("equipmentId", set.equipmentId());
				row.put("measuredAt", set.measuredAt().toString());
				measurements.add(row);
			}));
		return Map.of("measurements", measurements);
	}

	/**
	 * 5.3: any result measured with equipment out of calibration today is suspect. Of the MES measurements only the
	 * latest reading of each characteristic counts: a re-measurement with calibrated equipment supersedes the suspect
	 * one (AS-67, ADR 0478). The suspect MES readings are listed for the inspector to measure again.
	 */
	@JobWorker(type = "mes.checkCalibration")
	@JobContract(name = "MES: check calibration",
			description = "5.3: any result measured with equipment out of calibration today is suspect; of the MES measurements only the latest reading of each characteristic counts (a re-measurement supersedes the suspect one).",
			inputs = { @Var(name = "automaticResults", type = LIST, description = "End-of-line bench results (eol.getResults)"),
					@Var(name = "measurements", type = LIST, description = "MES measurements (mes.getMeasurements)") },
			outputs = { @Var(name = "suspectEquipmentIds", type = LIST, description = "Suspect equipment ids"),
					@Var(name = "suspectMeasurement", type = BOOLEAN, description = "Suspect measurement"),
					@Var(name = "suspectReadings", type = LIST, description = "The MES readings taken with suspect equipment, to measure again") })
	public Map<String, Object> checkCalibration(ActivatedJob job) {
		Vars vars = Vars.of(job);
		List<Map<?, ?>> readings = new ArrayList<>(latestReadings(vars.list("measurements")));
		Set<String> equipment = new LinkedHashSet<>();
		for (Object row : vars.list("automaticResults")) {
			if (row instanceof Map<?, ?> map && map.get("equipmentId") != null) {
				equipment.add(map.get("equipmentId").toString());
			}
		}
		readings.forEach((row) -> {
			if (row.get("equipmentId") != null) {
				equipment.add(row.get("equipmentId").toString());
			}
		});
		var today = java.time.LocalDate.ofInstant(this.records.clock().instant(), java.time.ZoneOffset.UTC);
		List<String> suspect = new ArrayList<>();
		for (String id : equipment) {
			Calibration calibration = JobOutcome.call(job, () -> this.mes.checkCalibration(id, today));
			if (!calibration.valid()) {
				suspect.add(id);
			}
		}
		List<Map<String, Object>> suspectReadings = readings.stream()
			.filter((row) -> row.get("equipmentId") != null && suspect.contains(row.get("equipmentId").toString()))
			.map(MesWorkers::reading)
			.toList();
		return Map.of("suspectMeasurement", !suspect.isEmpty(), "suspectEquipmentIds", suspect, "suspectReadings",
				suspectReadings);
	}

	/** The latest reading of each characteristic (by time measured; of equal times, the one recorded last). */
	private static java.util.Collection<Map<?, ?>> latestReadings(List<Object> measurements) {
		Map<String, Map<?, ?>> latest = new LinkedHashMap<>();
		for (Object row : measurements) {
			if (row instanceof Map<?, ?> map) {
				String name = String.valueOf(map.get("name"));
				Map<?, ?> previous = latest.get(name);
				if (previous == null || !measuredAt(map).isBefore(measuredAt(previous))) {
					latest.put(name, map);
				}
			}
		}
		return latest.values();
	}

	private static Instant measuredAt(Map<?, ?> reading) {
		return (reading.get("measuredAt") == null) ? Instant.MIN : Instant.parse(reading.get("measuredAt").toString());
	}

	private static Map<String, Object> reading(Map<?, ?> row) {
		Map<String, Object> reading = new LinkedHashMap<>();
		for (String key : List.of("name", "value", "unit", "lowerLimit", "upperLimit", "equipmentId")) {
			reading.put(key, row.get(key));
		}
		return reading;
	}

	/** 4.16: the "remanufactured by The Remakers" label; the new serial is REMANUFACTURED_FROM the core. */
	@JobWorker(type = "mes.printRemanLabel")
	@JobContract(name = "MES: print reman label",
			description = "4.16: the \"remanufactured by The Remakers\" label; the new serial is REMANUFACTURED_FROM the core.",
			inputs = { @Var(name = "coreSerial", description = "Core serial", required = true),
					@Var(name = "partNumber", description = "Part number") },
			outputs = { @Var(name = "remanSerial", description = "Reman serial") })
	public Map<String, Object> printRemanLabel(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String coreSerial = vars.requireText("coreSerial");
		RemanLabel label = JobOutcome.call(job, () -> this.mes.printRemanLabel(JobOutcome.key(job),
				new RemanLabelRequest(coreSerial, vars.textOr("UNKNOWN", "partNumber"), "The Remakers")));
		this.records.link(job, "PART", label.remanSerial(), "REMANUFACTURED_FROM", "PART", coreSerial);
		this.records.audit(job, "REMAN_LABEL_PRINTED", "PART", coreSerial,
				WorkerRecords.data("remanSerial", label.remanSerial(), "labelText", label.labelText()));
		return Map.of("remanSerial", label.remanSerial());
	}

	/** 5.6d: the subject is SCRAPPED in the MES. */
	@JobWorker(type = "mes.scrap")
	@JobContract(name = "MES: scrap",
			description = "5.6d: the subject is SCRAPPED in the MES.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)") })
	public Map<String, Object> scrap(ActivatedJob job) {
		Vars.Subject subject = Vars.of(job).subject();
		SubjectStatus status = JobOutcome.call(job,
				() -> this.mes.setStatus(JobOutcome.key(job), new SubjectStatus(subject.key(), "SCRAPPED")));
		this.dispositions.dispose(job, "SCRAP");
		this.records.audit(job, "SCRAPPED", subject.type(), subject.key(), WorkerRecords.data("status", status.status()));
		return Map.of("mesStatus", status.status());
	}

	private static Double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	private static String knownPowertrain(String powertrain) {
		return (powertrain != null && Set.of("ICE_DIESEL", "ICE_PETROL", "LPG", "HEV", "PHEV", "BEV").contains(powertrain))
				? powertrain : null;
	}

}

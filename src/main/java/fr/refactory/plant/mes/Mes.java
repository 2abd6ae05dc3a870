package fr.refactory.plant.mes;

import java.time.LocalDate;

import fr.refactory.plant.IdempotencyKey;

/**
 * The manufacturing execution system: vehicles on site, work orders, bench slots,
 * genealogy, calibration and labels (domain brief §3.11, {@code mes.*}). Every command is
 * idempotent on its key.
 */
public interface Mes {

	/**
	 * Registers a vehicle on site; a malformed VIN is the business error
	 * {@code VIN_INVALID}.
	 */
	MesVehicle registerVehicle(IdempotencyKey key, VehicleRegistration registration);

	/**
	 * Creates a work order, or a rework order when
	 * {@link WorkOrderRequest#parentWorkOrderId()} is set.
	 */
	WorkOrder createWorkOrder(IdempotencyKey key, WorkOrderRequest request);

	WorkOrder releaseWorkOrder(IdempotencyKey key, String workOrderId);

	SubjectStatus setStatus(IdempotencyKey key, SubjectStatus status);

	/**
	 * Reserves a bench or other resource for a subject; no free slot is
	 * {@code BENCH_UNAVAILABLE}.
	 */
	ResourceSlot reserveResource(IdempotencyKey key, ResourceRequest request);

	GenealogyAck recordGenealogy(IdempotencyKey key, GenealogyRecord record);

	Calibration checkCalibration(String equipmentId, LocalDate on);

	RemanLabel printRemanLabel(IdempotencyKey key, RemanLabelRequest request);

	MeasurementsRecorded recordMeasurements(IdempotencyKey key, MeasurementSet measurements);

	Measurements measurementsOf(String subjectKey);

	/**
	 * Puts on hold every item measured at the suspect station or with the suspect
	 * equipment since the given time.
	 */
	Containment holdSuspectItems(IdempotencyKey key, ContainmentRequest request);

	/** Standard hours of the operations a repair needs (domain brief §3.2 step 2.7). */
	LabourEstimate computeLabour(LabourRequest request);

	/**
	 * The operations booked on a work order so far, with hours and the labour rate of
	 * their trade (costing).
	 */
	BookedOperations bookedOperations(String workOrderId);

}

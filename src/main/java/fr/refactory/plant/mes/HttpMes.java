package fr.refactory.plant.mes;

import java.time.LocalDate;
import java.util.Map;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/** The MES over HTTP; see {@link PlantHttpClient} for time-outs and error mapping. */
public class HttpMes implements Mes {

	private final PlantHttpClient http;

	public HttpMes(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public MesVehicle registerVehicle(IdempotencyKey key, VehicleRegistration registration) {
		return this.http.post("vehicles", key, registration, MesVehicle.class);
	}

	@Override
	public WorkOrder createWorkOrder(IdempotencyKey key, WorkOrderRequest request) {
		return this.http.post("work-orders", key, request, WorkOrder.class);
	}

	@Override
	public WorkOrder releaseWorkOrder(IdempotencyKey key, String workOrderId) {
		return this.http.post("work-orders/" + segment(workOrderId) + "/release", key, Map.of(), WorkOrder.class);
	}

	@Override
	public SubjectStatus setStatus(IdempotencyKey key, SubjectStatus status) {
		return this.http.post("statuses", key, status, SubjectStatus.class);
	}

	@Override
	public ResourceSlot reserveResource(IdempotencyKey key, ResourceRequest request) {
		return this.http.post("resource-reservations", key, request, ResourceSlot.class);
	}

	@Override
	public GenealogyAck recordGenealogy(IdempotencyKey key, GenealogyRecord record) {
		return this.http.post("genealogy", key, record, GenealogyAck.class);
	}

	@Override
	public Calibration checkCalibration(String equipmentId, LocalDate on) {
		return this.http.get("equipment/" + segment(equipmentId) + "/calibration?on=" + on, Calibration.class);
	}

	@Override
	public RemanLabel printRemanLabel(IdempotencyKey key, RemanLabelRequest request) {
		return this.http.post("reman-labels", key, request, RemanLabel.class);
	}

	@Override
	public MeasurementsRecorded recordMeasurements(IdempotencyKey key, MeasurementSet measurements) {
		return this.http.post("measurements", key, measurements, MeasurementsRecorded.class);
	}

	@Override
	public Measurements measurementsOf(String subjectKey) {
		return this.http.get("subjects/" + segment(subjectKey) + "/measurements", Measurements.class);
	}

	@Override
	public Containment holdSuspectItems(IdempotencyKey key, ContainmentRequest request) {
		return this.http.post("containments", key, request, Containment.class);
	}

	@Override
	public LabourEstimate computeLabour(LabourRequest request) {
		return this.http.query("labour-estimates", request, LabourEstimate.class);
	}

	@Override
	public BookedOperations bookedOperations(String workOrderId) {
		return this.http.get("work-orders/" + segment(workOrderId) + "/operations", BookedOperations.class);
	}

}

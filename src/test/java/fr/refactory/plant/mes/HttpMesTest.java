package fr.refactory.plant.mes;

import java.time.LocalDate;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMesTest extends MesContract {

	private final SimulatedMes answers = new SimulatedMes(Simulation.immediate("mes"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.command("vehicles", VehicleRegistration.class,
				(request, body) -> this.answers.registerVehicle(request.key(), body))
		.command("work-orders", WorkOrderRequest.class,
				(request, body) -> this.answers.createWorkOrder(request.key(), body))
		.command("work-orders/{id}/release", Object.class,
				(request, body) -> this.answers.releaseWorkOrder(request.key(), request.path("id")))
		.command("statuses", SubjectStatus.class, (request, body) -> this.answers.setStatus(request.key(), body))
		.command("resource-reservations", ResourceRequest.class,
				(request, body) -> this.answers.reserveResource(request.key(), body))
		.command("genealogy", GenealogyRecord.class,
				(request, body) -> this.answers.recordGenealogy(request.key(), body))
		.query("equipment/{id}/calibration",
				(request) -> this.answers.checkCalibration(request.path("id"), LocalDate.parse(request.query("on"))))
		.command("reman-labels", RemanLabelRequest.class,
				(request, body) -> this.answers.printRemanLabel(request.key(), body))
		.command("measurements", MeasurementSet.class,
				(request, body) -> this.answers.recordMeasurements(request.key(), body))
		.query("subjects/{key}/measurements", (request) -> this.answers.measurementsOf(request.path("key")))
		.command("containments", ContainmentRequest.class,
				(request, body) -> this.answers.holdSuspectItems(request.key(), body))
		.command("labour-estimates", LabourRequest.class, (request, body) -> this.answers.computeLabour(body))
		.query("work-orders/{id}/operations", (request) -> this.answers.bookedOperations(request.path("id")));

	private final Mes mes = new HttpMes(this.server.client("mes"));

	@Override
	protected Mes mes() {
		return this.mes;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void shouldSendTheCallersIdempotencyKey() {
		this.mes.setStatus(IdempotencyKey.ofJob(2251799813685249L, "mes.setStatus"), new SubjectStatus(VIN, "ON_HOLD"));

		assertThat(this.server.idempotencyKeys()).containsExactly("2251799813685249:mes.setStatus");
	}

}

package fr.refactory.plant.diag;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpDiagnosticBenchTest extends DiagnosticBenchContract {

	private final SimulatedDiagnosticBench answers = new SimulatedDiagnosticBench(Simulation.immediate("diag"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.query("benches/{bench}/vehicles/{vin}",
				(request) -> this.answers.readVehicleData(new DiagnosticRequest(request.path("vin"),
						request.path("bench"), Boolean.parseBoolean(request.query("hv")))));

	private final DiagnosticBench bench = new HttpDiagnosticBench(this.server.client("diag"));

	@Override
	protected DiagnosticBench bench() {
		return this.bench;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

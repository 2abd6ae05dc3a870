package fr.refactory.plant.btb;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpBatteryTestBenchTest extends BatteryTestBenchContract {

	private final SimulatedBatteryTestBench answers = new SimulatedBatteryTestBench(Simulation.immediate("btb"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.query("benches/{bench}/batteries/{battery}/bms",
				(request) -> this.answers.readBms(request.path("battery"), request.path("bench")))
		.command("capacity-tests", CapacityTestRequest.class,
				(request, body) -> this.answers.startCapacityTest(request.key(), body))
		.query("capacity-tests/{id}/result", (request) -> this.answers.capacityTestResult(request.path("id")))
		.command("batteries/{battery}/module-replacements", ModuleReplacement.class,
				(request, body) -> this.answers.registerModules(request.key(), body));

	private final BatteryTestBench bench = new HttpBatteryTestBench(this.server.client("btb"));

	@Override
	protected BatteryTestBench bench() {
		return this.bench;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

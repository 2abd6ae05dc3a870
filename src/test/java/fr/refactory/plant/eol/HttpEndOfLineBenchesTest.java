package fr.refactory.plant.eol;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpEndOfLineBenchesTest extends EndOfLineBenchesContract {

	private final SimulatedEndOfLineBenches answers = new SimulatedEndOfLineBenches(Simulation.immediate("eol"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.command("test-runs", TestRequest.class, (request, body) -> this.answers.runTest(request.key(), body))
		.query("vehicles/{vin}/hv-test-results", (request) -> this.answers.readHvTestResults(request.path("vin")))
		.query("subjects/{key}/test-runs", (request) -> this.answers.results(request.path("key")));

	private final EndOfLineBenches benches = new HttpEndOfLineBenches(this.server.client("eol"));

	@Override
	protected EndOfLineBenches benches() {
		return this.benches;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

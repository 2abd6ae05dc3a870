package fr.refactory.plant.passport;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpBatteryPassportTest extends BatteryPassportContract {

	private final SimulatedBatteryPassport answers = new SimulatedBatteryPassport(Simulation.immediate("passport"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.command("passports/{id}/status", PassportStatusChange.class,
				(request, body) -> this.answers.setStatus(request.key(), body))
		.command("passports", LinkedPassportRequest.class,
				(request, body) -> this.answers.createLinkedPassport(request.key(), body))
		.query("passports/{id}", (request) -> this.answers.find(request.path("id")));

	private final BatteryPassport passport = new HttpBatteryPassport(this.server.client("passport"));

	@Override
	protected BatteryPassport passport() {
		return this.passport;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

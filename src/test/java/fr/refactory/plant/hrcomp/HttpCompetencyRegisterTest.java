package fr.refactory.plant.hrcomp;

import java.time.LocalDate;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpCompetencyRegisterTest extends CompetencyRegisterContract {

	private final SimulatedCompetencyRegister answers = new SimulatedCompetencyRegister(Simulation.immediate("hrcomp"),
			staff(), shifts());

	private final FakePlantSystem server = FakePlantSystem.start()
		.query("people/{id}/habilitations",
				(request) -> this.answers.habilitationsOf(request.path("id"), LocalDate.parse(request.query("on"))))
		.query("shifts/{date}/roster", (request) -> this.answers.shiftRoster(LocalDate.parse(request.path("date"))))
		.query("installers/{org}/authorisation", (request) -> this.answers.installerAuthorisation(request.path("org"),
				request.query("vehicleType"), LocalDate.parse(request.query("on"))));

	private final CompetencyRegister register = new HttpCompetencyRegister(this.server.client("hrcomp"));

	@Override
	protected CompetencyRegister register() {
		return this.register;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

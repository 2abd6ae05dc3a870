package fr.refactory.plant.reg;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpRegistrationAuthorityTest extends RegistrationAuthorityContract {

	private final SimulatedRegistrationAuthority answers = new SimulatedRegistrationAuthority(
			Simulation.immediate("reg"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.command("certificates-of-destruction", CodRequest.class,
				(request, body) -> this.answers.requestCoD(request.key(), body));

	private final RegistrationAuthority authority = new HttpRegistrationAuthority(this.server.client("reg"));

	@Override
	protected RegistrationAuthority authority() {
		return this.authority;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

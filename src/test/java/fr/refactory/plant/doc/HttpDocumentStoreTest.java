package fr.refactory.plant.doc;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpDocumentStoreTest extends DocumentStoreContract {

	private final SimulatedDocumentStore answers = new SimulatedDocumentStore(Simulation.immediate("doc"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.command("documents", DocumentRequest.class, (request, body) -> this.answers.generate(request.key(), body))
		.query("documents/{id}", (request) -> this.answers.find(request.path("id")));

	private final DocumentStore store = new HttpDocumentStore(this.server.client("doc"));

	@Override
	protected DocumentStore store() {
		return this.store;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

package fr.refactory.plant.wms;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpWmsTest extends WmsContract {

	private final SimulatedWms answers = new SimulatedWms(Simulation.immediate("wms"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.command("yard-assignments", YardRequest.class,
				(request, body) -> this.answers.assignYardLocation(request.key(), body))
		.query("parts/{number}/availability",
				(request) -> this.answers.availabilityOf(request.path("number"),
						Integer.parseInt(request.query("quantity"))))
		.command("reservations", PartsRequest.class, (request, body) -> this.answers.reserveParts(request.key(), body))
		.command("picks", PartsRequest.class, (request, body) -> this.answers.pickParts(request.key(), body))
		.command("put-aways", StockMove.class, (request, body) -> this.answers.putAway(request.key(), body))
		.command("harvested-parts", HarvestRequest.class,
				(request, body) -> this.answers.createHarvestedPart(request.key(), body))
		.query("parts/{number}/demand", (request) -> this.answers.demandFor(request.path("number")))
		.query("work-orders/{id}/issued-parts", (request) -> this.answers.issuedTo(request.path("id")));

	private final Wms wms = new HttpWms(this.server.client("wms"));

	@Override
	protected Wms wms() {
		return this.wms;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

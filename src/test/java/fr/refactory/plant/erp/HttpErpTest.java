package fr.refactory.plant.erp;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpErpTest extends ErpContract {

	private final SimulatedErp answers = new SimulatedErp(Simulation.immediate("erp"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.query("vehicles/{vin}", (request) -> this.answers.findVehicleMasterData(request.path("vin")))
		.command("cost-estimates", CostRequest.class, (request, body) -> this.answers.costEstimate(body))
		.command("purchase-orders", PurchaseOrderRequest.class,
				(request, body) -> this.answers.createPurchaseOrder(request.key(), body))
		.command("postings", ErpPosting.class, (request, body) -> this.answers.post(request.key(), body));

	private final Erp erp = new HttpErp(this.server.client("erp"));

	@Override
	protected Erp erp() {
		return this.erp;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

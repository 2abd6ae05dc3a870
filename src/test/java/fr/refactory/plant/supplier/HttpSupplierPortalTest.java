package fr.refactory.plant.supplier;

import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;

class HttpSupplierPortalTest extends SupplierPortalContract {

	private final SimulatedSupplierPortal answers = new SimulatedSupplierPortal(Simulation.immediate("supplier"));

	private final FakePlantSystem server = FakePlantSystem.start()
		.command("kit-orders", KitOrder.class, (request, body) -> this.answers.orderKit(request.key(), body))
		.command("certificate-copies", CertificateCopy.class,
				(request, body) -> this.answers.sendCertificateCopy(request.key(), body));

	private final SupplierPortal portal = new HttpSupplierPortal(this.server.client("supplier"));

	@Override
	protected SupplierPortal portal() {
		return this.portal;
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}

package fr.refactory.plant.supplier;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * A supplier that promises every kit on the due date or up to three days later, derived
 * from the PO number.
 */
public class SimulatedSupplierPortal implements SupplierPortal {

	private final Simulation simulation;

	public SimulatedSupplierPortal(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public KitOrderAck orderKit(IdempotencyKey key, KitOrder order) {
		return this.simulation.once("orderKit", key, () -> new KitOrderAck(Seeds.id("SO", key), order.poNumber(),
				order.dueDate().plusDays(Seeds.between(Seeds.random("promise", order.poNumber()), 0, 3))));
	}

	@Override
	public CertificateCopyReceipt sendCertificateCopy(IdempotencyKey key, CertificateCopy copy) {
		return this.simulation.once("sendCertificateCopy", key, () -> new CertificateCopyReceipt(Seeds.id("RCPT", key),
				copy.certificateNumber(), this.simulation.now()));
	}

}

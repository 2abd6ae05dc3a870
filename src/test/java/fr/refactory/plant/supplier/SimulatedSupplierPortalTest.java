package fr.refactory.plant.supplier;

import fr.refactory.plant.simulation.Simulation;

class SimulatedSupplierPortalTest extends SupplierPortalContract {

	private final SupplierPortal portal = new SimulatedSupplierPortal(Simulation.immediate("supplier"));

	@Override
	protected SupplierPortal portal() {
		return this.portal;
	}

}

package fr.refactory.plant.erp;

import fr.refactory.plant.simulation.Simulation;

class SimulatedErpTest extends ErpContract {

	private final Erp erp = new SimulatedErp(Simulation.immediate("erp"));

	@Override
	protected Erp erp() {
		return this.erp;
	}

}

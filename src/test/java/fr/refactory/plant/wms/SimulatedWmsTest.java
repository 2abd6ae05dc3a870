package fr.refactory.plant.wms;

import fr.refactory.plant.simulation.Simulation;

class SimulatedWmsTest extends WmsContract {

	private final Wms wms = new SimulatedWms(Simulation.immediate("wms"));

	@Override
	protected Wms wms() {
		return this.wms;
	}

}

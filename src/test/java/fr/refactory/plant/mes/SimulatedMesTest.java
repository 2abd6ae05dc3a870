package fr.refactory.plant.mes;

import fr.refactory.plant.simulation.Simulation;

class SimulatedMesTest extends MesContract {

	private final Mes mes = new SimulatedMes(Simulation.immediate("mes"));

	@Override
	protected Mes mes() {
		return this.mes;
	}

}

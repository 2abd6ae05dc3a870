package fr.refactory.plant.eol;

import fr.refactory.plant.simulation.Simulation;

class SimulatedEndOfLineBenchesTest extends EndOfLineBenchesContract {

	private final EndOfLineBenches benches = new SimulatedEndOfLineBenches(Simulation.immediate("eol"));

	@Override
	protected EndOfLineBenches benches() {
		return this.benches;
	}

}

package fr.refactory.plant.btb;

import fr.refactory.plant.simulation.Simulation;

class SimulatedBatteryTestBenchTest extends BatteryTestBenchContract {

	private final BatteryTestBench bench = new SimulatedBatteryTestBench(Simulation.immediate("btb"));

	@Override
	protected BatteryTestBench bench() {
		return this.bench;
	}

}

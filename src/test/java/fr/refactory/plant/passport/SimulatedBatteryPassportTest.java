package fr.refactory.plant.passport;

import fr.refactory.plant.simulation.Simulation;

class SimulatedBatteryPassportTest extends BatteryPassportContract {

	private final BatteryPassport passport = new SimulatedBatteryPassport(Simulation.immediate("passport"));

	@Override
	protected BatteryPassport passport() {
		return this.passport;
	}

}

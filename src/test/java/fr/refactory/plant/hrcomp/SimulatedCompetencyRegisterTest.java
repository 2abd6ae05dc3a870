package fr.refactory.plant.hrcomp;

import fr.refactory.plant.simulation.Simulation;

class SimulatedCompetencyRegisterTest extends CompetencyRegisterContract {

	private final CompetencyRegister register = new SimulatedCompetencyRegister(Simulation.immediate("hrcomp"),
			staff());

	@Override
	protected CompetencyRegister register() {
		return this.register;
	}

}

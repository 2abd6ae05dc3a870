package fr.refactory.plant.diag;

import fr.refactory.plant.simulation.Simulation;

class SimulatedDiagnosticBenchTest extends DiagnosticBenchContract {

	private final DiagnosticBench bench = new SimulatedDiagnosticBench(Simulation.immediate("diag"));

	@Override
	protected DiagnosticBench bench() {
		return this.bench;
	}

}

package fr.refactory.plant.doc;

import fr.refactory.plant.simulation.Simulation;

class SimulatedDocumentStoreTest extends DocumentStoreContract {

	private final DocumentStore store = new SimulatedDocumentStore(Simulation.immediate("doc"));

	@Override
	protected DocumentStore store() {
		return this.store;
	}

}

package archfixture.plant;

import archfixture.engine.EngineInternals;

/** Fixture for ArchitectureTest: a plant port that wrongly reaches into the engine. */
public class LeakyPlantPort {

	private final EngineInternals engine = new EngineInternals();

	public long reserveKey() {
		return this.engine.nextKey();
	}

}

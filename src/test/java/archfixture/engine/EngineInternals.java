package archfixture.engine;

/** Fixture for ArchitectureTest: an engine internal that no other module may touch. */
public class EngineInternals {

	public long nextKey() {
		return 1L;
	}

}

package fr.refactory.plant.simulation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simulated plant systems that are down now, whatever their configured outage windows
 * say: a demo or a test takes a system down (the MES all night) and brings it back, and
 * every call to it meanwhile fails technically, as an unreachable system would (ADR
 * 1062). One instance is shared by every simulation of the application.
 */
public final class SimulatedOutages {

	private final Set<String> down = ConcurrentHashMap.newKeySet();

	/** From now on every call to the simulated system fails technically. */
	public void takeDown(String system) {
		this.down.add(system);
	}

	public void bringBack(String system) {
		this.down.remove(system);
	}

	public boolean isDown(String system) {
		return this.down.contains(system);
	}

}

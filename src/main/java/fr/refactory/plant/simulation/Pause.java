package fr.refactory.plant.simulation;

import java.time.Duration;

/**
 * Waits for a simulated latency. Production uses {@link #SLEEP}; tests pass one that
 * records the wait instead.
 */
@FunctionalInterface
public interface Pause {

	/**
	 * Blocks the calling thread, as a slow plant system would. The only sleep in the code
	 * base, on purpose.
	 */
	Pause SLEEP = (duration) -> {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	};

	void pause(Duration duration);

}

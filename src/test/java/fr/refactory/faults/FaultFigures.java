package fr.refactory.faults;

import java.time.Duration;
import java.util.List;

/**
 * What a fault test measured, printed for the closing note; never asserted as a speed.
 */
final class FaultFigures {

	private FaultFigures() {
	}

	static void print(String test, String figures) {
		System.out.println("[faults] " + test + ": " + figures);
	}

	static long millisSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
	}

	static long percentile(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	/** Waits until {@code condition} holds, at most {@code bound}. */
	static void await(String what, Duration bound, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + bound.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Expected " + what + " within " + bound + ", but it did not happen");
			}
			Workload.pause(Duration.ofMillis(50));
		}
	}

}

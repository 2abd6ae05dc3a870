package fr.refactory.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM of the product under load: it drains its in-flight requests (no job completion
 * or creation answered 500, PostgreSQL stops last, ADR 0256) and exits; started again on
 * the same data and port, it completes every instance with each step done once.
 */
@Tag("faults")
class SigtermUnderLoadFaultTest {

	private static final int INSTANCES = 200;

	@Test
	void shouldDrainOnSigtermUnderLoadAndCompleteEveryInstanceOnceAfterTheRestart() throws Exception {
		Path data = ProductProcess.newDataDirectory("faults-sigterm-load-");
		ProductProcess first = ProductProcess.start("sigterm-load-first", data);
		first.awaitHealthy();
		try (Workload load = new Workload(first, CrashRestartFaultTest.threeSteps(), CrashRestartFaultTest.PROCESS_ID,
				Duration.ofSeconds(10), CrashRestartFaultTest.JOB_TYPE)) {
			CompletableFuture<Void> creating = load.createInstances(INSTANCES, 8, Map.of());
			FaultFigures.await("a third of the instances acknowledged", Duration.ofMinutes(2),
					() -> load.acknowledgedInstances.size() >= INSTANCES / 3);

			Optional<Duration> exit = first.sigterm(Duration.ofSeconds(25));
			Map<Integer, Integer> failuresWhileStopping = snapshot(load);
			assertThat(exit).as("the product exited after SIGTERM; see target/faults/sigterm-load-first.log")
				.isPresent();
			assertThat(ProductProcess.postgresServing(data)).as("PostgreSQL stopped with the product").isEmpty();
			assertThat(failuresWhileStopping).as("requests answered 500 while the product stopped")
				.doesNotContainKey(500);

			long started = System.nanoTime();
			try (ProductProcess restarted = ProductProcess.start("sigterm-load-restart", data, first.port())) {
				restarted.awaitHealthy();
				long restartMillis = FaultFigures.millisSince(started);
				creating.get(3, TimeUnit.MINUTES);
				load.awaitAllFinished(Duration.ofMinutes(3));
				load.assertNothingLostOrDoneTwice(CrashRestartFaultTest.STEPS);
				FaultFigures.print("SIGTERM under load", "exit " + exit.get().toMillis() + " ms after SIGTERM, restart "
						+ restartMillis + " ms, " + load.figures());
			}
			assertThat(first.logText()).as("nothing met a closed database on the way out")
				.doesNotContain("This connection has been closed", "Connection refused", "engine-timers failed",
						"An I/O error occurred while sending to the backend");
		}
		finally {
			first.close();
		}
	}

	private static Map<Integer, Integer> snapshot(Workload load) {
		Map<Integer, Integer> copy = new java.util.TreeMap<>();
		load.failures.forEach((status, n) -> copy.put(status, n.get()));
		return copy;
	}

}

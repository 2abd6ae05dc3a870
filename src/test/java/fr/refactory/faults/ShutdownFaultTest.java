package fr.refactory.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM stops the product in order (stop accepting, answer long polls, drain requests,
 * close the pool, then stop PostgreSQL) and promptly, idle or still deploying its models
 * at start-up. Exits are awaited up to a generous bound (the machines are small and
 * shared); the measured figure is printed (ADR 0256).
 */
@Tag("faults")
class ShutdownFaultTest {

	/**
	 * Far above the 5 s aimed at, far below the 37-41 s an idle product took when its
	 * database stopped first.
	 */
	private static final Duration EXIT_BOUND = Duration.ofSeconds(25);

	private static final String STARTUP_DEPLOYMENT_DONE = "Start-up deployment done";

	@Test
	void shouldExitPromptlyOnSigtermWhenIdleAndLeaveNoPostgresRunning() {
		Path data = ProductProcess.newDataDirectory("faults-idle-");
		try (ProductProcess product = ProductProcess.start("sigterm-idle", data)) {
			product.awaitLog("Started RefactoryApplication");
			product.awaitHealthy();

			Optional<Duration> exit = product.sigterm(EXIT_BOUND);

			System.out.println(
					"[faults] idle product: exit " + exit.map(Duration::toMillis).orElse(-1L) + " ms after SIGTERM");
			assertThat(exit).as("the idle product exited after SIGTERM; see target/faults/sigterm-idle.log")
				.isPresent();
			assertThat(ProductProcess.postgresServing(data)).as("PostgreSQL stopped with the product").isEmpty();
			// PostgreSQL stops last: nothing met a closed database on the way out
			assertThat(product.logText()).doesNotContain("This connection has been closed", "Connection refused",
					"Timer check failed", "An I/O error occurred while sending to the backend");
		}
	}

	@Test
	void shouldReportNotReadyWhileDeployingAndExitPromptlyOnSigtermDuringTheStartUpDeployment() {
		Path data = ProductProcess.newDataDirectory("faults-deploying-");
		try (ProductProcess product = ProductProcess.start("sigterm-deploying", data)) {
			// the web server answers before the start-up deployment, which runs next
			product.awaitHealth((status) -> true);
			Optional<Integer> healthWhileDeploying = product.healthStatus();
			boolean deployed = product.logText().contains(STARTUP_DEPLOYMENT_DONE);

			Optional<Duration> exit = product.sigterm(EXIT_BOUND);

			System.out.println("[faults] product deploying its models: exit " + exit.map(Duration::toMillis).orElse(-1L)
					+ " ms after SIGTERM");
			assertThat(exit).as("the deploying product exited after SIGTERM; see target/faults/sigterm-deploying.log")
				.isPresent();
			assertThat(ProductProcess.postgresServing(data)).as("PostgreSQL stopped with the product").isEmpty();
			assertThat(deployed).as("the start-up deployment was still running at SIGTERM").isFalse();
			assertThat(healthWhileDeploying).as("health while the models are being deployed").contains(503);
		}
	}

}

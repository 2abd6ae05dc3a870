package fr.refactory.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.AdminClients;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The time a cancellation batch over 10,000 waiting instances takes, as the product runs
 * it (durable commits, own JVM and database), and the longest transaction seen meanwhile:
 * the batch must not hold one for its whole length (issue 18, ADR 1040). Not part of
 * {@code ./mvnw verify}; run with
 * {@code ./mvnw verify -Pbench -Dtest=BatchOperationBenchmark} (optionally
 * {@code -Dbench.batchInstances=2000}). It prints its figures and asserts only that every
 * instance was cancelled.
 */
@Tag("benchmark")
class BatchOperationBenchmark {

	private final int instances = Integer.getInteger("bench.batchInstances", 10_000);

	@Test
	void cancelTenThousandInstancesInOneBatch() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-batch-postgres-");
		int port = RefactoryIntegrationTest.freePort();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RefactoryApplication.class).run(
				"--server.port=" + port, "--refactory.database.embedded.data-directory=" + data,
				"--logging.level.root=WARN", "--camunda.client.request-timeout=PT60S")) {
			CamundaClient client = AdminClients.of(app);
			client.newDeployResourceCommand()
				.addProcessModel(Bpmn.createExecutableProcess("bench-batch")
					.startEvent()
					.serviceTask("wait", (task) -> task.zeebeJobType("bench-batch-nobody"))
					.endEvent()
					.done(), "bench-batch.bpmn")
				.send()
				.join();
			startInstances(client);
			JdbcTemplate database = app.getBean(JdbcTemplate.class);
			AtomicReference<Double> longestTransaction = new AtomicReference<>(0.0);
			ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			sampler.scheduleAtFixedRate(
					() -> longestTransaction.accumulateAndGet(openTransactionSeconds(database), Math::max), 0, 50,
					TimeUnit.MILLISECONDS);

			long started = System.nanoTime();
			String batchKey = client.newCreateBatchOperationCommand()
				.processInstanceCancel()
				.filter((f) -> f.processDefinitionId("bench-batch"))
				.send()
				.join()
				.getBatchOperationKey();
			Duration creation = Duration.ofNanos(System.nanoTime() - started);
			BatchOperation done = await().atMost(Duration.ofHours(1))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> client.newBatchOperationGetRequest(batchKey).send().join(),
						(batch) -> batch.getEndDate() != null);
			Duration total = Duration.ofNanos(System.nanoTime() - started);
			sampler.shutdownNow();

			System.out.printf(
					"%nBatch cancellation of %d instances: created (items chosen) in %d ms, finished in %.1f s"
							+ " (%.0f instances/s); longest open transaction seen meanwhile %.2f s%n%n",
					this.instances, creation.toMillis(), total.toMillis() / 1000.0,
					this.instances * 1000.0 / total.toMillis(), longestTransaction.get());
			assertThat(done.getStatus()).isEqualTo(BatchOperationState.COMPLETED);
			assertThat(done.getOperationsCompletedCount()).isEqualTo(this.instances);
		}
	}

	private void startInstances(CamundaClient client) throws InterruptedException {
		Semaphore inFlight = new Semaphore(32);
		List<CompletableFuture<?>> created = new ArrayList<>();
		for (int i = 0; i < this.instances; i++) {
			inFlight.acquire();
			created.add(client.newCreateInstanceCommand()
				.bpmnProcessId("bench-batch")
				.latestVersion()
				.send()
				.toCompletableFuture()
				.whenComplete((result, failure) -> inFlight.release()));
		}
		CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
	}

	/**
	 * The age of the oldest transaction open in the database now (the sampler's own
	 * excluded).
	 */
	private static double openTransactionSeconds(JdbcTemplate database) {
		Double seconds = database.queryForObject("select coalesce(max(extract(epoch from now() - xact_start)), 0)"
				+ " from pg_stat_activity where xact_start is not null and pid <> pg_backend_pid()"
				+ " and datname = current_database()", Double.class);
		return seconds == null ? 0 : seconds;
	}

}

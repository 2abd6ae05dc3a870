package fr.refactory.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClients;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Throughput and latency of the embedded engine through the real Camunda client, as the
 * product runs it (durable commits, one JVM). Not part of {@code ./mvnw verify}; run with
 * {@code ./mvnw verify -Pbench} (optionally
 * {@code -Dbench.instances=2000 -Dbench.concurrency=64}). It measures and prints; it
 * asserts only that every instance completed.
 */
@Tag("benchmark")
class EngineBenchmark {

	private static final int STEPS = 10;

	private static final String JOB_TYPE = "bench.step";

	private final int instances = Integer.getInteger("bench.instances", 1000);

	private final int concurrency = Integer.getInteger("bench.concurrency", 64);

	private final int warmUp = Integer.getInteger("bench.warmup", 100);

	/**
	 * When the worker sent the completion of an instance's previous job: the start of the
	 * wait for the next one, so a latency sample covers processing that completion,
	 * committing it, waking the long poll and activating.
	 */
	private final Map<Long, Long> waitingSince = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Long> activationLatenciesMicros = new ConcurrentLinkedQueue<>();

	private final AtomicLong jobsCompleted = new AtomicLong();

	@Test
	void runTenServiceTaskInstancesWithWorkers() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-postgres-");
		int port = RefactoryIntegrationTest.freePort();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RefactoryApplication.class).run(
				"--server.port=" + port, "--refactory.database.embedded.data-directory=" + data,
				"--logging.level.root=WARN",
				// on a loaded machine the start-up deployments (a cold DMN parse) can
				// outlast the 10 s default
				"--camunda.client.request-timeout=PT60S")) {
			CamundaClient client = AdminClients.of(app);
			client.newDeployResourceCommand().addProcessModel(tenStepProcess(), "bench.bpmn").send().join();
			try (JobWorker worker = openWorker(client)) {
				runInstances(client, this.warmUp);
				this.activationLatenciesMicros.clear();
				this.jobsCompleted.set(0);
				JdbcTemplate database = app.getBean(JdbcTemplate.class);
				long commitsBefore = commits(database);
				double cpuBefore = CpuTime.ofThisJvmSeconds() + CpuTime.ofPostgresServingSeconds(data);
				long started = System.nanoTime();
				runInstances(client, this.instances);
				Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
				double cpu = CpuTime.ofThisJvmSeconds() + CpuTime.ofPostgresServingSeconds(data) - cpuBefore;
				report(elapsed, data, commits(database) - commitsBefore, cpu);
			}
		}
	}

	private JobWorker openWorker(CamundaClient client) {
		return client.newWorker().jobType(JOB_TYPE).handler((jobClient, job) -> {
			long now = System.nanoTime();
			Long since = this.waitingSince.get(job.getProcessInstanceKey());
			if (since != null) {
				this.activationLatenciesMicros.add((now - since) / 1_000);
			}
			// completed asynchronously, as the starter's auto-completion does: the
			// handler thread is the client's
			// only one, and blocking it on every completion would measure the worker, not
			// the engine
			this.waitingSince.put(job.getProcessInstanceKey(), System.nanoTime());
			jobClient.newCompleteCommand(job.getKey())
				.send()
				.toCompletableFuture()
				.thenRun(this.jobsCompleted::incrementAndGet);
		})
			.name("bench")
			.maxJobsActive(this.concurrency)
			.timeout(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(100))
			.requestTimeout(Duration.ofSeconds(10))
			.streamEnabled(false)
			.open();
	}

	private void runInstances(CamundaClient client, int count) throws InterruptedException {
		Semaphore inFlight = new Semaphore(this.concurrency);
		List<CompletableFuture<?>> all = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			inFlight.acquire();
			CompletableFuture<?> completion = client.newCreateInstanceCommand()
				.bpmnProcessId("bench-ten-steps")
				.latestVersion()
				.withResult()
				.requestTimeout(Duration.ofMinutes(2))
				.send()
				.toCompletableFuture()
				.whenComplete((result, failure) -> inFlight.release());
			all.add(completion);
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
	}

	private BpmnModelInstance tenStepProcess() {
		AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess("bench-ten-steps").startEvent("start");
		for (int step = 1; step <= STEPS; step++) {
			builder = builder.serviceTask("step-" + step).zeebeJobType(JOB_TYPE);
		}
		return builder.endEvent("end").done();
	}

	/**
	 * Committed transactions of the database so far (PostgreSQL's statistics lag by up to
	 * a second).
	 */
	private static long commits(JdbcTemplate database) {
		return database.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
				Long.class);
	}

	private void report(Duration elapsed, Path data, long commits, double cpuSeconds) {
		double seconds = elapsed.toNanos() / 1e9;
		List<Long> latencies = new ArrayList<>(this.activationLatenciesMicros);
		latencies.sort(Long::compare);
		System.out.printf("%nBENCHMARK %d instances x %d service tasks, %d in flight, heap max %d MiB%n",
				this.instances, STEPS, this.concurrency, Runtime.getRuntime().maxMemory() / (1024 * 1024));
		System.out.printf("BENCHMARK elapsed %.2f s%n", seconds);
		System.out.printf("BENCHMARK completed instances/s %.1f%n", this.instances / seconds);
		System.out.printf("BENCHMARK jobs/s %.1f%n", this.jobsCompleted.get() / seconds);
		System.out.printf("BENCHMARK job activation latency p50 %.2f ms, p99 %.2f ms (%d samples)%n",
				percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0, latencies.size());
		double cpuMillisPerJob = cpuSeconds * 1000 / Math.max(1, this.jobsCompleted.get());
		System.out.printf(
				"BENCHMARK CPU per completed job %.2f ms (the JVM: engine, client and all workers; plus PostgreSQL),"
						+ " i.e. at most %.0f jobs/s on 2 otherwise idle cores%n",
				cpuMillisPerJob, 2000 / cpuMillisPerJob);
		System.out.printf("BENCHMARK database commits per completed job %.1f (all of the application's transactions)%n",
				(double) commits / Math.max(1, this.jobsCompleted.get()));
		System.out.printf("BENCHMARK peak resident memory: JVM %s%n", PeakMemory.ofThisJvm());
		System.out.printf("BENCHMARK peak resident memory: PostgreSQL processes %s%n",
				PeakMemory.ofPostgresServing(data));
	}

	private static long percentile(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}

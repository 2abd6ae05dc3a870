package fr.refactory.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput benchmark, not part of the normal build (the class name matches no Surefire include pattern). Runs N
 * instances of a 10-service-task process with a worker through the real client against its own application (durable
 * commits, own embedded PostgreSQL) and prints instances/s, jobs/s, activation latency p50/p99 and peak memory:
 *
 * <pre>
 * ./mvnw -B test -Dtest=EngineBenchmark -Dbenchmark.instances=500 -DargLine=-Xmx512m
 * </pre>
 *
 * The worker completes jobs asynchronously (pipelined), as a production worker with several threads would.
 * Activation latency: from the completion of an instance's previous job (or its creation) until its next job reaches
 * the worker.
 */
class EngineBenchmark {

	private static final int TASKS = 10;

	@Test
	void benchmark() throws Exception {
		int instances = Integer.getInteger("benchmark.instances", 200);
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "benchmark-postgres-");
		int port = RefactoryIntegrationTest.freePort();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RefactoryApplication.class).run(
				"--server.port=" + port, "--refactory.database.embedded.data-directory=" + data,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
			CamundaClient client = app.getBean(CamundaClient.class);
			deploy(client);
			Map<Long, Long> lastStep = new ConcurrentHashMap<>();
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			CountDownLatch jobsLeft = new CountDownLatch(instances * TASKS);
			try (JobWorker worker = client.newWorker()
				.jobType("bench-step")
				.handler((jobClient, job) -> {
					long received = System.nanoTime();
					Long previous = lastStep.get(job.getProcessInstanceKey());
					if (previous != null) {
						latencies.add(received - previous);
					}
					jobClient.newCompleteCommand(job.getKey()).send().whenComplete((ok, failure) -> {
						lastStep.put(job.getProcessInstanceKey(), System.nanoTime());
						jobsLeft.countDown();
					});
				})
				.maxJobsActive(64)
				.timeout(Duration.ofMinutes(5))
				.requestTimeout(Duration.ofSeconds(10))
				.open()) {
				long start = System.nanoTime();
				for (int i = 0; i < instances; i++) {
					long created = System.nanoTime();
					long key = client.newCreateInstanceCommand().bpmnProcessId("bench").latestVersion().send().join()
						.getProcessInstanceKey();
					lastStep.putIfAbsent(key, created);
				}
				assertThat(jobsLeft.await(30, TimeUnit.MINUTES)).isTrue();
				double seconds = (System.nanoTime() - start) / 1e9;
				report(instances, seconds, latencies);
			}
			assertThat(client.newProcessInstanceSearchRequest()
				.filter((f) -> f.processDefinitionId("bench").state(
						io.camunda.client.api.search.enums.ProcessInstanceState.COMPLETED))
				.send()
				.join()
				.page()
				.totalItems()).isEqualTo(instances);
		}
	}

	private static void deploy(CamundaClient client) {
		AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess("bench").startEvent();
		for (int i = 1; i <= TASKS; i++) {
			builder = builder.serviceTask("step" + i, (t) -> t.zeebeJobType("bench-step"));
		}
		client.newDeployResourceCommand().addProcessModel(builder.endEvent().done(), "bench.bpmn").send().join();
	}

	private static void report(int instances, double seconds, List<Long> latencies) throws Exception {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("%nBENCHMARK instances=%d tasks/instance=%d elapsed=%.1fs%n", instances, TASKS, seconds);
		System.out.printf("BENCHMARK completed instances/s=%.1f jobs/s=%.1f%n", instances / seconds,
				instances * TASKS / seconds);
		System.out.printf("BENCHMARK activation latency p50=%.1fms p99=%.1fms (n=%d)%n", percentile(sorted, 50),
				percentile(sorted, 99), sorted.size());
		String status = Files.readString(Path.of("/proc/self/status"));
		status.lines()
			.filter((line) -> line.startsWith("VmHWM") || line.startsWith("VmRSS"))
			.forEach((line) -> System.out.println("BENCHMARK jvm " + line.replaceAll("\\s+", " ")));
		System.out.printf("BENCHMARK max heap=%dMiB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private static double percentile(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}

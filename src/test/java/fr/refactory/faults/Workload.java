package fr.refactory.faults;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load on a {@link ProductProcess} through the real Camunda client, as a plant's workers
 * and starters would put it: instances created (retried until acknowledged), every job of
 * the given types completed at once by workers of this JVM. It records what the product
 * acknowledged, so that a fault test can check that no acknowledged work was lost or done
 * twice: a step ({@code instance/element}) whose completion was acknowledged must never
 * be handed out again.
 */
final class Workload implements AutoCloseable {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	private final String processId;

	private final List<String> jobTypes;

	private final Duration jobTimeout;

	private final ExecutorService starters = Executors.newFixedThreadPool(4);

	private volatile CamundaClient client;

	private final List<JobWorker> workers = new ArrayList<>();

	/** Instances whose creation the product acknowledged. */
	final Set<Long> acknowledgedInstances = ConcurrentHashMap.newKeySet();

	/** Acknowledged completions per step, {@code instanceKey/elementId}. */
	final Map<String, AtomicInteger> acknowledgedCompletions = new ConcurrentHashMap<>();

	/** Activations per job key. */
	final Map<Long, AtomicInteger> activations = new ConcurrentHashMap<>();

	/**
	 * Steps handed out again after their completion was acknowledged: work done twice.
	 */
	final Set<String> handedOutAfterCompletion = ConcurrentHashMap.newKeySet();

	/** Failed requests by HTTP status (0: no answer, the product was down). */
	final Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();

	final AtomicLong creationAttempts = new AtomicLong();

	Workload(ProductProcess product, BpmnModelInstance model, String processId, Duration jobTimeout,
			String... jobTypes) {
		this.processId = processId;
		this.jobTypes = List.of(jobTypes);
		this.jobTimeout = jobTimeout;
		connect(product);
		this.client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
		openWorkers();
	}

	/** Points the load at another product process (a restart), with new workers. */
	synchronized void connect(ProductProcess product) {
		closeClient();
		this.client = CamundaClient.newClientBuilder()
			.restAddress(URI.create("http://localhost:" + product.port()))
			.preferRestOverGrpc(true)
			.defaultRequestTimeout(REQUEST_TIMEOUT)
			.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
				.username("demo")
				.password("demo")
				.build())
			.build();
		if (!this.workers.isEmpty() || this.jobTypes.isEmpty()) {
			this.workers.clear();
			openWorkers();
		}
	}

	private void openWorkers() {
		for (String type : this.jobTypes) {
			this.workers.add(this.client.newWorker()
				.jobType(type)
				.handler((jobClient, job) -> complete(job))
				.name("faults")
				.maxJobsActive(64)
				.timeout(this.jobTimeout)
				.pollInterval(Duration.ofMillis(100))
				.requestTimeout(Duration.ofSeconds(10))
				.streamEnabled(false)
				.open());
		}
	}

	CamundaClient client() {
		return this.client;
	}

	/**
	 * Completes the job without waiting, as an auto-completing worker does: completions
	 * run side by side.
	 */
	private void complete(ActivatedJob job) {
		String step = step(job.getProcessInstanceKey(), job.getElementId());
		this.activations.computeIfAbsent(job.getKey(), (key) -> new AtomicInteger()).incrementAndGet();
		if (this.acknowledgedCompletions.containsKey(step)) {
			this.handedOutAfterCompletion.add(step);
		}
		this.client.newCompleteCommand(job.getKey()).send().toCompletableFuture().whenComplete((ok, failure) -> {
			if (failure == null) {
				this.acknowledgedCompletions.computeIfAbsent(step, (key) -> new AtomicInteger()).incrementAndGet();
			}
			else {
				failed(failure);
			}
		});
	}

	static String step(long instanceKey, String elementId) {
		return instanceKey + "/" + elementId;
	}

	/**
	 * Creates {@code count} instances, {@code concurrency} at a time, each retried until
	 * the product acknowledges it.
	 */
	CompletableFuture<Void> createInstances(int count, int concurrency, Map<String, Object> variables) {
		return CompletableFuture.runAsync(() -> {
			Semaphore inFlight = new Semaphore(concurrency);
			List<CompletableFuture<Void>> all = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				inFlight.acquireUninterruptibly();
				all.add(CompletableFuture.runAsync(() -> createOne(variables), this.starters)
					.whenComplete((ok, failure) -> inFlight.release()));
			}
			CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		});
	}

	private void createOne(Map<String, Object> variables) {
		while (true) {
			this.creationAttempts.incrementAndGet();
			try {
				long key = this.client.newCreateInstanceCommand()
					.bpmnProcessId(this.processId)
					.latestVersion()
					.variables(variables)
					.send()
					.join()
					.getProcessInstanceKey();
				this.acknowledgedInstances.add(key);
				return;
			}
			catch (RuntimeException ex) {
				failed(ex);
				pause(Duration.ofMillis(250));
			}
		}
	}

	private void failed(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ClientHttpException)) {
			cause = cause.getCause();
		}
		int status = (cause instanceof ClientHttpException http) ? http.code() : 0;
		this.failures.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * Waits until no instance of the process is active any more and every acknowledged
	 * one completed.
	 */
	void awaitAllFinished(Duration bound) {
		long deadline = System.nanoTime() + bound.toNanos();
		long active = -1;
		while (System.nanoTime() < deadline) {
			try {
				active = count(ProcessInstanceState.ACTIVE);
				if (active == 0) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// the product is restarting or its database is back only now: ask again
			}
			pause(Duration.ofMillis(500));
		}
		throw new AssertionError(active + " instances of " + this.processId + " still active after " + bound);
	}

	long count(ProcessInstanceState state) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(this.processId).state(state))
			.page((p) -> p.limit(1))
			.send()
			.join()
			.page()
			.totalItems();
	}

	/**
	 * The completed element instances of {@code elementId} in every instance of the
	 * process.
	 */
	List<ElementInstance> completedElements(String elementId) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(this.processId)
				.elementId(elementId)
				.state(ElementInstanceState.COMPLETED))
			.page((p) -> p.limit(10_000))
			.send()
			.join()
			.items();
	}

	/**
	 * No acknowledged work lost, nothing done twice, every instance finished: each
	 * acknowledged instance completed, each of {@code steps} completed exactly once in
	 * every instance of the process, no acknowledged step handed out again, no request
	 * answered 500.
	 */
	void assertNothingLostOrDoneTwice(String... steps) {
		assertThat(count(ProcessInstanceState.ACTIVE)).as("instances still active").isZero();
		long completed = count(ProcessInstanceState.COMPLETED);
		assertThat(completed).as("completed instances, at least the acknowledged ones")
			.isGreaterThanOrEqualTo(this.acknowledgedInstances.size());
		for (long key : this.acknowledgedInstances) {
			assertThat(this.client.newProcessInstanceGetRequest(key).send().join().getState())
				.as("acknowledged instance %d", key)
				.isEqualTo(ProcessInstanceState.COMPLETED);
		}
		for (String step : steps) {
			List<ElementInstance> done = completedElements(step);
			assertThat(done).as("completions of %s, one per instance", step).hasSize((int) completed);
			assertThat(done.stream().map(ElementInstance::getProcessInstanceKey).distinct().count())
				.as("instances that completed %s", step)
				.isEqualTo(completed);
		}
		assertThat(this.handedOutAfterCompletion).as("steps handed out again after an acknowledged completion")
			.isEmpty();
		assertThat(this.acknowledgedCompletions.values().stream().filter((n) -> n.get() > 1).count())
			.as("steps whose completion was acknowledged twice")
			.isZero();
		assertThat(this.failures).as("requests answered 500").doesNotContainKey(500);
	}

	/**
	 * Jobs handed out more than once (their worker's completion was lost, or their
	 * time-out passed).
	 */
	long redeliveries() {
		return this.activations.values().stream().mapToLong((n) -> n.get() - 1).sum();
	}

	String figures() {
		Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
		this.failures.forEach((status, n) -> byStatus.put(status, n.get()));
		// an instance created whose answer was lost (product killed) runs too,
		// unacknowledged: it is retried
		return "instances acknowledged " + this.acknowledgedInstances.size() + " (creation attempts "
				+ this.creationAttempts.get() + ", instances completed " + count(ProcessInstanceState.COMPLETED)
				+ "), jobs " + this.activations.size() + ", redeliveries " + redeliveries()
				+ ", failed requests by status " + byStatus + " (0: no answer)";
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void closeClient() {
		this.workers.forEach(JobWorker::close);
		if (this.client != null) {
			this.client.close();
		}
	}

	@Override
	public synchronized void close() {
		closeClient();
		this.starters.shutdownNow();
	}

}

package fr.refactory.engine.job;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.EngineMetrics;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polling: activation requests wait here per job type and are woken (never
 * re-polled) when a transaction that made jobs of that type activatable commits. When the
 * application stops, waiting requests are answered at once (with the jobs there are,
 * usually none), before the web server's graceful shutdown, which would otherwise wait
 * for every open long poll.
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobWaiters implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(JobWaiters.class);

	private final JobActivator activator;

	private final EngineMetrics metrics;

	private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();

	private final ExecutorService dispatcher = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "engine-job-dispatcher");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "engine-job-poll-timeouts");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	JobWaiters(JobActivator activator, EngineMetrics metrics) {
		this.activator = activator;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Answers every waiting long poll now; later ones are answered at once (no long
	 * polling while stopping).
	 */
	@Override
	public void stop() {
		this.running = false;
		this.waiting.values().forEach((waiters) -> List.copyOf(waiters).forEach((waiter) -> finish(waiter, List.of())));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the web server's graceful shutdown phase. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/**
	 * Answers now if jobs exist, otherwise when woken, or with no jobs at
	 * {@code requestTimeout} (timed here, not by the servlet container, whose time-out
	 * check is too coarse for the client's one-second grace).
	 * @param delivered receives the keys of the jobs handed to the response, so they can
	 * be released if it cannot be written
	 */
	public void await(ActivationRequest request, DeferredResult<JobWaiters.ActivationResponse> result, boolean longPoll,
			long requestTimeout, Consumer<List<Long>> delivered) {
		Waiter waiter = new Waiter(request, result, delivered);
		if (!longPoll || !this.running) {
			List<ActivatedJob> jobs = this.activator.activate(request, request.maxJobsToActivate());
			delivered.accept(jobs.stream().map((job) -> Long.parseLong(job.jobKey())).toList());
			result.setResult(new JobWaiters.ActivationResponse(jobs));
			return;
		}
		Set<Waiter> ofType = this.waiting.computeIfAbsent(request.type(), this::waitersOf);
		ofType.add(waiter);
		result.onTimeout(() -> finish(waiter, List.of()));
		this.timer.schedule(() -> finish(waiter, List.of()), requestTimeout, TimeUnit.MILLISECONDS);
		result.onCompletion(() -> ofType.remove(waiter));
		result.onError((ex) -> ofType.remove(waiter));
		serve(waiter);
	}

	private Set<Waiter> waitersOf(String type) {
		Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
		this.metrics.longPolls(type, waiters);
		return waiters;
	}

	/** Called after a commit that created or re-enabled jobs of the type. */
	public void jobsAvailable(String type) {
		if (this.waiting.getOrDefault(type, Set.of()).isEmpty()) {
			return;
		}
		this.dispatcher.execute(() -> {
			for (Waiter waiter : List.copyOf(this.waiting.getOrDefault(type, Set.of()))) {
				try {
					if (!serve(waiter)) {
						// nothing left to hand out: the later waiters would each query in
						// vain
						return;
					}
				}
				catch (RuntimeException ex) {
					LOG.warn("Could not activate jobs of type {}", type, ex);
				}
			}
		});
	}

	/**
	 * @return false when no job was left to hand out to this waiter
	 */
	private boolean serve(Waiter waiter) {
		synchronized (waiter) {
			if (waiter.done) {
				return true;
			}
			List<ActivatedJob> jobs = this.activator.activate(waiter.request, waiter.request.maxJobsToActivate());
			if (!jobs.isEmpty()) {
				finish(waiter, jobs);
			}
			return !jobs.isEmpty();
		}
	}

	private void finish(Waiter waiter, List<ActivatedJob> jobs) {
		synchronized (waiter) {
			if (waiter.done) {
				return;
			}
			waiter.done = true;
			this.waiting.getOrDefault(waiter.request.type(), Set.of()).remove(waiter);
			waiter.delivered.accept(jobs.stream().map((job) -> Long.parseLong(job.jobKey())).toList());
			if (!waiter.result.setResult(new JobWaiters.ActivationResponse(jobs)) && !jobs.isEmpty()) {
				this.activator.release(jobs.stream().map((job) -> Long.parseLong(job.jobKey())).toList());
				jobsAvailable(waiter.request.type());
			}
		}
	}

	/**
	 * The response carrying these activated jobs could not be written: make them
	 * activatable again now.
	 */
	public void undelivered(String type, List<Long> jobKeys) {
		if (!jobKeys.isEmpty()) {
			this.activator.release(jobKeys);
			jobsAvailable(type);
		}
	}

	@PreDestroy
	void shutDownThreads() {
		this.dispatcher.shutdownNow();
		this.timer.shutdownNow();
	}

	private static final class Waiter {

		private final ActivationRequest request;

		private final DeferredResult<JobWaiters.ActivationResponse> result;

		private final Consumer<List<Long>> delivered;

		private boolean done;

		Waiter(ActivationRequest request, DeferredResult<JobWaiters.ActivationResponse> result,
				Consumer<List<Long>> delivered) {
			this.request = request;
			this.result = result;
			this.delivered = delivered;
		}

	}

	/** {@code {"jobs":[...]}}. */
	public record ActivationResponse(List<ActivatedJob> jobs) {
	}

}

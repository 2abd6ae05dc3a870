package fr.refactory.engine.execution;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import jakarta.annotation.PreDestroy;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Callers waiting for a process instance to complete ({@code awaitCompletion}), woken
 * after the commit. When the application stops, their time-outs run at once (before the
 * web server's graceful shutdown would wait for them).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessCompletions implements SmartLifecycle {

	private final Set<Runnable> pendingTimeouts = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private final Map<Long, Set<LongConsumer>> waiting = new ConcurrentHashMap<>();

	private final Map<Long, Set<LongConsumer>> waitingForTermination = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "engine-completion-timeouts");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService notifier = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "engine-completion-notifier");
		thread.setDaemon(true);
		return thread;
	});

	public void await(long processInstanceKey, LongConsumer onCompleted) {
		this.waiting.computeIfAbsent(processInstanceKey, (key) -> ConcurrentHashMap.newKeySet()).add(onCompleted);
	}

	public void forget(long processInstanceKey, LongConsumer onCompleted) {
		forget(this.waiting, processInstanceKey, onCompleted);
	}

	/**
	 * A cancellation waiting for the instance's termination (which may wait for canceling
	 * listeners, ADR 1602).
	 */
	public void awaitTermination(long processInstanceKey, LongConsumer onTerminated) {
		this.waitingForTermination.computeIfAbsent(processInstanceKey, (key) -> ConcurrentHashMap.newKeySet())
			.add(onTerminated);
	}

	public void forgetTermination(long processInstanceKey, LongConsumer onTerminated) {
		forget(this.waitingForTermination, processInstanceKey, onTerminated);
	}

	private static void forget(Map<Long, Set<LongConsumer>> waiters, long processInstanceKey, LongConsumer waiter) {
		Set<LongConsumer> set = waiters.get(processInstanceKey);
		if (set != null) {
			set.remove(waiter);
			if (set.isEmpty()) {
				waiters.remove(processInstanceKey);
			}
		}
	}

	/**
	 * Runs {@code action} after {@code millis} (request time-outs, timed here rather than
	 * by the container), or at once when the application stops.
	 */
	public void schedule(Runnable action, long millis) {
		Runnable once = new Runnable() {
			@Override
			public void run() {
				if (ProcessCompletions.this.pendingTimeouts.remove(this)) {
					action.run();
				}
			}
		};
		this.pendingTimeouts.add(once);
		if (!this.running) {
			once.run();
			return;
		}
		this.timer.schedule(once, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		List.copyOf(this.pendingTimeouts).forEach(Runnable::run);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Called after the completing transaction committed; the waiters run on their own
	 * thread.
	 */
	public void completed(long processInstanceKey) {
		wake(this.waiting, processInstanceKey);
	}

	/** Called after the terminating transaction committed. */
	public void terminated(long processInstanceKey) {
		wake(this.waitingForTermination, processInstanceKey);
	}

	private void wake(Map<Long, Set<LongConsumer>> waiters, long processInstanceKey) {
		Set<LongConsumer> set = waiters.remove(processInstanceKey);
		if (set != null) {
			this.notifier.execute(() -> set.forEach((consumer) -> consumer.accept(processInstanceKey)));
		}
	}

	@PreDestroy
	void shutDownThreads() {
		this.notifier.shutdownNow();
		this.timer.shutdownNow();
	}

}

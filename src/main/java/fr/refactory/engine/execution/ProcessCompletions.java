package fr.refactory.engine.execution;

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

import org.springframework.stereotype.Component;

/** Callers waiting for a process instance to complete ({@code awaitCompletion}), woken after the commit. */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessCompletions {

	private final Map<Long, Set<LongConsumer>> waiting = new ConcurrentHashMap<>();

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
		Set<LongConsumer> set = this.waiting.get(processInstanceKey);
		if (set != null) {
			set.remove(onCompleted);
			if (set.isEmpty()) {
				this.waiting.remove(processInstanceKey);
			}
		}
	}

	/** Runs {@code action} after {@code millis} (request time-outs, timed here rather than by the container). */
	public void schedule(Runnable action, long millis) {
		this.timer.schedule(action, millis, TimeUnit.MILLISECONDS);
	}

	/** Called after the completing transaction committed; the waiters run on their own thread. */
	public void completed(long processInstanceKey) {
		Set<LongConsumer> set = this.waiting.remove(processInstanceKey);
		if (set != null) {
			this.notifier.execute(() -> set.forEach((consumer) -> consumer.accept(processInstanceKey)));
		}
	}

	@PreDestroy
	void stop() {
		this.notifier.shutdownNow();
		this.timer.shutdownNow();
	}

}

package fr.refactory.engine.timer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.clock.PeriodicCheck;
import fr.refactory.engine.state.TimerStore.TimerRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Looks once a second (on the engine clock) for due timers and hands each to the timer
 * firing threads; the scheduler thread itself never runs process work, so a slow or
 * failing process cannot stop the other timers (docs/decisions/0261). A timer whose
 * firing fails (a bug, the database away) stays pending and is tried again on a later
 * check. When the engine clock is moved, {@link #checkNow()} fires everything due and
 * waits for it. While the database is away the checks pause (PeriodicCheck).
 */
@Component
@ConditionalOnEmbeddedEngine
public class TimerChecker extends PeriodicCheck {

	private static final Logger LOG = LoggerFactory.getLogger(TimerChecker.class);

	private static final int BATCH = 100;

	private static final int FIRING_THREADS = 4;

	private final DueTimers dueTimers;

	/**
	 * Timers handed over and not fired yet, so a later tick does not hand them over
	 * twice.
	 */
	private final Map<Long, Future<Boolean>> inFlight = new ConcurrentHashMap<>();

	/** When each timer in flight was handed over ({@link System#nanoTime()}). */
	private final Map<Long, Long> handedOverAt = new ConcurrentHashMap<>();

	private ExecutorService firing;

	TimerChecker(DueTimers dueTimers) {
		super("engine-timers");
		this.dueTimers = dueTimers;
	}

	@Override
	protected void tick() {
		handOverDue();
	}

	/**
	 * Fires every timer due now and waits (a re-armed cycle is never due again at once,
	 * so this ends).
	 */
	@Override
	public void checkNow() {
		int fired;
		do {
			runTick();
			fired = 0;
			for (Future<Boolean> pending : List.copyOf(this.inFlight.values())) {
				fired += awaitFired(pending) ? 1 : 0;
			}
		}
		while (fired > 0);
	}

	private void handOverDue() {
		ExecutorService executor = firingThreads();
		for (TimerRow timer : this.dueTimers.due(BATCH)) {
			this.inFlight.computeIfAbsent(timer.key(), (key) -> {
				this.handedOverAt.put(key, System.nanoTime());
				return executor.submit(() -> fire(timer));
			});
		}
	}

	@Override
	public Duration oldestPendingWork() {
		long now = System.nanoTime();
		return this.handedOverAt.values()
			.stream()
			.map((since) -> Duration.ofNanos(now - since))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	private boolean fire(TimerRow timer) {
		try {
			return this.dueTimers.fire(timer);
		}
		catch (DataAccessResourceFailureException | TransactionException ex) {
			// the database is gone, not this timer at fault: not logged per timer; the
			// next check fails and pauses
			throw ex;
		}
		catch (RuntimeException ex) {
			LOG.warn("Firing timer {} of {} failed; it stays pending", timer.key(), timer.elementId(), ex);
			return false;
		}
		finally {
			this.inFlight.remove(timer.key());
			this.handedOverAt.remove(timer.key());
		}
	}

	private static boolean awaitFired(Future<Boolean> firing) {
		try {
			return firing.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return false;
		}
	}

	private synchronized ExecutorService firingThreads() {
		if (this.firing == null) {
			AtomicInteger count = new AtomicInteger();
			this.firing = Executors.newFixedThreadPool(FIRING_THREADS, (runnable) -> {
				Thread thread = new Thread(runnable, "engine-timer-firing-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.firing;
	}

	@Override
	public synchronized void stop() {
		super.stop();
		if (this.firing != null) {
			this.firing.shutdownNow();
			this.firing = null;
		}
	}

}

package fr.refactory.engine.expression;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs FEEL and DMN evaluations on a bounded pool of worker threads, each with an
 * {@link EvaluationBudget}. The caller waits at most the time budget: an evaluation still
 * running then is abandoned (the guards woven into it end it at their next check) and the
 * caller fails with the overrun. When every worker is busy, the evaluation runs on the
 * caller's thread, still under the budget's checks.
 */
final class BoundedEvaluations {

	private final EvaluationLimits limits;

	private final ThreadPoolExecutor workers;

	BoundedEvaluations(EvaluationLimits limits) {
		this.limits = limits;
		this.workers = new ThreadPoolExecutor(0, limits.workers(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				daemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
	}

	EvaluationLimits limits() {
		return this.limits;
	}

	/**
	 * @param overrun makes the caller's exception from the overrun's reason (e.g. "it ran
	 * longer than ...")
	 */
	<T> T run(Supplier<T> evaluation, Function<String, ? extends RuntimeException> overrun) {
		EvaluationBudget budget = new EvaluationBudget(this.limits);
		Future<T> future = this.workers.submit(() -> {
			budget.bind();
			try {
				return evaluation.get();
			}
			finally {
				budget.unbind();
			}
		});
		try {
			T result = future.get(this.limits.timeBudget().toNanos(), TimeUnit.NANOSECONDS);
			failOnOverrun(budget, overrun);
			return result;
		}
		catch (TimeoutException ex) {
			return abandon(future, budget, overrun);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return abandon(future, budget, overrun);
		}
		catch (ExecutionException ex) {
			failOnOverrun(budget, overrun);
			throw rethrown(ex.getCause());
		}
	}

	private static <T> T abandon(Future<T> future, EvaluationBudget budget,
			Function<String, ? extends RuntimeException> overrun) {
		budget.expire();
		future.cancel(true);
		throw overrun.apply(budget.overrun());
	}

	private static void failOnOverrun(EvaluationBudget budget, Function<String, ? extends RuntimeException> overrun) {
		if (budget.overrun() != null) {
			throw overrun.apply(budget.overrun());
		}
	}

	private static RuntimeException rethrown(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}

	void shutdown() {
		this.workers.shutdown();
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "engine-evaluation-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

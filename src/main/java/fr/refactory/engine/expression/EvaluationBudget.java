package fr.refactory.engine.expression;

import java.util.HashMap;
import java.util.Map;

import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValString;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What one evaluation may still spend: its deadline and the size limits. Bound to the evaluating thread while the
 * evaluation runs, so the guard functions woven into the expression ({@link FeelGuards}) find it. The first overrun
 * is kept, so the evaluation fails with it even where FEEL would turn the failure into {@code null}.
 */
final class EvaluationBudget {

	private static final ThreadLocal<EvaluationBudget> CURRENT = new ThreadLocal<>();

	private final EvaluationLimits limits;

	private final long deadline;

	/** Sizes of the iterator lists of each {@code for}/{@code some}/{@code every}, by its position. */
	private final Map<Integer, long[]> iterations = new HashMap<>();

	private volatile String overrun;

	EvaluationBudget(EvaluationLimits limits) {
		this.limits = limits;
		this.deadline = System.nanoTime() + limits.timeBudget().toNanos();
	}

	static EvaluationBudget current() {
		EvaluationBudget budget = CURRENT.get();
		return (budget != null) ? budget : new EvaluationBudget(EvaluationLimits.DEFAULT);
	}

	void bind() {
		CURRENT.set(this);
	}

	void unbind() {
		CURRENT.remove();
	}

	String overrun() {
		return this.overrun;
	}

	/** Ends the evaluation once its time is up (also called by the caller that stopped waiting for it). */
	void checkTime() {
		if (this.overrun != null) {
			throw new EvaluationOverrun(this.overrun);
		}
		if (System.nanoTime() - this.deadline > 0) {
			fail(timeMessage());
		}
	}

	String timeMessage() {
		return "it ran longer than its time budget of " + this.limits.timeBudget().toMillis()
				+ " ms (refactory.engine.evaluation.time-budget)";
	}

	void expire() {
		if (this.overrun == null) {
			this.overrun = timeMessage();
		}
	}

	void checkValue(Val value) {
		checkTime();
		if (value instanceof ValString string) {
			checkStringLength(string.value().length());
		}
		else if (value instanceof ValList list) {
			checkItems(list.items().size(), "a list");
			long characters = 0;
			for (Val item : CollectionConverters.asJava(list.items())) {
				if (item instanceof ValString string) {
					characters += string.value().length();
				}
			}
			if (characters > this.limits.maxStringLength()) {
				fail("it would handle a list of " + characters + " characters of text, more than the limit of "
						+ this.limits.maxStringLength() + " (refactory.engine.evaluation.max-string-length)");
			}
		}
	}

	void checkStringLength(long length) {
		if (length > this.limits.maxStringLength()) {
			fail("it would build a string of " + length + " characters, more than the limit of "
					+ this.limits.maxStringLength() + " (refactory.engine.evaluation.max-string-length)");
		}
	}

	void checkItems(long items, String what) {
		checkTime();
		if (items > this.limits.maxItems()) {
			fail("it would build " + what + " of " + items + " items, more than the limit of "
					+ this.limits.maxItems() + " (refactory.engine.evaluation.max-items)");
		}
	}

	/** Checks the combinations of the iterators up to {@code position} of the iteration {@code group}. */
	void checkIteration(int group, int position, int iteratorCount, long size) {
		long[] sizes = this.iterations.computeIfAbsent(group, (key) -> new long[iteratorCount]);
		sizes[position] = size;
		long combinations = 1;
		for (int i = 0; i <= position; i++) {
			combinations = saturatedProduct(combinations, sizes[i]);
		}
		checkItems(combinations, (position == 0) ? "an iteration" : "an iteration over combinations");
	}

	private static long saturatedProduct(long a, long b) {
		try {
			return Math.multiplyExact(a, b);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private void fail(String message) {
		this.overrun = message;
		throw new EvaluationOverrun(message);
	}

}

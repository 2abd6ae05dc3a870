package fr.refactory.engine.expression;

import java.util.HashMap;
import java.util.Map;

import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What one evaluation may still spend: its deadline and the size limits. Bound to the
 * evaluating thread while the evaluation runs, so the guard functions woven into the
 * expression ({@link FeelGuards}) find it. The first overrun is kept, so the evaluation
 * fails with it even where FEEL would turn the failure into {@code null}.
 */
final class EvaluationBudget {

	private static final ThreadLocal<EvaluationBudget> CURRENT = new ThreadLocal<>();

	/** FEEL's range of scales (DMN 1.3, {@code decimal} and the rounding functions). */
	private static final int MIN_SCALE = -6111;

	private static final int MAX_SCALE = 6176;

	private final EvaluationLimits limits;

	private final long deadline;

	/**
	 * Sizes of the iterator lists of each {@code for}/{@code some}/{@code every}, by its
	 * position.
	 */
	private final Map<Integer, long[]> iterations = new HashMap<>();

	/** Sizes of the arguments of each function call, by its position. */
	private final Map<Integer, Size[]> arguments = new HashMap<>();

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

	/**
	 * Ends the evaluation once its time is up (also called by the caller that stopped
	 * waiting for it).
	 */
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
		Size size = sizeOf(value);
		if (value instanceof ValString) {
			checkStringLength(size.characters());
		}
		else if (value instanceof ValList) {
			checkSize(size, "a list");
		}
	}

	/**
	 * Records the size of one argument of the call {@code group} and checks what the call
	 * is given so far: the items and the text of its arguments together, the text a
	 * {@code string join} would build with its delimiter, the scale a rounding function
	 * would produce. The first argument starts a new call.
	 */
	void checkArgument(int group, int position, int count, int kind, Val value) {
		checkTime();
		if (kind == FeelGuards.SCALE_CALL && position == 1) {
			checkScale(value);
		}
		Size[] sizes = this.arguments.computeIfAbsent(group, (key) -> new Size[count]);
		if (position == 0) {
			java.util.Arrays.fill(sizes, null);
		}
		sizes[position] = sizeOf(value);
		Size total = Size.NONE;
		for (Size size : sizes) {
			total = (size != null) ? total.plus(size) : total;
		}
		if (kind == FeelGuards.JOIN_CALL && sizes[0] != null && sizes.length > 1 && sizes[1] != null) {
			long delimiters = Math.max(0, sizes[0].topLevelItems() - 1);
			total = total.plus(new Size(0, saturatedProduct(delimiters, sizes[1].characters()), 0));
		}
		checkSize(total, "the arguments of one function call");
	}

	private void checkScale(Val value) {
		if (value instanceof ValNumber number
				&& (number.value().compareTo(scala.math.BigDecimal$.MODULE$.apply(MIN_SCALE)) < 0
						|| number.value().compareTo(scala.math.BigDecimal$.MODULE$.apply(MAX_SCALE)) > 0)) {
			fail("it would round to a scale of " + number.value() + ", outside FEEL's range of " + MIN_SCALE + ".."
					+ MAX_SCALE);
		}
	}

	private void checkSize(Size size, String what) {
		checkItems(size.items(), what);
		if (size.characters() > this.limits.maxStringLength()) {
			fail("it would handle " + what + " of " + size.characters() + " characters of text, more than the limit of "
					+ this.limits.maxStringLength() + " (refactory.engine.evaluation.max-string-length)");
		}
	}

	/**
	 * The items of a list, those of the lists it holds included, and the characters of
	 * its strings; counting stops just beyond the limits, so a list nesting the same big
	 * list many times is measured in bounded time.
	 */
	private Size sizeOf(Val value) {
		if (value instanceof ValString string) {
			return new Size(0, string.value().length(), 0);
		}
		if (!(value instanceof ValList list)) {
			return Size.NONE;
		}
		long items = 0;
		long characters = 0;
		java.util.ArrayDeque<java.util.Iterator<Val>> open = new java.util.ArrayDeque<>();
		open.push(CollectionConverters.asJava(list.items().iterator()));
		long topLevel = list.items().size();
		while (!open.isEmpty() && items <= this.limits.maxItems() && characters <= this.limits.maxStringLength()) {
			java.util.Iterator<Val> next = open.peek();
			if (!next.hasNext()) {
				open.pop();
				continue;
			}
			Val item = next.next();
			items++;
			if (item instanceof ValString string) {
				characters += string.value().length();
			}
			else if (item instanceof ValList nested) {
				open.push(CollectionConverters.asJava(nested.items().iterator()));
			}
		}
		return new Size(Math.max(items, topLevel), characters, topLevel);
	}

	/**
	 * What a value holds: items (nested lists counted), characters of text, and the items
	 * of the outer list.
	 */
	private record Size(long items, long characters, long topLevelItems) {

		static final Size NONE = new Size(0, 0, 0);

		Size plus(Size other) {
			return new Size(saturatedSum(this.items, other.items), saturatedSum(this.characters, other.characters),
					this.topLevelItems);
		}

		private static long saturatedSum(long a, long b) {
			long sum = a + b;
			return (sum < 0) ? Long.MAX_VALUE : sum;
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
			fail("it would build " + what + " of " + items + " items, more than the limit of " + this.limits.maxItems()
					+ " (refactory.engine.evaluation.max-items)");
		}
	}

	/**
	 * Checks the combinations of the iterators up to {@code position} of the iteration
	 * {@code group}.
	 */
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

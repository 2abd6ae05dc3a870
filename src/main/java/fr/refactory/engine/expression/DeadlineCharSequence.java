package fr.refactory.engine.expression;

/**
 * The input of a regular expression that checks the evaluation's deadline while it is
 * read: {@code java.util.regex} never looks at interrupts, so a catastrophic backtrack
 * can be stopped only from inside {@link #charAt(int)}.
 */
final class DeadlineCharSequence implements CharSequence {

	private static final int CHECK_EVERY = 4096;

	private final CharSequence text;

	private final EvaluationBudget budget;

	private int reads;

	DeadlineCharSequence(CharSequence text, EvaluationBudget budget) {
		this.text = text;
		this.budget = budget;
	}

	@Override
	public char charAt(int index) {
		if (++this.reads % CHECK_EVERY == 0) {
			this.budget.checkTime();
		}
		return this.text.charAt(index);
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new DeadlineCharSequence(this.text.subSequence(start, end), this.budget);
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}

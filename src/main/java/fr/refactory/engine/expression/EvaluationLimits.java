package fr.refactory.engine.expression;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code refactory.engine.evaluation.*}: how long one FEEL or DMN evaluation may run and
 * how large the ranges, lists and strings it builds may grow (docs/decisions/0260). An
 * evaluation beyond them fails, which becomes an incident.
 *
 * @param timeBudget the longest one evaluation may run
 * @param maxItems the most items a range, a list or the combinations of a {@code for} may
 * have
 * @param maxStringLength the most characters of one string, and of the strings of one
 * list together
 * @param workers the threads evaluations run on (beyond them, an evaluation runs on its
 * caller's thread)
 */
@ConfigurationProperties("refactory.engine.evaluation")
public record EvaluationLimits(Duration timeBudget, Integer maxItems, Integer maxStringLength, Integer workers) {

	public static final EvaluationLimits DEFAULT = new EvaluationLimits(null, null, null, null);

	public EvaluationLimits {
		timeBudget = (timeBudget != null) ? timeBudget : Duration.ofSeconds(2);
		maxItems = (maxItems != null) ? maxItems : 100_000;
		maxStringLength = (maxStringLength != null) ? maxStringLength : 1_000_000;
		workers = (workers != null) ? workers : 16;
		requirePositive(!timeBudget.isNegative() && !timeBudget.isZero(), "time-budget", timeBudget);
		requirePositive(maxItems > 0, "max-items", maxItems);
		requirePositive(maxStringLength > 0, "max-string-length", maxStringLength);
		requirePositive(workers > 0, "workers", workers);
	}

	private static void requirePositive(boolean positive, String property, Object value) {
		if (!positive) {
			throw new IllegalArgumentException(
					"refactory.engine.evaluation." + property + " must be positive, but is " + value);
		}
	}

}

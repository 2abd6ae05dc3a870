package fr.refactory.engine.expression;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Wraps feel-scala: parse at deployment, evaluate at run time. Values starting with
 * {@code =} are FEEL (the prefix is stripped), anything else is a static string. Every
 * evaluation is bounded in time and size ({@link EvaluationLimits}, docs/decisions/0260).
 * FEEL's {@code now()} and {@code today()} read the engine clock ({@link #CLOCK}), the
 * one CPT moves.
 */
public final class FeelExpressions {

	/**
	 * The engine clock as feel-scala's clock SPI: one for FEEL here and for the FEEL
	 * inside DMN.
	 */
	public static final FeelEngineClock CLOCK = () -> ZonedDateTime.now(engineClock());

	/**
	 * The clocks of the running engines, latest last (a test may start a second
	 * application beside the shared one).
	 */
	private static final Deque<Clock> ENGINE_CLOCKS = new ConcurrentLinkedDeque<>();

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava()
		.withFunctionProvider(new GuardFunctions())
		.withClock(CLOCK)
		.build();

	private static volatile BoundedEvaluations evaluations = new BoundedEvaluations(EvaluationLimits.DEFAULT);

	private FeelExpressions() {
	}

	/**
	 * @return the parsed expression
	 * @throws IllegalArgumentException with the parser's message when the FEEL is invalid
	 */
	public static Expression parse(String source) {
		if (source == null) {
			return null;
		}
		String trimmed = source.trim();
		if (!trimmed.startsWith("=")) {
			return new Expression(source, null);
		}
		ParseResult result = FEEL.parseExpression(trimmed.substring(1));
		if (!result.isSuccess()) {
			throw new IllegalArgumentException(result.failure().message());
		}
		FeelGuards.checkLiteralPatterns(result.parsedExpression());
		return new Expression(source, FeelGuards.guard(result.parsedExpression()));
	}

	/**
	 * A FEEL expression even without the {@code =} prefix (sequence-flow conditions,
	 * script bodies).
	 */
	public static Expression parseFeel(String source) {
		String trimmed = source.trim();
		return parse(trimmed.startsWith("=") ? trimmed : "=" + trimmed);
	}

	public static Object evaluate(Expression expression, Map<String, Object> variables) {
		if (expression.isStatic()) {
			return expression.source();
		}
		EvaluationResult result = bounded(() -> FEEL.evaluate(expression.parsed(), variables),
				(overrun) -> new ExpressionFailure(
						"Expected to evaluate expression '" + expression.source() + "', but " + overrun));
		if (!result.isSuccess()) {
			throw new ExpressionFailure("Expected to evaluate expression '" + expression.source() + "', but failed: "
					+ result.failure().message());
		}
		return result.result();
	}

	public static String evaluateString(Expression expression, Map<String, Object> variables) {
		Object value = evaluate(expression, variables);
		if (value == null || value instanceof Map || value instanceof Iterable) {
			throw new ExpressionFailure("Expected result of the expression '" + expression.source()
					+ "' to be 'STRING', but was '" + (value == null ? "NULL" : value) + "'.");
		}
		return String.valueOf(value);
	}

	/**
	 * Runs an evaluation (of FEEL or a DMN decision) within the configured budget.
	 * @param overrun makes the exception thrown when the evaluation went beyond a limit,
	 * from the reason
	 */
	public static <T> T bounded(Supplier<T> evaluation, Function<String, ? extends RuntimeException> overrun) {
		return evaluations.run(evaluation, overrun);
	}

	/**
	 * Compiles the literal patterns of regular expression functions in a parsed DMN
	 * decision.
	 * @throws IllegalArgumentException naming the function and the reason
	 */
	public static void checkLiteralPatterns(Object parsedDecision) {
		FeelGuards.checkLiteralPatterns(parsedDecision);
	}

	/** A parsed DMN (dmn-scala) with the same guards in each of its FEEL expressions. */
	public static <T> T guarded(T parsedDmn) {
		return FeelGuards.guardAll(parsedDmn);
	}

	static void useClock(Clock engineClock) {
		ENGINE_CLOCKS.addLast(engineClock);
	}

	/** An engine stopped: FEEL goes back to the clock of the engine started before it. */
	static void releaseClock(Clock engineClock) {
		ENGINE_CLOCKS.removeLastOccurrence(engineClock);
	}

	private static Clock engineClock() {
		Clock latest = ENGINE_CLOCKS.peekLast();
		return latest == null ? Clock.systemUTC() : latest;
	}

	static synchronized void limit(EvaluationLimits limits) {
		BoundedEvaluations previous = evaluations;
		evaluations = new BoundedEvaluations(limits);
		previous.shutdown();
	}

}

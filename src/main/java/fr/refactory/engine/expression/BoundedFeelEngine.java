package fr.refactory.engine.expression;

import java.util.function.Supplier;

import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.api.SuccessfulParseResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * feel-scala's engine API with the engine's bounds: every expression it parses carries
 * the guards of {@link FeelGuards}, and every evaluation runs within the configured
 * {@link EvaluationLimits} on its own pool. An overrun is a failed evaluation whose
 * message says which limit was passed. For code outside the engine that evaluates FEEL
 * itself (the console's form conditions), which knows it only as {@link FeelEngineApi}
 * (ADR 0510).
 */
public final class BoundedFeelEngine extends FeelEngineApi implements AutoCloseable {

	private final FeelEngineApi guarded = FeelEngineBuilder.forJava()
		.withFunctionProvider(new GuardFunctions())
		.build();

	private final BoundedEvaluations evaluations;

	private BoundedFeelEngine(EvaluationLimits limits) {
		super(new FeelEngine(FeelEngine.$lessinit$greater$default$1(), FeelEngine.$lessinit$greater$default$2(),
				FeelEngine.$lessinit$greater$default$3(), FeelEngine.$lessinit$greater$default$4()));
		this.evaluations = new BoundedEvaluations(limits);
	}

	public static BoundedFeelEngine within(EvaluationLimits limits) {
		return new BoundedFeelEngine(limits);
	}

	@Override
	public ParseResult parseExpression(String expression) {
		return withGuards(this.guarded.parseExpression(expression));
	}

	@Override
	public ParseResult parseUnaryTests(String tests) {
		return withGuards(this.guarded.parseUnaryTests(tests));
	}

	@Override
	public EvaluationResult evaluate(ParsedExpression expression, Context context) {
		return bounded(() -> this.guarded.evaluate(expression, context));
	}

	@Override
	public EvaluationResult evaluateWithInput(ParsedExpression expression, Object input, Context context) {
		return bounded(() -> this.guarded.evaluateWithInput(expression, input, context));
	}

	@Override
	public EvaluationResult evaluateExpression(String expression, Context context) {
		ParseResult parsed = parseExpression(expression);
		return parsed.isSuccess() ? evaluate(parsed.parsedExpression(), context) : failed(parsed.failure().message());
	}

	@Override
	public EvaluationResult evaluateUnaryTests(String tests, Object input, Context context) {
		ParseResult parsed = parseUnaryTests(tests);
		return parsed.isSuccess() ? evaluateWithInput(parsed.parsedExpression(), input, context)
				: failed(parsed.failure().message());
	}

	@Override
	public void close() {
		this.evaluations.shutdown();
	}

	private static ParseResult withGuards(ParseResult parsed) {
		if (!parsed.isSuccess()) {
			return parsed;
		}
		return new SuccessfulParseResult(FeelGuards.guard(parsed.parsedExpression()));
	}

	private EvaluationResult bounded(Supplier<EvaluationResult> evaluation) {
		try {
			return this.evaluations.run(evaluation, EvaluationOverrun::new);
		}
		catch (EvaluationOverrun ex) {
			return failed(ex.getMessage());
		}
	}

	private static EvaluationResult failed(String message) {
		return new FailedEvaluationResult(new FeelEngine.Failure(message), FailedEvaluationResult.apply$default$2());
	}

}

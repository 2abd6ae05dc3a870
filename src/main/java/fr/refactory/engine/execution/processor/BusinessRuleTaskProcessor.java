package fr.refactory.engine.execution.processor;

import java.util.HashMap;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.decision.DecisionEvaluator;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.CalledDecision;
import fr.refactory.engine.state.DecisionOutcome;
import fr.refactory.engine.state.DecisionStore;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * Business-rule task: evaluates the called decision in the engine (the version its
 * binding names) into its result variable, or else waits for a job worker.
 */
@Component
@ConditionalOnEmbeddedEngine
public class BusinessRuleTaskProcessor implements ElementProcessor {

	private final DecisionStore decisions;

	private final DecisionEvaluator evaluator;

	private final JobWorkerTaskProcessor jobTask;

	BusinessRuleTaskProcessor(DecisionStore decisions, DecisionEvaluator evaluator, JobWorkerTaskProcessor jobTask) {
		this.decisions = decisions;
		this.evaluator = evaluator;
		this.jobTask = jobTask;
	}

	@Override
	public void onActivate(ElementContext context) {
		CalledDecision called = context.element().calledDecision();
		if (called == null) {
			this.jobTask.onActivate(context);
			return;
		}
		Map<String, Object> variables = context.variables();
		String decisionId = FeelExpressions.evaluateString(called.decisionId(), variables);
		ElementInstance instance = context.instance();
		DecisionStore.Definition definition = this.decisions
			.bound(decisionId, called.binding(), instance.processDefinitionKey())
			.orElseThrow(() -> new ElementFailure("CALLED_DECISION_ERROR",
					"Expected to evaluate decision '" + decisionId + "' with binding type "
							+ called.binding().describe() + ", but no decision found for id '" + decisionId + "'"));
		DecisionOutcome outcome = this.evaluator.evaluate(definition, variables,
				new DecisionStore.Link(instance.processDefinitionKey(), instance.processInstanceKey(), instance.key()));
		if (outcome.failed()) {
			throw new ElementFailure("DECISION_EVALUATION_ERROR",
					"Expected to evaluate decision '" + decisionId + "', but " + outcome.failureMessage());
		}
		Map<String, Object> result = new HashMap<>();
		result.put(called.resultVariable(), outcome.value());
		context.executor().variableBehavior().mergeCompletionVariables(context, result);
		context.complete();
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.jobTask.onTerminate(context);
	}

}

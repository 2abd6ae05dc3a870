package fr.refactory.engine.state;

import java.util.List;

/**
 * The result of evaluating a decision (and the decisions it requires), as stored and as
 * answered.
 *
 * @param output the JSON text of the decision's result (null on failure)
 * @param failureMessage empty when the evaluation succeeded
 */
public record DecisionOutcome(long evaluationKey, String decisionDefinitionId, String decisionDefinitionName,
		int decisionDefinitionVersion, long decisionDefinitionKey, String decisionRequirementsId,
		long decisionRequirementsKey, Object value, String output, String failedDecisionDefinitionId,
		String failureMessage, List<EvaluatedDecision> evaluatedDecisions) {

	public boolean failed() {
		return !this.failureMessage.isEmpty();
	}

	/** One decision evaluated during the evaluation (required decisions first). */
	public record EvaluatedDecision(String decisionDefinitionId, String decisionDefinitionName,
			int decisionDefinitionVersion, String decisionDefinitionType, String output, String tenantId,
			String decisionDefinitionKey, String decisionEvaluationInstanceKey, List<MatchedRule> matchedRules,
			List<EvaluatedInput> evaluatedInputs) {
	}

	public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> evaluatedOutputs) {
	}

	public record EvaluatedOutput(String outputId, String outputName, String outputValue) {
	}

	public record EvaluatedInput(String inputId, String inputName, String inputValue) {
	}

}

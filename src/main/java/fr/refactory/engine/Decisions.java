package fr.refactory.engine;

import java.util.Map;

import fr.refactory.engine.decision.DecisionEvaluator;
import fr.refactory.engine.state.DecisionOutcome;
import fr.refactory.engine.state.DecisionStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Standalone decision evaluation; the evaluation is stored as decision instances. */
@Component
@ConditionalOnEmbeddedEngine
public class Decisions {

	private final DecisionStore store;

	private final DecisionEvaluator evaluator;

	Decisions(DecisionStore store, DecisionEvaluator evaluator) {
		this.store = store;
		this.evaluator = evaluator;
	}

	@Transactional
	public DecisionOutcome evaluate(Long decisionDefinitionKey, String decisionDefinitionId,
			Map<String, Object> variables) {
		DecisionStore.Definition definition;
		if (decisionDefinitionKey != null) {
			definition = this.store.byKey(decisionDefinitionKey)
				.orElseThrow(() -> Rejection.notFound("Expected to evaluate decision with key '" + decisionDefinitionKey
						+ "', but no such decision was found"));
		}
		else if (decisionDefinitionId != null && !decisionDefinitionId.isBlank()) {
			definition = this.store.latest(decisionDefinitionId)
				.orElseThrow(() -> Rejection.notFound("Expected to evaluate decision '" + decisionDefinitionId
						+ "', but no decision found for id '" + decisionDefinitionId + "'"));
		}
		else {
			throw Rejection.invalidArgument(
					"Expected either a decisionDefinitionId or a decisionDefinitionKey, but neither was given");
		}
		return this.evaluator.evaluate(definition, variables == null ? Map.of() : variables,
				DecisionStore.Link.STANDALONE);
	}

}

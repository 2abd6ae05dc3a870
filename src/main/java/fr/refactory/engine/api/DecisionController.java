package fr.refactory.engine.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Decisions;
import fr.refactory.engine.state.DecisionOutcome;
import fr.refactory.engine.state.query.DecisionQueries;
import fr.refactory.engine.state.query.SearchResult;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class DecisionController {

	private final Decisions decisions;

	private final DecisionQueries queries;

	DecisionController(Decisions decisions, DecisionQueries queries) {
		this.decisions = decisions;
		this.queries = queries;
	}

	@PostMapping(path = "/v2/decision-definitions/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
	EvaluateResult evaluate(@RequestBody EvaluateRequest request) {
		DecisionOutcome outcome = this.decisions.evaluate(
				ProcessInstanceController.parseKey(request.decisionDefinitionKey()), request.decisionDefinitionId(),
				request.variables());
		return EvaluateResult.of(outcome);
	}

	@PostMapping(path = "/v2/decision-definitions/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<DecisionQueries.DecisionDefinition> searchDefinitions(@RequestBody(required = false) JsonNode body) {
		return this.queries.searchDefinitions(body);
	}

	@GetMapping(path = "/v2/decision-definitions/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	DecisionQueries.DecisionDefinition definition(@PathVariable long key) {
		return this.queries.definition(key);
	}

	@GetMapping(path = "/v2/decision-definitions/{key}/xml")
	ResponseEntity<String> definitionXml(@PathVariable long key) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(this.queries.definitionXml(key));
	}

	@PostMapping(path = "/v2/decision-instances/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<DecisionQueries.DecisionInstance> searchInstances(@RequestBody(required = false) JsonNode body) {
		return this.queries.searchInstances(body);
	}

	@GetMapping(path = "/v2/decision-instances/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	DecisionQueries.DecisionInstance instance(@PathVariable String id) {
		return this.queries.instance(id);
	}

	record EvaluateRequest(String decisionDefinitionId, String decisionDefinitionKey, Map<String, Object> variables) {
	}

	record EvaluateResult(String decisionDefinitionId, String decisionDefinitionName, int decisionDefinitionVersion,
			String decisionDefinitionKey, String decisionRequirementsId, String decisionRequirementsKey, String output,
			String failedDecisionDefinitionId, String failureMessage, String tenantId, String decisionInstanceKey,
			String decisionEvaluationKey, java.util.List<DecisionOutcome.EvaluatedDecision> evaluatedDecisions) {

		static EvaluateResult of(DecisionOutcome outcome) {
			String key = String.valueOf(outcome.evaluationKey());
			return new EvaluateResult(outcome.decisionDefinitionId(), outcome.decisionDefinitionName(),
					outcome.decisionDefinitionVersion(), String.valueOf(outcome.decisionDefinitionKey()),
					outcome.decisionRequirementsId(), String.valueOf(outcome.decisionRequirementsKey()),
					outcome.output() == null ? "null" : outcome.output(), outcome.failedDecisionDefinitionId(),
					outcome.failureMessage(), "<default>", key, key, outcome.evaluatedDecisions());
		}

	}

}

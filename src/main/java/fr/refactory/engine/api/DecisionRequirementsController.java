package fr.refactory.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.query.DecisionQueries;
import fr.refactory.engine.state.query.DecisionQueries.DecisionRequirements;
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
class DecisionRequirementsController {

	private final DecisionQueries queries;

	DecisionRequirementsController(DecisionQueries queries) {
		this.queries = queries;
	}

	@PostMapping(path = "/v2/decision-requirements/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<DecisionRequirements> search(@RequestBody(required = false) JsonNode body) {
		return this.queries.searchRequirements(body);
	}

	@GetMapping(path = "/v2/decision-requirements/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	DecisionRequirements get(@PathVariable long key) {
		return this.queries.requirements(key);
	}

	@GetMapping(path = "/v2/decision-requirements/{key}/xml")
	ResponseEntity<String> xml(@PathVariable long key) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(this.queries.requirementsXml(key));
	}

}

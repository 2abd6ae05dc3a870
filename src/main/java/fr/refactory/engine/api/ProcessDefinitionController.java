package fr.refactory.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.query.ProcessDefinitionQueries;
import fr.refactory.engine.state.query.ProcessDefinitionQueries.ProcessDefinition;
import fr.refactory.engine.state.query.SearchResult;
import fr.refactory.engine.state.query.StartFormQueries;
import fr.refactory.engine.state.query.UserTaskQueries;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class ProcessDefinitionController {

	private final ProcessDefinitionQueries queries;

	private final DefinitionStore definitions;

	private final StartFormQueries startForms;

	ProcessDefinitionController(ProcessDefinitionQueries queries, DefinitionStore definitions,
			StartFormQueries startForms) {
		this.queries = queries;
		this.definitions = definitions;
		this.startForms = startForms;
	}

	/**
	 * The linked start form: 200, 204 when the process links none, 404 for an unknown key
	 * (0249).
	 */
	@GetMapping(path = "/v2/process-definitions/{key}/form", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UserTaskQueries.Form> form(@PathVariable long key) {
		return this.startForms.startForm(key)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping(path = "/v2/process-definitions/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<ProcessDefinition> search(@RequestBody(required = false) JsonNode body) {
		return this.queries.search(body);
	}

	@GetMapping(path = "/v2/process-definitions/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	ProcessDefinition get(@PathVariable long key) {
		return this.queries.get(key);
	}

	@GetMapping(path = "/v2/process-definitions/{key}/xml")
	ResponseEntity<String> xml(@PathVariable long key) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(this.definitions.processXml(key));
	}

}

package fr.refactory.engine.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Variables;
import fr.refactory.engine.state.query.ElementInstanceQueries;
import fr.refactory.engine.state.query.SearchResult;
import fr.refactory.engine.state.query.VariableQueries;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class ElementInstanceController {

	private final ElementInstanceQueries elements;

	private final VariableQueries variables;

	private final Variables variableCommands;

	ElementInstanceController(ElementInstanceQueries elements, VariableQueries variables, Variables variableCommands) {
		this.elements = elements;
		this.variables = variables;
		this.variableCommands = variableCommands;
	}

	@PostMapping(path = "/v2/element-instances/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<ElementInstanceQueries.ElementInstance> search(@RequestBody(required = false) JsonNode body) {
		return this.elements.search(body);
	}

	@GetMapping(path = "/v2/element-instances/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	ElementInstanceQueries.ElementInstance get(@PathVariable long key) {
		return this.elements.get(key);
	}

	@PutMapping("/v2/element-instances/{key}/variables")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void setVariables(@PathVariable long key, @RequestBody SetVariablesRequest body) {
		this.variableCommands.set(key, body.variables(), Boolean.TRUE.equals(body.local()));
	}

	@PostMapping(path = "/v2/variables/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<VariableQueries.Variable> searchVariables(@RequestBody(required = false) JsonNode body) {
		return this.variables.search(body);
	}

	@GetMapping(path = "/v2/variables/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	VariableQueries.Variable getVariable(@PathVariable long key) {
		return this.variables.get(key);
	}

	record SetVariablesRequest(Map<String, Object> variables, Boolean local) {
	}

}

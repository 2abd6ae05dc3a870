package fr.refactory.engine.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.ProcessDefinitionQueries;
import fr.refactory.engine.state.query.ProcessInstanceQueries;
import fr.refactory.engine.state.query.ProcessInstanceQueries.CallHierarchyEntry;
import fr.refactory.engine.state.query.ProcessInstanceQueries.ElementStatistics;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the instances of a process version or one instance stand (ADR 1020), and an
 * instance's call hierarchy.
 */
@RestController
@ConditionalOnEmbeddedEngine
class ElementStatisticsController {

	private final ProcessDefinitionQueries definitions;

	private final ProcessInstanceQueries instances;

	ElementStatisticsController(ProcessDefinitionQueries definitions, ProcessInstanceQueries instances) {
		this.definitions = definitions;
		this.instances = instances;
	}

	@PostMapping(path = "/v2/process-definitions/{key}/statistics/element-instances",
			produces = MediaType.APPLICATION_JSON_VALUE)
	Items ofDefinition(@PathVariable long key, @RequestBody(required = false) JsonNode body) {
		if (body != null && !body.isObject() && !body.isNull()) {
			throw Rejection
				.invalidArgument("Expected the request body to be an object with a filter, but got '" + body + "'");
		}
		this.definitions.get(key);
		JsonNode filter = body == null ? MissingNode.getInstance() : body.path("filter");
		return new Items(this.instances.elementStatisticsOfDefinition(key, filter));
	}

	@GetMapping(path = "/v2/process-instances/{key}/statistics/element-instances",
			produces = MediaType.APPLICATION_JSON_VALUE)
	Items ofInstance(@PathVariable long key) {
		return new Items(this.instances.elementStatisticsOfInstance(key));
	}

	@GetMapping(path = "/v2/process-instances/{key}/call-hierarchy", produces = MediaType.APPLICATION_JSON_VALUE)
	List<CallHierarchyEntry> callHierarchy(@PathVariable long key) {
		return this.instances.callHierarchy(key);
	}

	/** The statistics answer: {@code {"items": [...]}}. */
	record Items(List<ElementStatistics> items) {
	}

}

package fr.refactory.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Incidents;
import fr.refactory.engine.state.query.IncidentQueries;
import fr.refactory.engine.state.query.SearchResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class IncidentController {

	private final Incidents incidents;

	private final IncidentQueries queries;

	IncidentController(Incidents incidents, IncidentQueries queries) {
		this.incidents = incidents;
		this.queries = queries;
	}

	@PostMapping(path = "/v2/incidents/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<IncidentQueries.Incident> search(@RequestBody(required = false) JsonNode body) {
		return this.queries.search(body);
	}

	@PostMapping(path = "/v2/process-instances/{key}/incidents/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<IncidentQueries.Incident> searchOfInstance(@PathVariable long key,
			@RequestBody(required = false) JsonNode body) {
		return this.queries.searchOfProcessInstance(key, body);
	}

	@GetMapping(path = "/v2/incidents/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	IncidentQueries.Incident get(@PathVariable long key) {
		return this.queries.get(key);
	}

	@PostMapping("/v2/incidents/{key}/resolution")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resolve(@PathVariable long key) {
		this.incidents.resolve(key);
	}

}

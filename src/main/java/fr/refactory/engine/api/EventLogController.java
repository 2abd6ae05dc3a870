package fr.refactory.engine.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.LoggedEvent;
import fr.refactory.engine.state.RuntimeStore;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An instance's event history, in order: an extension of this engine (Camunda 8 has no
 * such endpoint; its exporters play that part), for the auditor's pages (ADR 0272).
 */
@RestController
@ConditionalOnEmbeddedEngine
class EventLogController {

	private final EventLog events;

	private final RuntimeStore store;

	private final ObjectMapper json;

	EventLogController(EventLog events, RuntimeStore store, ObjectMapper json) {
		this.events = events;
		this.store = store;
		this.json = json;
	}

	@GetMapping(path = "/v2/process-instances/{processInstanceKey}/events", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> events(@PathVariable long processInstanceKey) {
		if (this.store.processInstanceState(processInstanceKey).isEmpty()) {
			throw Rejection.notFound(
					"Expected to find a process instance with key '" + processInstanceKey + "', but none was found");
		}
		List<EventItem> items = this.events.ofProcessInstance(processInstanceKey).stream().map(this::item).toList();
		return Map.of("items", items);
	}

	private EventItem item(LoggedEvent event) {
		return new EventItem(event.position(), String.valueOf(event.key()), event.valueType().name(),
				event.intent().name(), event.elementId(),
				event.elementInstanceKey() == null ? null : String.valueOf(event.elementInstanceKey()),
				event.occurredAt().toString(), event.actor(), variables(event.variables()));
	}

	private JsonNode variables(String text) {
		try {
			return text == null ? null : this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The event log keeps variables as JSON: " + text, ex);
		}
	}

	/** One event; keys as decimal strings, as the Camunda API sends them. */
	record EventItem(long position, String key, String valueType, String intent, String elementId,
			String elementInstanceKey, String timestamp, String actor, JsonNode variables) {
	}

}

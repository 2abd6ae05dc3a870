package fr.refactory.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Messages;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.CorrelatedMessageQueries;
import fr.refactory.engine.state.query.MessageSubscriptionQueries;
import fr.refactory.engine.state.query.SearchResult;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/messages/publication}, {@code POST /v2/messages/correlation},
 * {@code POST /v2/message-subscriptions/search} and
 * {@code POST /v2/correlated-message-subscriptions/search}.
 */
@RestController
@ConditionalOnEmbeddedEngine
class MessageController {

	private static final String TENANT = "<default>";

	private final Messages messages;

	private final MessageSubscriptionQueries subscriptions;

	private final CorrelatedMessageQueries correlations;

	private final ApiLimits limits;

	MessageController(Messages messages, MessageSubscriptionQueries subscriptions,
			CorrelatedMessageQueries correlations, ApiLimits limits) {
		this.limits = limits;
		this.messages = messages;
		this.subscriptions = subscriptions;
		this.correlations = correlations;
	}

	@PostMapping(path = "/v2/message-subscriptions/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<MessageSubscriptionQueries.MessageSubscription> search(@RequestBody(required = false) JsonNode body) {
		return this.subscriptions.search(body);
	}

	@PostMapping(path = "/v2/correlated-message-subscriptions/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<CorrelatedMessageQueries.CorrelatedMessageSubscription> searchCorrelated(
			@RequestBody(required = false) JsonNode body) {
		return this.correlations.search(body);
	}

	@PostMapping(path = "/v2/messages/publication", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> publish(@RequestBody(required = false) PublicationRequest request) {
		if (request == null) {
			throw Rejection.invalidArgument("Expected a message publication body, but none was given");
		}
		this.limits.messageTimeToLive(request.timeToLive());
		long timeToLive = request.timeToLive() == null ? 0 : request.timeToLive();
		long key = this.messages.publish(request.name(), request.correlationKey(), timeToLive, request.messageId(),
				request.variables());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("tenantId", TENANT);
		response.put("messageKey", Long.toString(key));
		return response;
	}

	@PostMapping(path = "/v2/messages/correlation", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> correlate(@RequestBody(required = false) CorrelationRequest request) {
		if (request == null) {
			throw Rejection.invalidArgument("Expected a message correlation body, but none was given");
		}
		Map<String, Long> result = this.messages.correlate(request.name(), request.correlationKey(),
				request.variables());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("tenantId", TENANT);
		response.put("messageKey", Long.toString(result.get("messageKey")));
		response.put("processInstanceKey", Long.toString(result.get("processInstanceKey")));
		return response;
	}

	record PublicationRequest(String name, String correlationKey, Long timeToLive, String messageId,
			Map<String, Object> variables, String tenantId) {
	}

	record CorrelationRequest(String name, String correlationKey, Map<String, Object> variables, String tenantId) {
	}

}

package fr.refactory.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.Signals;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/signals/broadcast}. */
@RestController
@ConditionalOnEmbeddedEngine
class SignalController {

	private static final String TENANT = "<default>";

	private final Signals signals;

	SignalController(Signals signals) {
		this.signals = signals;
	}

	@PostMapping(path = "/v2/signals/broadcast", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> broadcast(@RequestBody(required = false) BroadcastRequest request) {
		if (request == null) {
			throw Rejection.invalidArgument("Expected a signal broadcast body, but none was given");
		}
		long key = this.signals.broadcast(request.signalName(), request.variables());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("tenantId", TENANT);
		response.put("signalKey", Long.toString(key));
		return response;
	}

	record BroadcastRequest(String signalName, Map<String, Object> variables, String tenantId) {
	}

}

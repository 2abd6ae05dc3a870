package fr.refactory.console.start;

import java.time.Duration;
import java.util.Map;

import io.camunda.client.CamundaClient;

import org.springframework.stereotype.Component;

/**
 * Starts processes the way the plant does: by publishing the start message with the subject as correlation key. The
 * message is not buffered (time to live zero): an announcement that starts nothing now must not start an instance
 * hours later when a model is deployed; the engine itself refuses a second instance for a subject whose
 * message-started instance is still active.
 */
@Component
public class ProcessStarts {

	private final CamundaClient client;

	ProcessStarts(CamundaClient client) {
		this.client = client;
	}

	/** @return the published message's key */
	public long announce(String messageName, String correlationKey, Map<String, Object> variables) {
		return this.client.newPublishMessageCommand()
			.messageName(messageName)
			.correlationKey(correlationKey)
			.timeToLive(Duration.ZERO)
			.variables(variables)
			.send()
			.join()
			.getMessageKey();
	}

}

package fr.refactory.console.start;

import java.time.Duration;
import java.util.Map;

import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;

import org.springframework.stereotype.Component;

/**
 * Starts processes the way the plant does: by publishing the start message with the
 * subject as correlation key. The message is not buffered (time to live zero): an
 * announcement that starts nothing now must not start an instance hours later when a
 * model is deployed; the engine itself refuses a second instance for a subject whose
 * message-started instance is still active.
 */
@Component
public class ProcessStarts {

	private final CamundaClient client;

	ProcessStarts(@ConsoleClient CamundaClient client) {
		this.client = client;
	}

	/**
	 * A gate scan: correlates the message to the instance waiting for it, or to a message
	 * start event, now.
	 * @return the key of the process instance it reached
	 * @throws io.camunda.client.api.command.ProblemException (404) when no instance waits
	 * and no start event takes it
	 */
	public long correlate(String messageName, String correlationKey, Map<String, Object> variables) {
		return this.client.newCorrelateMessageCommand()
			.messageName(messageName)
			.correlationKey(correlationKey)
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey();
	}

	/**
	 * Publishes with a time to live: the message waits that long for an instance to reach
	 * its catch event.
	 */
	public long publish(String messageName, String correlationKey, Map<String, Object> variables, Duration timeToLive) {
		return this.client.newPublishMessageCommand()
			.messageName(messageName)
			.correlationKey(correlationKey)
			.timeToLive(timeToLive)
			.variables(variables)
			.send()
			.join()
			.getMessageKey();
	}

	/**
	 * @return the published message's key
	 */
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

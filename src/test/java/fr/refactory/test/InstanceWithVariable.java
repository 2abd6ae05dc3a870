package fr.refactory.test;

import java.time.Duration;

import io.camunda.client.CamundaClient;
import org.awaitility.Awaitility;

/**
 * Finds the one instance of a process that holds a text variable, for tests that start
 * processes the way the plant does (a published message) and so get no instance key back;
 * other tests may deploy processes started by the same message, hence the process id.
 */
public final class InstanceWithVariable {

	private InstanceWithVariable() {
	}

	/**
	 * The one instance of the process with this variable value created after the instance
	 * key {@code after}.
	 */
	public static long await(CamundaClient client, String variable, String value, String processId, long after,
			Duration atMost) {
		return Awaitility.await()
			.atMost(atMost)
			.until(() -> client.newVariableSearchRequest()
				.filter((filter) -> filter.name(variable).value("\"" + value + "\""))
				.send()
				.join()
				.items()
				.stream()
				.map((found) -> found.getProcessInstanceKey())
				.distinct()
				.filter((key) -> key > after)
				.filter((key) -> processId
					.equals(client.newProcessInstanceGetRequest(key).send().join().getProcessDefinitionId()))
				.toList(), (keys) -> keys.size() == 1)
			.get(0);
	}

}

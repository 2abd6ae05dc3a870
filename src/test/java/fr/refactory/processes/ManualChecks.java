package fr.refactory.processes;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import org.awaitility.Awaitility;

/**
 * The inspector's side of a quality gate: its open manual-check tasks by the check code
 * the control plan (D12) gave each, completed with the results an inspector enters in the
 * form {@code quality-manual-check}. The control plan flags some checks as safety
 * characteristics, so a test names the check it fails instead of taking any task.
 */
final class ManualChecks {

	static final Map<String, Object> OK = Map.of("checkResult", "OK");

	private ManualChecks() {
	}

	/**
	 * The open manual-check tasks of the gate instance by check code, waiting up to 30 s
	 * for the first.
	 */
	static Map<String, Long> open(CamundaClient client, long gateKey) {
		Map<String, Long> open = new HashMap<>();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(gateKey)
					.elementId("task-perform-manual-check")
					.state(UserTaskState.CREATED))
				.send()
				.join()
				.items(), (tasks) -> !tasks.isEmpty())
			.forEach((task) -> open.put(checkCodeOf(client, task.getUserTaskKey()), task.getUserTaskKey()));
		return open;
	}

	/**
	 * Completes every open manual check: the given results by check code, OK for the
	 * others.
	 */
	static void complete(CamundaClient client, long gateKey, Map<String, Map<String, Object>> results) {
		open(client, gateKey).forEach((code, task) -> client.newCompleteUserTaskCommand(task)
			.variables(results.getOrDefault(code, OK))
			.send()
			.join());
	}

	/** A failed check as the inspector enters it. */
	static Map<String, Object> nok(String severity, String defectCode) {
		return Map.of("checkResult", "NOK", "severity", severity, "defectCode", defectCode, "checkComment",
				"found at the gate");
	}

	private static String checkCodeOf(CamundaClient client, long userTaskKey) {
		return client.newUserTaskVariableSearchRequest(userTaskKey)
			.filter((f) -> f.name("checkCode"))
			.send()
			.join()
			.items()
			.get(0)
			.getValue()
			.replace("\"", "");
	}

}

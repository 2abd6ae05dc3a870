package fr.refactory.console.start;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;

/**
 * The instances a test's run of the demo plant started, found by the demo's subjects and
 * cancelled afterwards: other tests use the same scenario VINs (their callers' children
 * end with them).
 */
public final class DemoPlantInstances {

	private final CamundaClient client;

	private final DemoData plant;

	public DemoPlantInstances(CamundaClient client, DemoData plant) {
		this.client = client;
		this.plant = plant;
	}

	/** The VINs, serials and pack ids of the demo's arrivals and work in progress. */
	public Set<String> subjects() {
		Set<String> subjects = new HashSet<>();
		this.plant.announcements().forEach((announcement) -> subjects.add(announcement.correlationKey()));
		this.plant.workInProgress().forEach((work) -> subjects.add(work.subjectKey()));
		return subjects;
	}

	public void cancelAll() {
		Set<String> subjects = subjects();
		for (String processId : this.plant.requiredProcesses()) {
			this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
				.page((p) -> p.limit(500))
				.send()
				.join()
				.items()
				.stream()
				.filter((instance) -> instance.getParentProcessInstanceKey() == null)
				.filter((instance) -> subjects.contains(subjectOf(instance.getProcessInstanceKey(), subjects)))
				.forEach((instance) -> cancel(instance.getProcessInstanceKey()));
		}
	}

	private String subjectOf(long instanceKey, Set<String> subjects) {
		Map<String, String> variables = this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(instanceKey).scopeKey(instanceKey))
			.page((p) -> p.limit(500))
			.send()
			.join()
			.items()
			.stream()
			.collect(Collectors.toMap((v) -> v.getName(), (v) -> v.getValue().replace("\"", ""), (a, b) -> a));
		return Stream.of("subjectKey", "batteryId", "coreSerial", "vin")
			.map(variables::get)
			.filter((value) -> value != null && subjects.contains(value))
			.findFirst()
			.orElse("");
	}

	private void cancel(long instanceKey) {
		try {
			this.client.newCancelInstanceCommand(instanceKey).send().join();
		}
		catch (RuntimeException ex) {
			// already ended meanwhile
		}
	}

}

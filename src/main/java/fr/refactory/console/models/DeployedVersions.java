package fr.refactory.console.models;

import java.util.List;
import java.util.stream.Stream;

import io.camunda.client.api.response.DeploymentEvent;

/**
 * "vehicle-intake v2", "intake-route v1", ... for what one deployment created or found
 * unchanged.
 */
final class DeployedVersions {

	private DeployedVersions() {
	}

	static List<String> of(DeploymentEvent deployment) {
		return Stream
			.of(deployment.getProcesses().stream().map((p) -> p.getBpmnProcessId() + " v" + p.getVersion()),
					deployment.getDecisions().stream().map((d) -> d.getDmnDecisionId() + " v" + d.getVersion()),
					deployment.getForm().stream().map((f) -> f.getFormId() + " v" + f.getVersion()))
			.flatMap((stream) -> stream)
			.toList();
	}

}

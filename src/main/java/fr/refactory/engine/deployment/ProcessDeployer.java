package fr.refactory.engine.deployment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.model.StartFormLink;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.DefinitionStore.ProcessDefinitionRow;
import fr.refactory.engine.state.KeyGenerator;
import fr.refactory.engine.timer.TimerStartEvents;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;

import org.springframework.stereotype.Component;

/** Stores the processes of one BPMN resource, one new version per changed process. */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessDeployer {

	private static final String TENANT = "<default>";

	private final DefinitionStore store;

	private final KeyGenerator keys;

	private final Clock clock;

	private final TimerStartEvents timerStartEvents;

	ProcessDeployer(DefinitionStore store, KeyGenerator keys, Clock clock, TimerStartEvents timerStartEvents) {
		this.store = store;
		this.keys = keys;
		this.clock = clock;
		this.timerStartEvents = timerStartEvents;
	}

	void lockDeployments() {
		this.store.lockDeployments();
	}

	public boolean decisionExists(String decisionId) {
		return this.store.decisionExists(decisionId);
	}

	public List<DeploymentResult.Entry> deploy(Resource resource, BpmnModelInstance model, long deploymentKey) {
		List<ExecutableProcess> processes = new BpmnTransformer(resource.name(), (id) -> true).transform(model);
		String checksum = Checksums.sha256(resource.content());
		List<DeploymentResult.Entry> entries = new ArrayList<>();
		for (ExecutableProcess process : processes) {
			Process bpmnProcess = model.getModelElementById(process.processId());
			ProcessDefinitionRow row = deployOne(resource, process, versionTag(bpmnProcess),
					StartFormLink.of(bpmnProcess).isPresent(), checksum, deploymentKey);
			entries.add(new DeploymentResult.Entry(new DeploymentResult.ProcessDefinition(row.processId(),
					row.version(), row.resourceName(), TENANT, String.valueOf(row.key())), null, null, null));
		}
		return entries;
	}

	private static String versionTag(Process process) {
		ZeebeVersionTag tag = process.getSingleExtensionElement(ZeebeVersionTag.class);
		return tag == null || tag.getValue() == null || tag.getValue().isBlank() ? null : tag.getValue();
	}

	private ProcessDefinitionRow deployOne(Resource resource, ExecutableProcess process, String versionTag,
			boolean hasStartForm, String checksum, long deploymentKey) {
		Optional<ProcessDefinitionRow> latest = this.store.latestProcess(process.processId());
		if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
			return latest.get();
		}
		int version = Math.max(latest.map(ProcessDefinitionRow::version).orElse(0),
				this.store.highestDeletedVersion(DeletedVersions.PROCESS, process.processId())) + 1;
		ProcessDefinitionRow row = new ProcessDefinitionRow(this.keys.nextKey(), process.processId(), version,
				process.name(), versionTag, resource.name(), checksum);
		this.store.insertProcess(row, new String(resource.content(), StandardCharsets.UTF_8), hasStartForm,
				deploymentKey, this.clock.instant());
		ExecutableProcess executable = process.deployedAs(row.key(), version);
		this.store.remember(executable);
		try {
			this.timerStartEvents.deployed(executable);
		}
		catch (ElementFailure | ExpressionFailure failure) {
			throw new DeploymentRejected("Expected to deploy resource '" + resource.name()
					+ "', but its timer start event cannot be scheduled: " + failure.getMessage());
		}
		return row;
	}

}

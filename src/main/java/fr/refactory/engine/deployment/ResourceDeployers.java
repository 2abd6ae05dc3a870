package fr.refactory.engine.deployment;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.stereotype.Component;

/** The per-kind deployers, grouped so the {@code Deployments} façade stays small. */
@Component
@ConditionalOnEmbeddedEngine
public class ResourceDeployers {

	private final ProcessDeployer processes;

	private final DecisionDeployer decisions;

	private final FormDeployer forms;

	ResourceDeployers(ProcessDeployer processes, DecisionDeployer decisions, FormDeployer forms) {
		this.processes = processes;
		this.decisions = decisions;
		this.forms = forms;
	}

	/**
	 * Deployments run one at a time (versions are computed from the latest stored one).
	 */
	public void serialize() {
		this.processes.lockDeployments();
	}

	public ProcessDeployer processes() {
		return this.processes;
	}

	public DecisionDeployer decisions() {
		return this.decisions;
	}

	public FormDeployer forms() {
		return this.forms;
	}

}

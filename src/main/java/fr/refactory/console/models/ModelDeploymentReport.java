package fr.refactory.console.models;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * What the start-up deployment of the application's models did, file by file, for the
 * models page and the log.
 */
@Component
public class ModelDeploymentReport {

	private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

	private final java.util.Set<String> formIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private volatile boolean startUpDeploymentDone;

	void startUpDeploymentDone() {
		this.startUpDeploymentDone = true;
	}

	/**
	 * Whether the application's models were all offered to the engine at start-up (some
	 * may have been rejected).
	 */
	public boolean isStartUpDeploymentDone() {
		return this.startUpDeploymentDone;
	}

	/**
	 * The client has no form search: the application remembers which form ids it
	 * deployed.
	 */
	void formsDeployed(java.util.Collection<String> ids) {
		this.formIds.addAll(ids);
	}

	public boolean isFormDeployed(String formId) {
		return this.formIds.contains(formId);
	}

	void record(Outcome outcome) {
		this.outcomes.removeIf((existing) -> existing.resource().equals(outcome.resource()));
		this.outcomes.add(outcome);
	}

	public List<Outcome> outcomes() {
		return List.copyOf(this.outcomes);
	}

	public List<Outcome> rejected() {
		return this.outcomes.stream().filter((outcome) -> !outcome.deployed()).toList();
	}

	/**
	 * @param resource file name, e.g. {@code vehicle-intake.bpmn}
	 * @param deployed whether the engine accepted it
	 * @param detail the deployed ids and versions, or the engine's reason for rejecting
	 * it
	 */
	public record Outcome(String resource, boolean deployed, String detail) {
	}

}

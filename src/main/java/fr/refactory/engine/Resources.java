package fr.refactory.engine;

import java.time.Clock;

import fr.refactory.engine.deployment.DeletedVersions;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.state.DecisionStore;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.DefinitionStore.ResourceVersion;
import fr.refactory.engine.state.IncidentStore;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.MessageStore;
import fr.refactory.engine.state.MessageSubscriptionStore;
import fr.refactory.engine.state.MultiInstanceStore;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.SignalSubscriptionStore;
import fr.refactory.engine.state.TimerStore;
import fr.refactory.engine.state.UserTaskStore;
import fr.refactory.engine.state.VariableStore;
import fr.refactory.engine.timer.TimerStartEvents;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /v2/resources/{key}/deletion}: deletes one deployed process definition,
 * decision requirements graph (with its decisions) or form, with Camunda 8.8 semantics
 * (docs/decisions/0251):
 * <ul>
 * <li>a process definition with an active instance is not deleted (409); otherwise its
 * finished instances and their history go with it;</li>
 * <li>a deleted version number is never reused by a later deployment of the same id;</li>
 * <li>deleting the latest version of a process makes the previous version the latest: its
 * timer start events are scheduled again, and its message and signal start events apply
 * (they are always read from the latest version); the deleted version's start timers are
 * removed.</li>
 * </ul>
 */
@Component
@ConditionalOnEmbeddedEngine
public class Resources {

	private final DefinitionStore definitions;

	private final DecisionStore decisions;

	private final Stores stores;

	private final TimerStartEvents timerStartEvents;

	private final Clock clock;

	Resources(DefinitionStore definitions, DecisionStore decisions, Stores stores, TimerStartEvents timerStartEvents,
			Clock clock) {
		this.definitions = definitions;
		this.decisions = decisions;
		this.stores = stores;
		this.timerStartEvents = timerStartEvents;
		this.clock = clock;
	}

	@Transactional
	public void delete(long key) {
		// same lock as deployments, so a deletion and a deployment of the same id never
		// interleave
		this.definitions.lockDeployments();
		if (deleteProcess(key) || deleteDecisionRequirements(key) || deleteForm(key)) {
			return;
		}
		throw Rejection.notFound("Expected to delete a process definition, decision requirements or form with key '"
				+ key + "', but no such resource exists");
	}

	private boolean deleteProcess(long key) {
		ResourceVersion process = this.definitions.lockProcess(key).orElse(null);
		if (process == null) {
			return false;
		}
		int active = this.definitions.activeInstances(key);
		if (active > 0) {
			throw Rejection.invalidState("Expected to delete process definition '" + process.id() + "' version "
					+ process.version() + " (key '" + key + "'), but it has " + active + " active process instance(s);"
					+ " cancel or complete them first");
		}
		this.stores.definitionDeleted(key);
		this.definitions.versionDeleted(DeletedVersions.PROCESS, process, this.clock.instant());
		reactivatePreviousVersion(process.id(), process.version());
		return true;
	}

	/**
	 * The deleted version was the latest: the highest remaining version becomes the
	 * latest, timers included.
	 */
	private void reactivatePreviousVersion(String processId, int deletedVersion) {
		this.definitions.latestProcess(processId).ifPresent((latest) -> {
			if (latest.version() < deletedVersion) {
				try {
					this.timerStartEvents.deployed(this.definitions.executable(latest.key()));
				}
				catch (ElementFailure | ExpressionFailure failure) {
					throw Rejection.invalidState("Expected to make version " + latest.version() + " of process '"
							+ processId + "' the latest again, but its timer start event cannot be scheduled: "
							+ failure.getMessage());
				}
			}
		});
	}

	private boolean deleteDecisionRequirements(long key) {
		ResourceVersion requirements = this.decisions.lockRequirements(key).orElse(null);
		if (requirements == null) {
			return false;
		}
		for (DecisionStore.DecisionVersion decision : this.decisions.decisionVersions(key)) {
			this.decisions.decisionInstancesDeleted(decision.key());
			this.definitions.versionDeleted(DeletedVersions.DECISION,
					new ResourceVersion(decision.decisionId(), decision.version()), this.clock.instant());
		}
		this.decisions.requirementsDeleted(key);
		this.definitions.versionDeleted(DeletedVersions.DECISION_REQUIREMENTS, requirements, this.clock.instant());
		return true;
	}

	private boolean deleteForm(long key) {
		ResourceVersion form = this.definitions.lockForm(key).orElse(null);
		if (form == null) {
			return false;
		}
		this.definitions.formDeleted(key);
		this.definitions.versionDeleted(DeletedVersions.FORM, form, this.clock.instant());
		return true;
	}

	/**
	 * The stores a process definition's deletion empties, called in a fixed order: the
	 * first deletions find their rows through the definition's element and process
	 * instances, which go afterwards.
	 */
	@Component
	@ConditionalOnEmbeddedEngine
	record Stores(VariableStore variables, MessageStore messages, RuntimeStore runtime,
			MultiInstanceStore multiInstances, IncidentStore incidents, UserTaskStore userTasks,
			MessageSubscriptionStore messageSubscriptions, SignalSubscriptionStore signalSubscriptions,
			TimerStore timers, DecisionStore decisions, DefinitionStore definitions, JobStore jobs) {

		void definitionDeleted(long key) {
			this.variables.definitionDeleted(key);
			this.messages.definitionDeleted(key);
			this.runtime.definitionJoinTokensDeleted(key);
			this.multiInstances.definitionDeleted(key);
			this.runtime.definitionElementsDeleted(key);
			this.incidents.definitionDeleted(key);
			this.userTasks.definitionDeleted(key);
			this.messageSubscriptions.definitionDeleted(key);
			this.signalSubscriptions.definitionDeleted(key);
			this.timers.definitionDeleted(key);
			this.decisions.processDefinitionDeleted(key);
			this.runtime.definitionInstancesDeleted(key);
			this.definitions.processDeleted(key);
			this.jobs.definitionDeleted(key);
		}

	}

}

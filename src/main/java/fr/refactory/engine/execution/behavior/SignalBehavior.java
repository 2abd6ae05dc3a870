package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.model.SignalDefinition;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.SignalSubscriptionStore;
import fr.refactory.engine.state.SignalSubscriptionStore.SignalSubscription;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Signal subscriptions and broadcasts. A subscription is opened for a waiting element
 * instance (a signal catch event, or the activity a signal boundary event is attached to;
 * the name is evaluated then) and deleted when that instance is left. A broadcast
 * triggers every subscription open at that moment through {@link CatchEvents} and starts
 * one instance of the latest version of every process with a matching signal start event.
 * Signals are never buffered.
 */
@Component
@ConditionalOnEmbeddedEngine
public class SignalBehavior {

	private final SignalSubscriptionStore subscriptions;

	/**
	 * Looked up when a signal occurs: catch events need the executor, whose processors
	 * need this bean.
	 */
	private final ObjectProvider<CatchEvents> catchEvents;

	SignalBehavior(SignalSubscriptionStore subscriptions, ObjectProvider<CatchEvents> catchEvents) {
		this.subscriptions = subscriptions;
		this.catchEvents = catchEvents;
	}

	public void check(ElementContext owner, ExecutableElement event) {
		nameOf(owner, event);
	}

	public void open(ElementContext owner, ExecutableElement event) {
		String name = nameOf(owner, event);
		ElementInstance instance = owner.instance();
		this.subscriptions.created(instance, event.id(), name, owner.executor().store().now());
	}

	private static String nameOf(ElementContext owner, ExecutableElement event) {
		return FeelExpressions.evaluateString(((SignalDefinition) event.eventDefinition()).name(), owner.variables());
	}

	public void close(ElementContext owner, String elementId) {
		this.subscriptions.deleted(owner.instance().key(), elementId);
	}

	public void close(ElementContext owner) {
		this.subscriptions.deleted(owner.instance().key());
	}

	/**
	 * Triggers the subscriptions open now (not those the triggering opens), then the
	 * signal start events.
	 */
	public void broadcast(ProcessExecutor executor, String name, Map<String, Object> variables) {
		// instances are locked in root key order, so that two broadcasts never wait for
		// each other's locks
		for (SignalSubscription subscription : this.subscriptions.openFor(name)) {
			trigger(executor, subscription, variables);
		}
		for (ExecutableProcess process : processesStartedBy(executor, name)) {
			Execution execution = executor.begin();
			long instanceKey = executor.startProcessInstance(execution, process, variables, null);
			execution.startAt(instanceKey, startEventFor(process, name).id());
			executor.drain(execution);
		}
	}

	private void trigger(ProcessExecutor executor, SignalSubscription subscription, Map<String, Object> variables) {
		executor.store().lockRoot(subscription.processInstanceKey());
		boolean stillOpen = this.subscriptions.isOpen(subscription.subscriptionKey());
		ElementInstance owner = executor.store().elementInstance(subscription.elementInstanceKey()).orElse(null);
		if (!stillOpen || owner == null || !owner.isActive()) {
			return;
		}
		Execution execution = executor.begin();
		this.catchEvents.getObject().occurred(executor.context(execution, owner), subscription.elementId(), variables);
		executor.drain(execution);
	}

	private static List<ExecutableProcess> processesStartedBy(ProcessExecutor executor, String name) {
		return executor.definitions()
			.latestExecutables()
			.stream()
			.filter((process) -> startEventFor(process, name) != null)
			.toList();
	}

	private static ExecutableElement startEventFor(ExecutableProcess process, String name) {
		for (ExecutableElement start : process.signalStartEvents()) {
			SignalDefinition signal = (SignalDefinition) start.eventDefinition();
			if (name.equals(FeelExpressions.evaluateString(signal.name(), Map.of()))) {
				return start;
			}
		}
		return null;
	}

}

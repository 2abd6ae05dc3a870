package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * Boundary events of tasks, subprocesses and call activities. Their subscriptions (one
 * {@link CatchEventSubscription} per kind of event) open when the activity has activated
 * and close when it completes or is terminated. When one occurs, an interrupting boundary
 * event terminates the activity and everything inside it, a non-interrupting one leaves
 * it running; either way a boundary event instance is created beside the activity and
 * takes its outgoing flows. Error boundary events open nothing:
 * {@link ErrorCatchResolver} finds them when an error is thrown.
 */
@Component
@ConditionalOnEmbeddedEngine
public class BoundaryEvents {

	private final CatchEventSubscriptions subscriptions;

	BoundaryEvents(CatchEventSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	public boolean hasAny(ElementContext activity) {
		return !activity.process().boundaryEventsOf(activity.element().id(), activity.instance().type()).isEmpty();
	}

	/** Fails as {@link #open} would, before the activity does anything. */
	public void check(ElementContext activity) {
		for (ExecutableElement event : activity.process()
			.boundaryEventsOf(activity.element().id(), activity.instance().type())) {
			this.subscriptions.check(activity, event);
		}
	}

	/**
	 * Opens the subscriptions of the activity's boundary events (again after an incident:
	 * closes old ones first).
	 */
	public void open(ElementContext activity) {
		List<ExecutableElement> events = activity.process()
			.boundaryEventsOf(activity.element().id(), activity.instance().type());
		if (events.isEmpty()) {
			return;
		}
		this.subscriptions.closeAll(activity);
		for (ExecutableElement event : events) {
			Optional<Map<String, Object>> occurred = this.subscriptions.open(activity, event);
			if (occurred.isPresent()) {
				trigger(activity, event, occurred.get());
				if (event.boundary().interrupting()) {
					return;
				}
			}
		}
	}

	public void close(ElementContext activity) {
		if (hasAny(activity)) {
			this.subscriptions.closeAll(activity);
		}
	}

	/**
	 * The boundary event occurred on the (active) activity: interrupt it if the event is
	 * interrupting, then activate the event in the activity's flow scope with the event's
	 * variables (once the activity is terminated, when its termination waits for
	 * canceling listeners).
	 */
	public void trigger(ElementContext activity, ExecutableElement event, Map<String, Object> variables) {
		ProcessExecutor executor = activity.executor();
		Execution execution = activity.execution();
		ElementInstance host = activity.instance();
		boolean terminated = !event.boundary().interrupting() || executor.terminate(execution, host);
		ElementContext boundary = executor.createWithVariables(execution, activity.process(), host.processInstanceKey(),
				host.flowScopeKey(), event, variables);
		if (terminated) {
			executor.queueActivate(execution, boundary.instance().key());
		}
		else {
			executor.activateAfterTermination(boundary.instance().key(), host.key());
		}
	}

}

package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutionListener;
import fr.refactory.engine.model.ExecutionListener.EventType;
import fr.refactory.engine.model.JobDefinition;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * Execution listeners (Camunda 8.8): the start listeners of an element run as jobs, one
 * after the other, after its input mappings and before its own work; its end listeners
 * after its output mappings and before it leaves. A start listener's variables become
 * local variables of the element; an end listener's propagate from the element's flow
 * scope, like output mappings.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ExecutionListenerBehavior {

	public static final String KIND = "EXECUTION_LISTENER";

	private final JobBehavior jobs;

	private final VariableStore variables;

	ExecutionListenerBehavior(JobBehavior jobs, VariableStore variables) {
		this.jobs = jobs;
		this.variables = variables;
	}

	/**
	 * Creates the job of the element's first listener of the event type.
	 * @return whether a listener runs (the element waits for it)
	 */
	public boolean runFirst(ElementContext context, EventType eventType) {
		return runFrom(context, eventType, 0);
	}

	/**
	 * The listener at {@code index} completed with these variables: they are applied and
	 * the next listener's job is created.
	 * @return whether another listener runs (else the element continues)
	 */
	public boolean completed(ElementContext context, EventType eventType, int index, Map<String, Object> values) {
		apply(context, eventType, values);
		return runFrom(context, eventType, index + 1);
	}

	private boolean runFrom(ElementContext context, EventType eventType, int index) {
		List<ExecutionListener> listeners = listenersOf(context, eventType);
		if (index >= listeners.size()) {
			return false;
		}
		ExecutionListener listener = listeners.get(index);
		try {
			this.jobs.createJob(context, new JobDefinition(listener.type(), listener.retries(), Map.of()),
					new JobStore.Listener(KIND, eventType.name(), index));
		}
		catch (ExpressionFailure failure) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", failure.getMessage());
		}
		return true;
	}

	/**
	 * The inner instances of a multi-instance activity have none: its listeners belong to
	 * the body (ADR 0285).
	 */
	private static List<ExecutionListener> listenersOf(ElementContext context, EventType eventType) {
		ExecutableElement element = context.element();
		if (element.id().equals(element.flowScopeId())) {
			return List.of();
		}
		return context.process().listeners().execution(element.id(), eventType);
	}

	private void apply(ElementContext context, EventType eventType, Map<String, Object> values) {
		if (values == null || values.isEmpty()) {
			return;
		}
		ElementInstance instance = context.instance();
		if (eventType == EventType.START) {
			values.forEach((name, value) -> this.variables.setLocal(instance.key(), instance.processInstanceKey(), name,
					value));
		}
		else {
			long scope = instance.flowScopeKey() == null ? instance.key() : instance.flowScopeKey();
			this.variables.propagate(scope, instance.processInstanceKey(), values);
		}
	}

	/** The element is terminated: its pending listener job is canceled. */
	public void cancel(long elementInstanceKey) {
		this.jobs.cancelJobs(elementInstanceKey);
	}

}

package fr.refactory.engine.execution.behavior;

import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.model.JobDefinition;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.state.JobStore;

import org.springframework.stereotype.Component;

/**
 * User-task listeners (Camunda 8.8): the listeners of a lifecycle event run as
 * TASK_LISTENER jobs, one after the other, carrying the task's headers; the task's
 * transition waits for them.
 */
@Component
@ConditionalOnEmbeddedEngine
public class TaskListenerBehavior {

	public static final String KIND = "TASK_LISTENER";

	/**
	 * The retry phase of an incident raised while creating a task listener's job: all its
	 * listeners run again.
	 */
	public static final String RETRY_PHASE = "TASK_LISTENERS";

	private final JobBehavior jobs;

	private final IncidentBehavior incidents;

	TaskListenerBehavior(JobBehavior jobs, IncidentBehavior incidents) {
		this.jobs = jobs;
		this.incidents = incidents;
	}

	/** Whether the task has listeners of the event type. */
	public boolean any(ElementContext context, String eventType) {
		return !context.process().listeners().task(context.element().id(), eventType).isEmpty();
	}

	/**
	 * {@link #run}, a failed type or retries expression becoming an incident on the
	 * task's element whose resolution runs all listeners of the event again.
	 * @return whether the transition waits (a listener's job or an incident), else it
	 * goes through
	 */
	public boolean runOrRaiseIncident(ElementContext context, String eventType, int index) {
		try {
			return run(context, eventType, index);
		}
		catch (ElementFailure failure) {
			this.incidents.create(context.instance(), failure.errorType(), failure.getMessage(), RETRY_PHASE, null);
			return true;
		}
	}

	/**
	 * Creates the job of the task's listener at {@code index} of the event type.
	 * @return whether a listener runs (else the transition goes through)
	 */
	public boolean run(ElementContext context, String eventType, int index) {
		List<TaskListener> listeners = context.process().listeners().task(context.element().id(), eventType);
		if (index >= listeners.size()) {
			return false;
		}
		TaskListener listener = listeners.get(index);
		try {
			this.jobs.createJob(context,
					new JobDefinition(listener.type(), listener.retries(), context.element().userTask().headers()),
					new JobStore.Listener(KIND, eventType, index));
		}
		catch (ExpressionFailure failure) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", failure.getMessage());
		}
		return true;
	}

}

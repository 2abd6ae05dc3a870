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
 * User-task listeners (Camunda 8.8): the listeners of a lifecycle event run as TASK_LISTENER jobs, one after the
 * other, carrying the task's headers; the task's transition waits for them.
 */
@Component
@ConditionalOnEmbeddedEngine
public class TaskListenerBehavior {

	public static final String KIND = "TASK_LISTENER";

	private final JobBehavior jobs;

	TaskListenerBehavior(JobBehavior jobs) {
		this.jobs = jobs;
	}

	/**
	 * Creates the job of the task's listener at {@code index} of the event type.
	 *
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

package fr.refactory.engine.execution.processor;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.behavior.UserTaskBehavior;

import org.springframework.stereotype.Component;

/** Camunda user task: waits until the task is completed through the user-task API. */
@Component
@ConditionalOnEmbeddedEngine
public class UserTaskProcessor implements ElementProcessor {

	private final UserTaskBehavior userTasks;

	UserTaskProcessor(UserTaskBehavior userTasks) {
		this.userTasks = userTasks;
	}

	@Override
	public void onActivate(ElementContext context) {
		this.userTasks.create(context);
	}

	@Override
	public boolean onTerminating(ElementContext context) {
		return this.userTasks.startCanceling(context);
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.userTasks.cancel(context.instance().key());
	}

}

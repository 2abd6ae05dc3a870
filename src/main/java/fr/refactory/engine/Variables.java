package fr.refactory.engine;

import java.util.Map;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets variables on an element-instance scope ({@code local}: exactly there; otherwise
 * propagated).
 */
@Component
@ConditionalOnEmbeddedEngine
public class Variables {

	private final ProcessExecutor executor;

	private final UserTasks userTasks;

	Variables(ProcessExecutor executor, UserTasks userTasks) {
		this.executor = executor;
		this.userTasks = userTasks;
	}

	/**
	 * Whether the scope is a user task with updating listeners, which Camunda 8.8 runs
	 * for its variable updates.
	 */
	private boolean isAUserTaskWithUpdatingListeners(ElementInstance scope) {
		ElementContext context = this.executor.context(this.executor.begin(), scope);
		return !context.process().listeners().task(scope.elementId(), TaskListener.UPDATING).isEmpty();
	}

	@Transactional
	public void set(long elementInstanceKey, Map<String, Object> variables, boolean local) {
		if (variables == null) {
			throw Rejection.invalidArgument("Expected variables to be a JSON object, but got none");
		}
		ElementInstance scope = this.executor.store()
			.elementInstance(elementInstanceKey)
			.orElseThrow(() -> Rejection.notFound("Expected to update variables for element with key '"
					+ elementInstanceKey + "', but no such element was found"));
		this.executor.store().lockRoot(scope.processInstanceKey());
		if (!scope.isActive()) {
			throw Rejection.notFound("Expected to update variables for element with key '" + elementInstanceKey
					+ "', but it is no longer active");
		}
		if (isAUserTaskWithUpdatingListeners(scope)) {
			updateTaskVariables(scope, variables, local);
			return;
		}
		if (local) {
			variables.forEach((name, value) -> this.executor.variables()
				.setLocal(scope.key(), scope.processInstanceKey(), name, value));
		}
		else {
			this.executor.variables().propagate(scope.key(), scope.processInstanceKey(), variables);
		}
	}

	/**
	 * Task-local variables go through the task's updating listeners (the task is UPDATING
	 * until they ran, a denial discards them); propagated ones are refused, as Camunda
	 * 8.8 does (ADR 1601).
	 */
	private void updateTaskVariables(ElementInstance scope, Map<String, Object> variables, boolean local) {
		if (!local) {
			throw Rejection.invalidState("Expected to update variables for element with key '" + scope.key()
					+ "', but it is a user task with updating task listeners, which take task-local variables only;"
					+ " set local to true");
		}
		this.userTasks.updateVariables(scope.key(), variables);
	}

}

package fr.refactory.engine;

import java.util.Map;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sets variables on an element-instance scope ({@code local}: exactly there; otherwise propagated). */
@Component
@ConditionalOnEmbeddedEngine
public class Variables {

	private final ProcessExecutor executor;

	Variables(ProcessExecutor executor) {
		this.executor = executor;
	}

	/**
	 * Camunda 8.8 runs a user task's updating listeners when variables are set on it; the engine runs them for the
	 * update command only, so such a variable update is refused rather than applied without them (ADR 0288).
	 */
	private void rejectOnAUserTaskWithUpdatingListeners(ElementInstance scope) {
		ElementContext context = this.executor.context(this.executor.begin(), scope);
		if (!context.process().listeners().task(scope.elementId(), TaskListener.UPDATING).isEmpty()) {
			throw Rejection.invalidState("Expected to update variables for element with key '" + scope.key()
					+ "', but it is a user task with updating task listeners, which the embedded engine runs only for"
					+ " the user-task update command");
		}
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
		rejectOnAUserTaskWithUpdatingListeners(scope);
		if (local) {
			variables.forEach((name, value) -> this.executor.variables()
				.setLocal(scope.key(), scope.processInstanceKey(), name, value));
		}
		else {
			this.executor.variables().propagate(scope.key(), scope.processInstanceKey(), variables);
		}
	}

}

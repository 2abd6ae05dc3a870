package fr.refactory.engine;

import java.util.Map;

import fr.refactory.engine.execution.ProcessExecutor;
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
		if (local) {
			variables.forEach((name, value) -> this.executor.variables()
				.setLocal(scope.key(), scope.processInstanceKey(), name, value));
		}
		else {
			this.executor.variables().propagate(scope.key(), scope.processInstanceKey(), variables);
		}
	}

}

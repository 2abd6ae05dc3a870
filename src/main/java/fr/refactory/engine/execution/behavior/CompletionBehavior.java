package fr.refactory.engine.execution.behavior;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;

import org.springframework.stereotype.Component;

/**
 * The work of a wait state is done, by a worker completing the element's job or by a
 * person completing its user task (Camunda 8 treats both alike): the command's variables
 * merge into the element's scopes, the element completes, and everything that follows
 * runs in the command's transaction until every token waits again.
 */
@Component
@ConditionalOnEmbeddedEngine
public class CompletionBehavior {

	private final VariableBehavior variables;

	CompletionBehavior(VariableBehavior variables) {
		this.variables = variables;
	}

	public void complete(ElementContext context, Map<String, Object> variables) {
		this.variables.mergeCompletionVariables(context, variables);
		context.complete();
		context.executor().drain(context.execution());
	}

}

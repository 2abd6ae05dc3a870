package fr.refactory.engine.execution.processor;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.ErrorEvents;
import fr.refactory.engine.execution.behavior.ThrowEventBehavior;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.ErrorDefinition;
import fr.refactory.engine.model.TerminateDefinition;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * End events. A none end event completes, a signal end event broadcasts its signal and
 * completes; its scope completes once idle. An error end event throws its error (code
 * evaluated now) to the nearest catching scope, or raises an
 * {@code UNHANDLED_ERROR_EVENT} incident. A terminate end event completes, terminates
 * everything else in its flow scope, and the scope then completes.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EndEventProcessor implements ElementProcessor {

	private final ErrorEvents errors;

	private final ThrowEventBehavior throwEvents;

	EndEventProcessor(ErrorEvents errors, ThrowEventBehavior throwEvents) {
		this.errors = errors;
		this.throwEvents = throwEvents;
	}

	@Override
	public void onActivate(ElementContext context) {
		if (context.element().eventDefinition() instanceof ErrorDefinition error) {
			throwError(context, error);
		}
		else if (context.element().eventDefinition() instanceof TerminateDefinition) {
			terminateScope(context);
		}
		else if (this.throwEvents.throwEvent(context)) {
			context.complete();
		}
	}

	private void throwError(ElementContext context, ErrorDefinition error) {
		String code = error.catchesAll() ? "" : FeelExpressions.evaluateString(error.errorCode(), context.variables());
		if (!this.errors.throwError(context, code, Map.of())) {
			throw new ElementFailure("UNHANDLED_ERROR_EVENT", ErrorEvents.uncaughtMessage(code, null));
		}
	}

	private static void terminateScope(ElementContext context) {
		ProcessExecutor executor = context.executor();
		Execution execution = context.execution();
		ElementInstance instance = context.instance();
		long scopeKey = instance.flowScopeKey();
		executor.completeWhileActivating(context);
		for (ElementInstance sibling : executor.store().activeChildren(scopeKey)) {
			executor.terminate(execution, sibling);
		}
		executor.store().clearJoinTokens(scopeKey);
		executor.childLeft(execution, scopeKey);
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.throwEvents.terminated(context);
	}

}

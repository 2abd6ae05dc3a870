package fr.refactory.engine.execution.processor;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.CalledElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * Call activity: starts the version of the called process its binding names with the
 * parent's variables (all of them, or only the input mappings), and on its completion
 * merges the child's variables back (all, or only through output mappings).
 */
@Component
@ConditionalOnEmbeddedEngine
public class CallActivityProcessor implements ElementProcessor {

	private final DefinitionStore definitions;

	CallActivityProcessor(DefinitionStore definitions) {
		this.definitions = definitions;
	}

	@Override
	public void onActivate(ElementContext context) {
		CalledElement called = context.element().calledElement();
		String processId = FeelExpressions.evaluateString(called.processId(), context.variables());
		long key = this.definitions.boundProcess(processId, called.binding(), context.instance().processDefinitionKey())
			.orElseThrow(() -> new ElementFailure("CALLED_ELEMENT_ERROR",
					"Expected process with BPMN process id '" + processId + "' and binding type "
							+ called.binding().describe() + " to be deployed, but not found."))
			.key();
		ExecutableProcess process = this.definitions.executable(key);
		ElementInstance instance = context.instance();
		Map<String, Object> variables = called.propagateAllParentVariables() ? context.variables()
				: context.executor().variables().local(instance.key());
		context.executor().startProcessInstance(context.execution(), process, variables, instance);
	}

	void childCompleted(ElementContext context, Map<String, Object> childVariables) {
		ElementInstance instance = context.instance();
		if (context.element().calledElement().propagateAllChildVariables()) {
			context.executor().variables().propagate(instance.key(), instance.processInstanceKey(), childVariables);
		}
		else {
			childVariables.forEach((name, value) -> context.executor()
				.variables()
				.setLocal(instance.key(), instance.processInstanceKey(), name, value));
		}
		context.complete();
	}

	/**
	 * The called process instance is terminated with the call activity; the call
	 * activity's termination waits for it when it waits for canceling listeners.
	 */
	@Override
	public boolean onTerminating(ElementContext context) {
		boolean waits = false;
		for (long child : context.executor().store().activeCalledInstances(context.instance().key())) {
			waits |= !context.executor()
				.terminate(context.execution(), context.executor().store().elementInstance(child).orElseThrow());
		}
		return waits;
	}

}

package fr.refactory.engine.execution.processor;

import java.util.HashMap;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.expression.FeelExpressions;

import org.springframework.stereotype.Component;

/**
 * Script task: a {@code zeebe:script} FEEL expression stored in its result variable, or
 * else a job.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ScriptTaskProcessor implements ElementProcessor {

	private final JobWorkerTaskProcessor jobTask;

	ScriptTaskProcessor(JobWorkerTaskProcessor jobTask) {
		this.jobTask = jobTask;
	}

	@Override
	public void onActivate(ElementContext context) {
		if (context.element().script() == null) {
			this.jobTask.onActivate(context);
			return;
		}
		Object result = FeelExpressions.evaluate(context.element().script(), context.variables());
		Map<String, Object> variables = new HashMap<>();
		variables.put(context.element().resultVariable(), result);
		context.executor().variableBehavior().mergeCompletionVariables(context, variables);
		context.complete();
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.jobTask.onTerminate(context);
	}

}

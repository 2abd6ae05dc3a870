package fr.refactory.engine.execution.behavior;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.job.JobWaiters;
import fr.refactory.engine.model.JobDefinition;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * Creates the job of a job-worker element and cancels it when the element is terminated.
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobBehavior {

	private final JobStore jobs;

	private final RuntimeStore store;

	private final VariableStore variables;

	private final JobWaiters waiters;

	private final JobTraceHeaders traceHeaders;

	JobBehavior(JobStore jobs, RuntimeStore store, VariableStore variables, JobWaiters waiters,
			JobTraceHeaders traceHeaders) {
		this.jobs = jobs;
		this.store = store;
		this.variables = variables;
		this.waiters = waiters;
		this.traceHeaders = traceHeaders;
	}

	public void createJob(ElementContext context, JobDefinition definition) {
		createJob(context, definition, JobStore.Listener.NONE);
	}

	/**
	 * Creates the job of a listener of the element (its type and retries evaluated now,
	 * in the element's scope).
	 */
	public void createJob(ElementContext context, JobDefinition definition, JobStore.Listener listener) {
		boolean needsVariables = !definition.type().isStatic() || !definition.retries().isStatic();
		Map<String, Object> scope = needsVariables ? context.variables() : Map.of();
		String type = FeelExpressions.evaluateString(definition.type(), scope);
		int retries = retries(definition, FeelExpressions.evaluate(definition.retries(), scope));
		this.jobs.created(context.instance(), context.process().version(), type, retries,
				this.variables.write(this.traceHeaders.of(definition.headers())), this.store.now(), listener);
		context.execution().afterCommit(() -> this.waiters.jobsAvailable(type));
	}

	public void cancelJobs(long elementInstanceKey) {
		this.jobs.canceled(elementInstanceKey);
	}

	private static int retries(JobDefinition definition, Object value) {
		try {
			return (value instanceof Number number) ? number.intValue()
					: Integer.parseInt(String.valueOf(value).trim());
		}
		catch (NumberFormatException ex) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", "Expected result of the expression '" + definition.retries()
					+ "' to be a number, but was '" + value + "'");
		}
	}

}

package fr.refactory.engine.execution.behavior;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.CompensationDefinition;
import fr.refactory.engine.model.EscalationDefinition;
import fr.refactory.engine.model.SignalDefinition;

import org.springframework.stereotype.Component;

/**
 * What intermediate throw events and end events throw besides errors and terminate: a
 * message (as in Camunda 8, a job with the event's task definition: a worker sends it,
 * the event completes with the job), a signal, broadcast with the event's local variables
 * (its input mappings), an escalation (code evaluated now) to the nearest catching
 * escalation event, or a compensation (the event waits for the handlers it invokes).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ThrowEventBehavior {

	private final SignalBehavior signals;

	private final EscalationEvents escalations;

	private final JobBehavior jobs;

	private final CompensationBehavior compensations;

	ThrowEventBehavior(SignalBehavior signals, EscalationEvents escalations, JobBehavior jobs,
			CompensationBehavior compensations) {
		this.compensations = compensations;
		this.signals = signals;
		this.escalations = escalations;
		this.jobs = jobs;
	}

	/**
	 * @return true when the thrower completes now, false when it waits for its job or
	 * throwing ended it
	 */
	public boolean throwEvent(ElementContext context) {
		if (context.element().job() != null) {
			this.jobs.createJob(context, context.element().job());
			return false;
		}
		if (context.element().eventDefinition() instanceof SignalDefinition signal) {
			String name = FeelExpressions.evaluateString(signal.name(), context.variables());
			this.signals.broadcast(context.executor(), name,
					context.executor().variables().local(context.instance().key()));
			return context.executor().store().elementInstance(context.instance().key()).orElseThrow().isActive();
		}
		if (context.element().eventDefinition() instanceof EscalationDefinition escalation) {
			String code = FeelExpressions.evaluateString(escalation.code(), context.variables());
			return this.escalations.throwEscalation(context, code);
		}
		if (context.element().eventDefinition() instanceof CompensationDefinition compensation) {
			return this.compensations.throwCompensation(context, compensation);
		}
		return true;
	}

	/** The thrower was terminated: its message job, if any, is cancelled. */
	public void terminated(ElementContext context) {
		if (context.element().job() != null) {
			this.jobs.cancelJobs(context.instance().key());
		}
	}

}

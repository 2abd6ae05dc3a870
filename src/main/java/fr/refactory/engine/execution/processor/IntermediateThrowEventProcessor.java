package fr.refactory.engine.execution.processor;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.ScopeRef;
import fr.refactory.engine.execution.behavior.ThrowEventBehavior;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.LinkDefinition;

import org.springframework.stereotype.Component;

/**
 * Intermediate throw events: none (pass through), signal (broadcast, then continue) and
 * link (continue at the link catch event with the same name in the same scope).
 */
@Component
@ConditionalOnEmbeddedEngine
public class IntermediateThrowEventProcessor implements ElementProcessor {

	private final ThrowEventBehavior throwEvents;

	IntermediateThrowEventProcessor(ThrowEventBehavior throwEvents) {
		this.throwEvents = throwEvents;
	}

	@Override
	public void onActivate(ElementContext context) {
		if (context.element().eventDefinition() instanceof LinkDefinition link) {
			activateLinkCatch(context, link);
			context.complete();
		}
		else if (this.throwEvents.throwEvent(context)) {
			context.complete();
		}
	}

	private static void activateLinkCatch(ElementContext context, LinkDefinition link) {
		ExecutableElement element = context.element();
		ExecutableElement target = context.process().linkCatch(element.flowScopeId(), link.name());
		if (target == null) {
			throw new ElementFailure("UNKNOWN", "Expected a link catch event named '" + link.name()
					+ "' in the scope of '" + element.id() + "', but found none");
		}
		context.executor()
			.createAndActivate(context.execution(), new ScopeRef(context.process(),
					context.instance().processInstanceKey(), context.instance().flowScopeKey()), target);
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.throwEvents.terminated(context);
	}

}

package fr.refactory.engine.execution.processor;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.behavior.ThrowEventBehavior;

import org.springframework.stereotype.Component;

/** Intermediate throw events: none (pass through) and signal (broadcast, then continue). */
@Component
@ConditionalOnEmbeddedEngine
public class IntermediateThrowEventProcessor implements ElementProcessor {

	private final ThrowEventBehavior throwEvents;

	IntermediateThrowEventProcessor(ThrowEventBehavior throwEvents) {
		this.throwEvents = throwEvents;
	}

	@Override
	public void onActivate(ElementContext context) {
		if (this.throwEvents.throwEvent(context)) {
			context.complete();
		}
	}

}

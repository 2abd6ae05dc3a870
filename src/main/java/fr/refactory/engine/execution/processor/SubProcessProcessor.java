package fr.refactory.engine.execution.processor;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;

import org.springframework.stereotype.Component;

/**
 * Embedded subprocess and event subprocess: starts at its start event (the none start
 * event, or the event start of an event subprocess, which has already occurred) and
 * completes when no token is left inside.
 */
@Component
@ConditionalOnEmbeddedEngine
public class SubProcessProcessor implements ElementProcessor {

	@Override
	public void onActivate(ElementContext context) {
		context.activateStartEvent();
	}

	@Override
	public void onChildLeft(ElementContext context) {
		context.complete();
	}

}

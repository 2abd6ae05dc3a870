package fr.refactory.engine.execution.processor;

import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.behavior.CatchEventSubscriptions;
import fr.refactory.engine.model.LinkDefinition;

import org.springframework.stereotype.Component;

/**
 * Intermediate catch events (message, timer, and any kind with a catch-event
 * subscription): wait until the event occurs, then complete with its variables; after an
 * event-based gateway the event has already occurred when it is reached. A link catch
 * event is only activated by its link throw event and passes straight through.
 */
@Component
@ConditionalOnEmbeddedEngine
public class IntermediateCatchEventProcessor implements ElementProcessor {

	private final CatchEventSubscriptions subscriptions;

	IntermediateCatchEventProcessor(CatchEventSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public void onActivate(ElementContext context) {
		if (context.element().eventDefinition() instanceof LinkDefinition) {
			context.complete();
			return;
		}
		Optional<Map<String, Object>> occurred = context.execution()
			.takeEventOccurredAhead(context.instance().flowScopeKey(), context.element().id())
			.or(() -> this.subscriptions.open(context, context.element()));
		occurred.ifPresent((variables) -> {
			context.executor().variableBehavior().mergeCompletionVariables(context, variables);
			context.complete();
		});
	}

	@Override
	public void onComplete(ElementContext context) {
		this.subscriptions.closeAll(context);
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.subscriptions.closeAll(context);
	}

}

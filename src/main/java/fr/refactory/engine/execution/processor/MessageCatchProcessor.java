package fr.refactory.engine.execution.processor;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.behavior.MessageSubscriptionBehavior;

import org.springframework.stereotype.Component;

/** Receive task: waits for a correlated message. */
@Component
@ConditionalOnEmbeddedEngine
public class MessageCatchProcessor implements ElementProcessor {

	private final MessageSubscriptionBehavior subscriptions;

	MessageCatchProcessor(MessageSubscriptionBehavior subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public void onActivate(ElementContext context) {
		this.subscriptions.open(context, context.element()).ifPresent((variables) -> {
			context.executor().variableBehavior().mergeCompletionVariables(context, variables);
			context.complete();
		});
	}

	@Override
	public void onComplete(ElementContext context) {
		this.subscriptions.close(context);
	}

	@Override
	public void onTerminate(ElementContext context) {
		this.subscriptions.close(context);
	}

}

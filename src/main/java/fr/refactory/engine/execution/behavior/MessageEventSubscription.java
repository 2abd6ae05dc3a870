package fr.refactory.engine.execution.behavior;

import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.model.EventDefinition;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.MessageDefinition;

import org.springframework.stereotype.Component;

/**
 * Message catch events and message boundary events wait through a message subscription.
 */
@Component
@ConditionalOnEmbeddedEngine
class MessageEventSubscription implements CatchEventSubscription {

	private final MessageSubscriptionBehavior messages;

	MessageEventSubscription(MessageSubscriptionBehavior messages) {
		this.messages = messages;
	}

	@Override
	public boolean handles(EventDefinition definition) {
		return definition instanceof MessageDefinition;
	}

	@Override
	public void check(ElementContext owner, ExecutableElement event) {
		this.messages.check(owner, event);
	}

	@Override
	public Optional<Map<String, Object>> open(ElementContext owner, ExecutableElement event) {
		return this.messages.open(owner, event);
	}

	@Override
	public void close(ElementContext owner) {
		this.messages.close(owner);
	}

	@Override
	public void close(ElementContext owner, ExecutableElement event) {
		this.messages.close(owner, event.id());
	}

}

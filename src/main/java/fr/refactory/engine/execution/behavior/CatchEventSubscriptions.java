package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.model.ExecutableElement;

import org.springframework.stereotype.Component;

/**
 * Every {@link CatchEventSubscription} bean: opens the one that handles an event's
 * definition, closes them all.
 */
@Component
@ConditionalOnEmbeddedEngine
public class CatchEventSubscriptions {

	private final List<CatchEventSubscription> subscriptions;

	CatchEventSubscriptions(List<CatchEventSubscription> subscriptions) {
		this.subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * Opens the subscription for the event; events nothing waits for (errors: found when
	 * thrown) open nothing.
	 */
	public Optional<Map<String, Object>> open(ElementContext owner, ExecutableElement event) {
		for (CatchEventSubscription subscription : this.subscriptions) {
			if (subscription.handles(event.eventDefinition())) {
				return subscription.open(owner, event);
			}
		}
		return Optional.empty();
	}

	public void check(ElementContext owner, ExecutableElement event) {
		for (CatchEventSubscription subscription : this.subscriptions) {
			if (subscription.handles(event.eventDefinition())) {
				subscription.check(owner, event);
			}
		}
	}

	public void close(ElementContext owner, ExecutableElement event) {
		for (CatchEventSubscription subscription : this.subscriptions) {
			if (subscription.handles(event.eventDefinition())) {
				subscription.close(owner, event);
			}
		}
	}

	public void closeAll(ElementContext owner) {
		this.subscriptions.forEach((subscription) -> subscription.close(owner));
	}

}

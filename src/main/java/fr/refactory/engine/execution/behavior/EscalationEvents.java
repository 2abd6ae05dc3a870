package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.behavior.ErrorCatchResolver.ErrorCatch;
import fr.refactory.engine.model.EscalationDefinition;
import fr.refactory.engine.model.ExecutableElement;

import org.springframework.stereotype.Component;

/**
 * Throws an escalation (intermediate throw or end event): searched like an error, from
 * the thrower up through subprocesses and call activities, in each scope an
 * event-subprocess start or boundary event with the same code wins over a catch-all one
 * (event subprocesses first). Unlike an error, an uncaught escalation is no incident: the
 * thrower continues.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EscalationEvents {

	private final ErrorCatchResolver resolver;

	private final CatchEvents catchEvents;

	EscalationEvents(ErrorCatchResolver resolver, CatchEvents catchEvents) {
		this.resolver = resolver;
		this.catchEvents = catchEvents;
	}

	/**
	 * @return true when the thrower continues: uncaught, or caught without interrupting
	 * it
	 */
	public boolean throwEscalation(ElementContext thrower, String code) {
		Optional<ErrorCatch> caught = this.resolver.resolve(thrower.instance(),
				(process, scope) -> catchIn(this.resolver.catchEventsIn(process, scope), code));
		if (caught.isEmpty()) {
			return true;
		}
		ElementContext scope = thrower.executor().context(thrower.execution(), caught.get().scope());
		this.catchEvents.caught(scope, caught.get().event(), Map.of());
		return thrower.executor().store().elementInstance(thrower.instance().key()).orElseThrow().isActive();
	}

	private static Optional<ExecutableElement> catchIn(List<List<ExecutableElement>> scopeEvents, String code) {
		for (List<ExecutableElement> events : scopeEvents) {
			Optional<ExecutableElement> best = best(events, code);
			if (best.isPresent()) {
				return best;
			}
		}
		return Optional.empty();
	}

	private static Optional<ExecutableElement> best(List<ExecutableElement> events, String code) {
		var candidates = events.stream()
			.filter((event) -> event.eventDefinition() instanceof EscalationDefinition)
			.toList();
		return candidates.stream()
			.filter((event) -> !((EscalationDefinition) event.eventDefinition()).catchesAll()
					&& ((EscalationDefinition) event.eventDefinition()).code().source().equals(code))
			.findFirst()
			.or(() -> candidates.stream()
				.filter((event) -> ((EscalationDefinition) event.eventDefinition()).catchesAll())
				.findFirst());
	}

}

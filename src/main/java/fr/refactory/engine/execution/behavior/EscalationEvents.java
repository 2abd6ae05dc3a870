package fr.refactory.engine.execution.behavior;

import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.behavior.ErrorCatchResolver.ErrorCatch;
import fr.refactory.engine.model.EscalationDefinition;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * Throws an escalation (intermediate throw or end event): searched like an error, from the thrower up through
 * subprocesses and call activities, an escalation boundary event with the same code wins over a catch-all one in each
 * scope. Unlike an error, an uncaught escalation is no incident: the thrower continues.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EscalationEvents {

	private final ErrorCatchResolver resolver;

	private final BoundaryEvents boundaryEvents;

	EscalationEvents(ErrorCatchResolver resolver, BoundaryEvents boundaryEvents) {
		this.resolver = resolver;
		this.boundaryEvents = boundaryEvents;
	}

	/** @return true when the thrower continues: uncaught, or caught without interrupting it */
	public boolean throwEscalation(ElementContext thrower, String code) {
		Optional<ErrorCatch> caught = this.resolver.resolve(thrower.instance(),
				(process, scope) -> catchIn(process, scope, code));
		if (caught.isEmpty()) {
			return true;
		}
		ElementContext scope = thrower.executor().context(thrower.execution(), caught.get().scope());
		this.boundaryEvents.trigger(scope, caught.get().event(), Map.of());
		return thrower.executor().store().elementInstance(thrower.instance().key()).orElseThrow().isActive();
	}

	private static Optional<ExecutableElement> catchIn(ExecutableProcess process, ElementInstance scope, String code) {
		var candidates = process.boundaryEventsOf(scope.elementId(), scope.type())
			.stream()
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

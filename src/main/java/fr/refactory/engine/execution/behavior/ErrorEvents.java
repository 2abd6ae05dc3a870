package fr.refactory.engine.execution.behavior;

import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.behavior.ErrorCatchResolver.ErrorCatch;

import org.springframework.stereotype.Component;

/**
 * Throws a BPMN error (from a job or an error end event): the catching boundary event
 * interrupts its activity (or the catching event subprocess its scope), with the error's
 * variables set on the catch event (from where they propagate, or feed its output
 * mappings).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ErrorEvents {

	private final ErrorCatchResolver resolver;

	private final CatchEvents catchEvents;

	ErrorEvents(ErrorCatchResolver resolver, CatchEvents catchEvents) {
		this.resolver = resolver;
		this.catchEvents = catchEvents;
	}

	/**
	 * @return false when nothing catches the error (the caller raises the incident)
	 */
	public boolean throwError(ElementContext thrower, String errorCode, Map<String, Object> variables) {
		Optional<ErrorCatch> caught = this.resolver.resolve(thrower.instance(), errorCode);
		if (caught.isEmpty()) {
			return false;
		}
		ElementContext scope = thrower.executor().context(thrower.execution(), caught.get().scope());
		this.catchEvents.caught(scope, caught.get().event(), variables == null ? Map.of() : variables);
		return true;
	}

	public static String uncaughtMessage(String errorCode, String errorMessage) {
		return "Expected to throw an error event with the code '" + errorCode + "'"
				+ (errorMessage == null || errorMessage.isBlank() ? "" : " with message '" + errorMessage + "'")
				+ ", but it was not caught. No error events are available in the scope.";
	}

}

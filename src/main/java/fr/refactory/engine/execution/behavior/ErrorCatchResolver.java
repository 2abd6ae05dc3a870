package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.model.ErrorDefinition;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.RuntimeStore;

import org.springframework.stereotype.Component;

/**
 * Finds the catch event of a thrown error, as Camunda 8 does: starting at the element
 * that threw it, each enclosing scope in turn (the element, its subprocesses, the
 * process, then through the call activity into the parent process and upwards). In each
 * scope the error start events of its event subprocesses come first (unless an
 * interrupting event subprocess already runs there), then its error boundary events;
 * within each, an event with the same error code wins over a catch-all event.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ErrorCatchResolver {

	private final RuntimeStore store;

	private final DefinitionStore definitions;

	ErrorCatchResolver(RuntimeStore store, DefinitionStore definitions) {
		this.store = store;
		this.definitions = definitions;
	}

	public Optional<ErrorCatch> resolve(ElementInstance thrower, String errorCode) {
		return resolve(thrower, (process, scope) -> catchIn(process, scope, errorCode));
	}

	/**
	 * The same walk up the scopes for another thrown event (escalations), with its own
	 * catch event per scope.
	 */
	public Optional<ErrorCatch> resolve(ElementInstance thrower, CatchFinder finder) {
		ElementInstance scope = thrower;
		while (scope != null) {
			ExecutableProcess process = this.definitions.executable(scope.processDefinitionKey());
			Optional<ExecutableElement> event = finder.catchIn(process, scope);
			if (event.isPresent()) {
				return Optional.of(new ErrorCatch(scope, event.get()));
			}
			scope = enclosing(scope);
		}
		return Optional.empty();
	}

	/** The catch event for the error in this scope. */
	protected Optional<ExecutableElement> catchIn(ExecutableProcess process, ElementInstance scope, String errorCode) {
		for (List<ExecutableElement> events : catchEventsIn(process, scope)) {
			List<ErrorCandidate> candidates = events.stream()
				.filter((event) -> event.eventDefinition() instanceof ErrorDefinition)
				.map((event) -> new ErrorCandidate(event, (ErrorDefinition) event.eventDefinition()))
				.toList();
			Optional<ExecutableElement> best = best(candidates, errorCode);
			if (best.isPresent()) {
				return best;
			}
		}
		return Optional.empty();
	}

	/**
	 * The events of one scope that may catch a thrown event, in the order they are
	 * searched: the starts of the event subprocesses inside it (none once an interrupting
	 * one runs), then its boundary events.
	 */
	public List<List<ExecutableElement>> catchEventsIn(ExecutableProcess process, ElementInstance scope) {
		List<ExecutableElement> starts = process.eventSubprocessStartsIn(scope.elementId(), scope.type());
		if (!starts.isEmpty() && EventSubprocesses.isInterrupted(process, this.store.activeChildren(scope.key()))) {
			starts = List.of();
		}
		return List.of(starts, process.boundaryEventsOf(scope.elementId(), scope.type()));
	}

	/**
	 * Among catch events of one scope: the one with exactly this code, else a catch-all
	 * one.
	 */
	protected static Optional<ExecutableElement> best(List<ErrorCandidate> candidates, String errorCode) {
		Optional<ExecutableElement> exact = candidates.stream()
			.filter((c) -> !c.definition().catchesAll() && c.definition().errorCode().source().equals(errorCode))
			.map(ErrorCandidate::event)
			.findFirst();
		return exact.or(() -> candidates.stream()
			.filter((c) -> c.definition().catchesAll())
			.map(ErrorCandidate::event)
			.findFirst());
	}

	/** The flow scope, or for a process instance the call activity that created it. */
	private ElementInstance enclosing(ElementInstance scope) {
		Long parent = scope.flowScopeKey() != null ? scope.flowScopeKey()
				: this.store.parentElementInstance(scope.processInstanceKey());
		return parent == null ? null : this.store.elementInstance(parent).orElse(null);
	}

	/** Finds the catch event of a thrown event in one scope. */
	@FunctionalInterface
	public interface CatchFinder {

		Optional<ExecutableElement> catchIn(ExecutableProcess process, ElementInstance scope);

	}

	/** A catch event and its error definition. */
	protected record ErrorCandidate(ExecutableElement event, ErrorDefinition definition) {
	}

	/**
	 * Where the error is caught: the element instance whose boundary (or inner) event
	 * catches it, and that event.
	 */
	public record ErrorCatch(ElementInstance scope, ExecutableElement event) {
	}

}

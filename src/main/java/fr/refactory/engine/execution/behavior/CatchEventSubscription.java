package fr.refactory.engine.execution.behavior;

import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.model.EventDefinition;
import fr.refactory.engine.model.ExecutableElement;

/**
 * How one kind of catch event waits: opened when the waiting element instance activates
 * (an intermediate catch event, or the activity a boundary event is attached to), closed
 * when it ends. When the event occurs later, its trigger (message correlation, due
 * timer...) calls {@link CatchEvents#occurred}. A Spring bean implementing this interface
 * is picked up by {@link CatchEventSubscriptions}: intermediate catch events and boundary
 * events then support that kind.
 */
public interface CatchEventSubscription {

	boolean handles(EventDefinition definition);

	/**
	 * Evaluates what opening will need (names, correlation keys, timer values) and opens
	 * nothing: run before the owner does anything on activation, so that a failing
	 * expression raises its incident while nothing has happened yet.
	 */
	void check(ElementContext owner, ExecutableElement event);

	/**
	 * Starts waiting for {@code event} on behalf of {@code owner}.
	 * @return the event's variables when it already occurred (a buffered message), empty
	 * while it waits
	 */
	Optional<Map<String, Object>> open(ElementContext owner, ExecutableElement event);

	/** Stops waiting for every event of this kind the owner waits for. */
	void close(ElementContext owner);

	/**
	 * Stops waiting for this one event of the owner (an interrupted scope keeps its
	 * boundary events).
	 */
	void close(ElementContext owner, ExecutableElement event);

}

package fr.refactory.engine.state;

import java.time.Instant;

/**
 * An event as the log keeps it: in its position, with the time it happened and who caused
 * it (the user or API client of the command; {@code null} when the engine acted on its
 * own, e.g. a timer of a timer start event).
 *
 * @param variables the variables written, as a JSON object text, or {@code null}
 */
public record LoggedEvent(long position, long key, ValueType valueType, Intent intent, Long processInstanceKey,
		Long elementInstanceKey, String elementId, Instant occurredAt, String actor, String variables) {

}

package fr.refactory.engine.state;

import java.util.Map;

/**
 * One event of a command, as it is appended to the {@link EventLog}.
 *
 * @param key the key of the entity the event is about (element instance, job, user task, variable, incident...)
 * @param variables the variables the event wrote, by name, as JSON text (empty when it wrote none)
 */
public record EngineEvent(long key, ValueType valueType, Intent intent, Long processInstanceKey,
		Long elementInstanceKey, String elementId, Map<String, String> variables) {

	public static EngineEvent of(ElementInstance instance, Intent intent) {
		return new EngineEvent(instance.key(), ValueType.PROCESS_INSTANCE, intent, instance.processInstanceKey(),
				instance.key(), instance.elementId(), Map.of());
	}

	public static EngineEvent about(ElementInstance instance, long key, ValueType valueType, Intent intent) {
		return new EngineEvent(key, valueType, intent, instance.processInstanceKey(), instance.key(),
				instance.elementId(), Map.of());
	}

}

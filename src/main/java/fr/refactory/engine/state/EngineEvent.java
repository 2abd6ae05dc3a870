package fr.refactory.engine.state;

import java.util.Map;

/**
 * One event of a command, as it is appended to the {@link EventLog}.
 *
 * @param key the key of the entity the event is about (element instance, job, user task,
 * variable, incident...)
 * @param variables the variables the event wrote, by name, as JSON text (empty when it
 * wrote none)
 * @param processId the BPMN process id, where the metrics need it (element events); not
 * stored
 * @param type what the metrics count the event by, not stored: the BPMN element type of
 * an element event, the job type of a job event, the error type of an incident event
 * (null otherwise)
 */
public record EngineEvent(long key, ValueType valueType, Intent intent, Long processInstanceKey,
		Long elementInstanceKey, String elementId, Map<String, String> variables, String processId, String type) {

	public EngineEvent(long key, ValueType valueType, Intent intent, Long processInstanceKey, Long elementInstanceKey,
			String elementId, Map<String, String> variables) {
		this(key, valueType, intent, processInstanceKey, elementInstanceKey, elementId, variables, null, null);
	}

	public static EngineEvent of(ElementInstance instance, Intent intent) {
		return new EngineEvent(instance.key(), ValueType.PROCESS_INSTANCE, intent, instance.processInstanceKey(),
				instance.key(), instance.elementId(), Map.of(), instance.processDefinitionId(),
				(instance.type() != null) ? instance.type().name() : null);
	}

	public static EngineEvent about(ElementInstance instance, long key, ValueType valueType, Intent intent) {
		return about(instance, key, valueType, intent, null);
	}

	/**
	 * An event about an entity of the element instance, counted in the metrics by
	 * {@code type}.
	 */
	public static EngineEvent about(ElementInstance instance, long key, ValueType valueType, Intent intent,
			String type) {
		return new EngineEvent(key, valueType, intent, instance.processInstanceKey(), instance.key(),
				instance.elementId(), Map.of(), instance.processDefinitionId(), type);
	}

}

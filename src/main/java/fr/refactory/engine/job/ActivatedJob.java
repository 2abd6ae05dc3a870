package fr.refactory.engine.job;

import java.util.List;
import java.util.Map;

/**
 * {@code ActivatedJobResult} on the wire; {@code userTask} only for a task listener's
 * job.
 */
public record ActivatedJob(String jobKey, String type, String processDefinitionId, int processDefinitionVersion,
		String processDefinitionKey, String processInstanceKey, String elementId, String elementInstanceKey,
		Map<String, String> customHeaders, String worker, int retries, long deadline, Map<String, Object> variables,
		String tenantId, String kind, String listenerEventType, List<String> tags, UserTaskProperties userTask) {

}

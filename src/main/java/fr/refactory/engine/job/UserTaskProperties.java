package fr.refactory.engine.job;

import java.util.List;

/**
 * {@code userTask} of an activated task-listener job (Camunda 8.8
 * {@code UserTaskProperties}): the task as its waiting transition would leave it (the
 * change asked for and the earlier listeners' corrections applied), the attributes that
 * transition changes and the action that asked for it.
 */
public record UserTaskProperties(String action, String assignee, List<String> candidateGroups,
		List<String> candidateUsers, List<String> changedAttributes, String dueDate, String followUpDate,
		String formKey, Integer priority, String userTaskKey) {

}

package fr.refactory.console;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;

import org.springframework.stereotype.Component;

/** Writes what operators do in the console (claim, unclaim, complete, start) to the hash-chained audit log. */
@Component
class ConsoleAudit {

	private final AuditLog auditLog;

	ConsoleAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	void taskClaimed(String user, TaskRow task) {
		record(user, "TASK_CLAIMED", task, Map.of());
	}

	void taskUnclaimed(String user, TaskRow task) {
		record(user, "TASK_UNCLAIMED", task, Map.of());
	}

	void taskCompleted(String user, TaskRow task, Map<String, Object> formSnapshot) {
		record(user, "TASK_COMPLETED", task, Map.of("form", formSnapshot));
	}

	private void record(String user, String action, TaskRow task, Map<String, Object> details) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("taskKey", Long.toString(task.key()));
		data.put("task", task.name());
		data.put("processId", task.processId());
		data.putAll(details);
		String subjectKey = task.subject().isBlank() ? Long.toString(task.processInstanceKey()) : task.subject();
		this.auditLog.append(new AuditEvent(user, action, task.subjectType(), subjectKey, task.processInstanceKey(),
				null, data));
	}

}

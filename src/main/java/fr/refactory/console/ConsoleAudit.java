package fr.refactory.console;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.console.habilitation.ClaimCheck;
import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;

import org.springframework.stereotype.Component;

/**
 * Writes what operators do in the console (claim, unclaim, complete, start) to the
 * hash-chained audit log.
 */
@Component
class ConsoleAudit {

	private final AuditLog auditLog;

	ConsoleAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	/**
	 * Keeps the habilitation symbols the user held at the claim (domain brief §6.3: as
	 * they were, never recomputed).
	 */
	void taskClaimed(String user, TaskRow task, ClaimCheck habilitation) {
		record(user, "TASK_CLAIMED", task, habilitationDetails(habilitation));
	}

	void claimRefused(String user, TaskRow task, ClaimCheck habilitation) {
		Map<String, Object> details = habilitationDetails(habilitation);
		details.put("refusalReason", habilitation.refusalReason());
		record(user, "TASK_CLAIM_REFUSED", task, details);
	}

	void taskUnclaimed(String user, TaskRow task) {
		record(user, "TASK_UNCLAIMED", task, Map.of());
	}

	void taskCompleted(String user, TaskRow task, Map<String, Object> formSnapshot) {
		record(user, "TASK_COMPLETED", task, Map.of("form", formSnapshot));
	}

	private static Map<String, Object> habilitationDetails(ClaimCheck habilitation) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (habilitation.requiredSymbol() != null) {
			details.put("requiredSymbol", habilitation.requiredSymbol());
			details.put("habilitationSymbolsAtTime", habilitation.heldSymbols());
		}
		return details;
	}

	private void record(String user, String action, TaskRow task, Map<String, Object> details) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("taskKey", Long.toString(task.key()));
		data.put("task", task.name());
		data.put("processId", task.processId());
		data.putAll(details);
		String subjectKey = task.subject().isBlank() ? Long.toString(task.processInstanceKey()) : task.subject();
		this.auditLog.append(
				new AuditEvent(user, action, task.subjectType(), subjectKey, task.processInstanceKey(), null, data));
	}

}

package fr.refactory.console.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.system.subject.ProcessSubjectVariables;
import fr.refactory.system.subject.ProcessSubjectVariables.Subject;

import org.springframework.stereotype.Component;

/**
 * Writes what operations engineers do to instances in the hash-chained audit log: who,
 * what, on which instance and subject, and the reason they gave (ADR 1061). Written after
 * the engine accepted the command: a refused one changed nothing, and the page tells the
 * engineer why.
 */
@Component
class OperationsAudit {

	private final AuditLog auditLog;

	private final ProcessSubjectVariables subjectVariables;

	OperationsAudit(AuditLog auditLog, ProcessSubjectVariables subjectVariables) {
		this.auditLog = auditLog;
		this.subjectVariables = subjectVariables;
	}

	void tokenMoved(String user, InstanceOnPage instance, ActiveElement from, String to, String reason) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("fromElementId", from.elementId());
		data.put("fromElementInstanceKey", Long.toString(from.elementInstanceKey()));
		data.put("toElementId", to);
		record(user, "INSTANCE_TOKEN_MOVED", instance, reason, data);
	}

	void incidentRetried(String user, InstanceOnPage instance, long incidentKey, String elementId, String errorType,
			String reason) {
		record(user, "INCIDENT_RETRIED", instance, reason,
				Map.of("incidentKey", Long.toString(incidentKey), "elementId", elementId, "errorType", errorType));
	}

	void instanceCanceled(String user, InstanceOnPage instance, String reason) {
		record(user, "INSTANCE_CANCELED", instance, reason, Map.of());
	}

	/**
	 * One entry for the batch; its items are the engine's (batch search, event log in the
	 * creator's name).
	 */
	void incidentsBatchResolved(String user, IncidentGroup group, String batchKey, String reason) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reason", reason);
		data.put("batchOperationKey", batchKey);
		data.put("processId", group.processDefinitionId());
		data.put("elementId", group.elementId());
		data.put("errorType", group.errorType());
		data.put("incidents", group.incidents());
		data.put("processInstanceKeys", group.instanceKeys().stream().map(String::valueOf).toList());
		this.auditLog
			.append(new AuditEvent(user, "INCIDENTS_BATCH_RESOLUTION", "BATCH_OPERATION", batchKey, null, null, data));
	}

	/** What was done to the instance, as the audit log holds it. */
	List<AuditEntry> entriesAbout(InstanceOnPage instance) {
		return this.auditLog.about(subjectOf(instance).key())
			.stream()
			.filter((entry) -> entry.processInstanceKey() != null && entry.processInstanceKey() == instance.key())
			.toList();
	}

	private void record(String user, String action, InstanceOnPage instance, String reason, Map<String, ?> details) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reason", reason);
		data.put("processId", instance.processId());
		data.put("processVersion", instance.version());
		data.putAll(details);
		Subject subject = subjectOf(instance);
		this.auditLog.append(new AuditEvent(user, action, subject.type(), subject.key(), instance.key(), null, data));
	}

	/**
	 * The vehicle, battery or part the instance is about, else the instance itself (as
	 * the console names it).
	 */
	private Subject subjectOf(InstanceOnPage instance) {
		Subject subject = this.subjectVariables.subjectIn(instance.variables());
		return subject.key().isBlank() ? new Subject(subject.type(), Long.toString(instance.key())) : subject;
	}

}

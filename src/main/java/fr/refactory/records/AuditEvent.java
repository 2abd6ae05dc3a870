package fr.refactory.records;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * Something to write in the audit log.
 *
 * @param actor the user or worker that acted
 * @param action TASK_COMPLETED, DECISION_EVALUATED, STATUS_CHANGED, DOCUMENT_GENERATED,
 * ...
 * @param subjectType VEHICLE, BATTERY, PART, WORK_ORDER, ...
 * @param subjectKey VIN, battery id, part id, ... an auditor searches by
 * @param processInstanceKey the BPMN instance, or {@code null}
 * @param idempotencyKey the job key and action when a job writes it, so a job delivered
 * twice writes once; or {@code null}
 * @param data what the auditor needs to see: form snapshot, decision inputs and outputs,
 * habilitation symbols at the time, document hash, ...
 */
public record AuditEvent(String actor, String action, String subjectType, String subjectKey, Long processInstanceKey,
		String idempotencyKey, Map<String, ?> data) {

	public AuditEvent {
		Assert.hasText(actor, "Expected an actor, but it was blank");
		Assert.hasText(action, "Expected an action, but it was blank");
		Assert.hasText(subjectType, "Expected a subject type, but it was blank");
		Assert.hasText(subjectKey, "Expected a subject key, but it was blank");
		data = (data != null) ? data : Map.of();
	}

}

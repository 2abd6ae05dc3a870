package fr.refactory.records;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A unit of work on a subject, numbered by the MES.
 *
 * @param type INTAKE, DIAGNOSIS, RENEW, BODYWORK, RETROFIT, REMAN, BATTERY, DISMANTLE or
 * REWORK
 * @param subjectType VEHICLE, BATTERY or PART
 * @param status CREATED, RELEASED, IN_PROGRESS, ON_HOLD, QUALITY, CLOSED or CANCELLED
 * @param parentWorkOrderId the order a rework order reworks
 */
public record WorkOrder(@Id String workOrderId, String type, String subjectType, String subjectKey,
		Long processInstanceKey, String status, String parentWorkOrderId, int reworkCount, String idempotencyKey,
		Instant createdAt, @Version Integer version) {

	public WorkOrder withStatus(String newStatus) {
		return new WorkOrder(this.workOrderId, this.type, this.subjectType, this.subjectKey, this.processInstanceKey,
				newStatus, this.parentWorkOrderId, this.reworkCount, this.idempotencyKey, this.createdAt, this.version);
	}

}

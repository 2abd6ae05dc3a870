package fr.refactory.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A nonconformity found at a gate.
 *
 * @param severity MINOR, MAJOR or CRITICAL
 * @param disposition REWORK, SCRAP, CONCESSION, USE_AS_IS or RETURN_TO_SUPPLIER;
 * {@code null} until decided
 * @param customerConcessionRef mandatory for CONCESSION
 */
public record NonConformity(@Id UUID ncId, String subjectKey, String workOrderId, String detectedAtGate,
		String defectCode, String severity, int quantity, String disposition, LocalDate dispositionDate,
		String approvedBy, String customerConcessionRef, String rootCauseRef, Instant detectedAt, String idempotencyKey,
		@Version Integer version) {

	public NonConformity withDisposition(String newDisposition, LocalDate on, String approver, String concessionRef) {
		return new NonConformity(this.ncId, this.subjectKey, this.workOrderId, this.detectedAtGate, this.defectCode,
				this.severity, this.quantity, newDisposition, on, approver, concessionRef, this.rootCauseRef,
				this.detectedAt, this.idempotencyKey, this.version);
	}

}

package fr.refactory.records;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.refactory.records.jdbc.IdempotentInserts;
import fr.refactory.records.jdbc.NonConformityRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nonconformities and their dispositions (IATF rework and repair records, auditor
 * question Q7).
 */
@Component
public class NonConformities {

	private final NonConformityRepository repository;

	private final IdempotentInserts inserts;

	NonConformities(NonConformityRepository repository, IdempotentInserts inserts) {
		this.repository = repository;
		this.inserts = inserts;
	}

	/** Records a nonconformity once per idempotency key; returns the stored one. */
	@Transactional
	public NonConformity raise(NonConformity nonConformity) {
		return this.inserts.create("non_conformity", nonConformity, nonConformity.idempotencyKey(),
				this.repository::findByIdempotencyKey);
	}

	/**
	 * Decides the disposition; a CONCESSION needs the customer's concession reference.
	 */
	@Transactional
	public NonConformity dispose(UUID ncId, String disposition, LocalDate on, String approvedBy,
			String customerConcessionRef) {
		if ("CONCESSION".equals(disposition) && (customerConcessionRef == null || customerConcessionRef.isBlank())) {
			throw new IllegalArgumentException(
					"Expected a customer concession reference for a CONCESSION, but got none");
		}
		NonConformity nonConformity = this.repository.findById(ncId)
			.orElseThrow(() -> new IllegalArgumentException("Expected a recorded nonconformity, but got " + ncId));
		return this.repository.save(nonConformity.withDisposition(disposition, on, approvedBy, customerConcessionRef));
	}

	/**
	 * Disposes the subject's nonconformities found at a gate ({@code detectedAtGate}
	 * starting with {@code gate}) that have no disposition yet; those already disposed
	 * keep theirs, so a retried call disposes nothing twice.
	 */
	@Transactional
	public List<NonConformity> disposeOpen(String subjectKey, String gate, String disposition, LocalDate on,
			String approvedBy, String customerConcessionRef) {
		return forSubject(subjectKey).stream()
			.filter((nc) -> nc.disposition() == null && nc.detectedAtGate() != null
					&& nc.detectedAtGate().startsWith(gate))
			.map((nc) -> dispose(nc.ncId(), disposition, on, approvedBy, customerConcessionRef))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<NonConformity> forSubject(String subjectKey) {
		return this.repository.findBySubjectKeyOrderByDetectedAt(subjectKey);
	}

}

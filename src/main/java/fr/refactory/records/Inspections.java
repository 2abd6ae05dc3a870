package fr.refactory.records;

import java.util.List;

import fr.refactory.records.jdbc.IdempotentInserts;
import fr.refactory.records.jdbc.InspectionResultRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Inspection and test results: what was checked, with what, by whom, and the verdict. */
@Component
public class Inspections {

	private final InspectionResultRepository repository;

	private final IdempotentInserts inserts;

	Inspections(InspectionResultRepository repository, IdempotentInserts inserts) {
		this.repository = repository;
		this.inserts = inserts;
	}

	/** Records a result once per idempotency key; returns the stored result. */
	@Transactional
	public InspectionResult record(InspectionResult result) {
		return this.inserts.create("inspection_result", result, result.idempotencyKey(),
				this.repository::findByIdempotencyKey);
	}

	@Transactional(readOnly = true)
	public List<InspectionResult> forSubject(String subjectKey) {
		return this.repository.findBySubjectKeyOrderByPerformedAt(subjectKey);
	}

	/**
	 * Results measured with an equipment, to find the suspect ones (auditor question Q5).
	 */
	@Transactional(readOnly = true)
	public List<InspectionResult> measuredWith(String equipmentId) {
		return this.repository.findByEquipmentId(equipmentId);
	}

}

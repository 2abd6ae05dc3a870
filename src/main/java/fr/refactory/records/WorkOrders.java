package fr.refactory.records;

import java.util.List;
import java.util.Optional;

import fr.refactory.records.jdbc.IdempotentInserts;
import fr.refactory.records.jdbc.WorkOrderRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The Refactory's copy of the MES work orders, linked to their process instances. */
@Component
public class WorkOrders {

	private final WorkOrderRepository repository;

	private final IdempotentInserts inserts;

	WorkOrders(WorkOrderRepository repository, IdempotentInserts inserts) {
		this.repository = repository;
		this.inserts = inserts;
	}

	/** Records a work order once per idempotency key; returns the stored order. */
	@Transactional
	public WorkOrder open(WorkOrder order) {
		return this.inserts.create("work_order", order, order.idempotencyKey(), this.repository::findByIdempotencyKey);
	}

	@Transactional(readOnly = true)
	public Optional<WorkOrder> find(String workOrderId) {
		return this.repository.findById(workOrderId);
	}

	@Transactional(readOnly = true)
	public List<WorkOrder> forSubject(String subjectKey) {
		return this.repository.findBySubjectKeyOrderByCreatedAt(subjectKey);
	}

	/** Changes the status; a concurrent change of the same order fails on its version. */
	@Transactional
	public WorkOrder changeStatus(String workOrderId, String status) {
		WorkOrder order = this.repository.findById(workOrderId)
			.orElseThrow(() -> new IllegalArgumentException("Expected a recorded work order, but got " + workOrderId));
		return this.repository.save(order.withStatus(status));
	}

}

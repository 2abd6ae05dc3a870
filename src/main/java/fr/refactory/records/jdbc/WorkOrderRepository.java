package fr.refactory.records.jdbc;

import java.util.List;
import java.util.Optional;

import fr.refactory.records.WorkOrder;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link WorkOrder}; internal to the records module. */
public interface WorkOrderRepository extends ListCrudRepository<WorkOrder, String> {

	Optional<WorkOrder> findByIdempotencyKey(String idempotencyKey);

	List<WorkOrder> findBySubjectKeyOrderByCreatedAt(String subjectKey);

}

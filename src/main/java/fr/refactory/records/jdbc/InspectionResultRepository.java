package fr.refactory.records.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.InspectionResult;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC access to {@link InspectionResult}; internal to the records module.
 */
public interface InspectionResultRepository extends ListCrudRepository<InspectionResult, UUID> {

	Optional<InspectionResult> findByIdempotencyKey(String idempotencyKey);

	List<InspectionResult> findByEquipmentId(String equipmentId);

	List<InspectionResult> findBySubjectKeyOrderByPerformedAt(String subjectKey);

}

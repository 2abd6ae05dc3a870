package fr.refactory.records.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.NonConformity;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link NonConformity}; internal to the records module. */
public interface NonConformityRepository extends ListCrudRepository<NonConformity, UUID> {

	Optional<NonConformity> findByIdempotencyKey(String idempotencyKey);

	List<NonConformity> findBySubjectKeyOrderByDetectedAt(String subjectKey);

}

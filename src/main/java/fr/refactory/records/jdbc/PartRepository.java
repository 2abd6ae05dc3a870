package fr.refactory.records.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.Part;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link Part}; internal to the records module. */
public interface PartRepository extends ListCrudRepository<Part, UUID> {

	Optional<Part> findByIdempotencyKey(String idempotencyKey);

	List<Part> findByDonorVin(String donorVin);

}

package fr.refactory.records.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.Certificate;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link Certificate}; internal to the records module. */
public interface CertificateRepository extends ListCrudRepository<Certificate, UUID> {

	Optional<Certificate> findByIdempotencyKey(String idempotencyKey);

	List<Certificate> findBySubjectKeyOrderByIssuedAt(String subjectKey);

	Optional<Certificate> findByKindAndNumber(String kind, String number);

	List<Certificate> findByKindAndIssuedAtGreaterThanEqualAndIssuedAtLessThanOrderByIssuedAt(String kind,
			java.time.Instant from, java.time.Instant to);

}

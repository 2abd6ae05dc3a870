package fr.refactory.records.jdbc;

import java.util.UUID;

import fr.refactory.records.CertificateCopySent;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC access to {@link CertificateCopySent}; internal to the records module.
 */
public interface CertificateCopySentRepository extends ListCrudRepository<CertificateCopySent, UUID> {

}

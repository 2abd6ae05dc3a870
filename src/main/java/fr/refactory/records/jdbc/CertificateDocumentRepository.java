package fr.refactory.records.jdbc;

import java.util.UUID;

import fr.refactory.records.CertificateDocument;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC access to {@link CertificateDocument}; internal to the records module.
 */
public interface CertificateDocumentRepository extends ListCrudRepository<CertificateDocument, UUID> {

}

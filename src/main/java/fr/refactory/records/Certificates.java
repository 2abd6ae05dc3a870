package fr.refactory.records;

import java.util.List;

import fr.refactory.records.jdbc.CertificateRepository;
import fr.refactory.records.jdbc.IdempotentInserts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Conversion certificates, quality release records and certificates of destruction, issued once. */
@Component
public class Certificates {

	private final CertificateRepository repository;

	private final IdempotentInserts inserts;

	Certificates(CertificateRepository repository, IdempotentInserts inserts) {
		this.repository = repository;
		this.inserts = inserts;
	}

	/** Issues a certificate once per idempotency key; returns the stored certificate. */
	@Transactional
	public Certificate issue(Certificate certificate) {
		return this.inserts.create("certificate", certificate, certificate.idempotencyKey(),
				this.repository::findByIdempotencyKey);
	}

	@Transactional(readOnly = true)
	public List<Certificate> forSubject(String subjectKey) {
		return this.repository.findBySubjectKeyOrderByIssuedAt(subjectKey);
	}

}

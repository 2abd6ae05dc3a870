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
		this.inserts.insertIfAbsent("certificate", "idempotency_key", certificate);
		return this.repository.findByIdempotencyKey(certificate.idempotencyKey()).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Certificate> forSubject(String subjectKey) {
		return this.repository.findBySubjectKeyOrderByIssuedAt(subjectKey);
	}

}

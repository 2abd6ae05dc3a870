package fr.refactory.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.refactory.records.jdbc.CertificateCopySentRepository;
import fr.refactory.records.jdbc.CertificateDocumentRepository;
import fr.refactory.records.jdbc.CertificateRepository;
import fr.refactory.records.jdbc.IdempotentInserts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversion certificates, customer information packs, quality release records and
 * certificates of destruction, issued once; and when the kit manufacturer got its copy of
 * a conversion certificate.
 */
@Component
public class Certificates {

	private final CertificateRepository repository;

	private final CertificateCopySentRepository copies;

	private final CertificateDocumentRepository documents;

	private final IdempotentInserts inserts;

	Certificates(CertificateRepository repository, CertificateCopySentRepository copies,
			CertificateDocumentRepository documents, IdempotentInserts inserts) {
		this.repository = repository;
		this.copies = copies;
		this.documents = documents;
		this.inserts = inserts;
	}

	/** Issues a certificate once per idempotency key; returns the stored certificate. */
	@Transactional
	public Certificate issue(Certificate certificate) {
		return this.inserts.create("certificate", certificate, certificate.idempotencyKey(),
				this.repository::findByIdempotencyKey);
	}

	/**
	 * Issues a certificate with the PDF the Refactory rendered for it, once per
	 * idempotency key: a job delivered again keeps the first PDF and its hash, whatever
	 * the second rendering gave.
	 */
	@Transactional
	public Certificate issue(Certificate certificate, byte[] pdf) {
		Certificate issued = issue(certificate);
		this.inserts.insertIfAbsent("certificate_document", "certificate_id",
				new CertificateDocument(issued.certificateId(), CertificateDocument.PDF, pdf, issued.documentSha256()));
		return issued;
	}

	/** The document rendered for a certificate, if the Refactory rendered one. */
	@Transactional(readOnly = true)
	public Optional<CertificateDocument> document(Certificate certificate) {
		return this.documents.findById(certificate.certificateId());
	}

	/** Every certificate of a kind issued in [from, to), oldest first. */
	@Transactional(readOnly = true)
	public List<Certificate> issued(String kind, Instant from, Instant to) {
		return this.repository.findByKindAndIssuedAtGreaterThanEqualAndIssuedAtLessThanOrderByIssuedAt(kind, from, to);
	}

	/**
	 * Records that the kit manufacturer got its copy of a certificate; the first sending
	 * stands. False when no certificate of that kind and number was issued here.
	 */
	@Transactional
	public boolean recordCopySent(String kind, String number, Instant sentAt, String receiptId, String idempotencyKey) {
		Optional<Certificate> certificate = this.repository.findByKindAndNumber(kind, number);
		certificate.ifPresent((issued) -> this.inserts.insertIfAbsent("certificate_copy_sent", "certificate_id",
				new CertificateCopySent(issued.certificateId(), sentAt, receiptId, idempotencyKey)));
		return certificate.isPresent();
	}

	/** When the kit manufacturer got its copy of the certificate, if it was sent. */
	@Transactional(readOnly = true)
	public Optional<CertificateCopySent> copySent(Certificate certificate) {
		return this.copies.findById(certificate.certificateId());
	}

	@Transactional(readOnly = true)
	public List<Certificate> forSubject(String subjectKey) {
		return this.repository.findBySubjectKeyOrderByIssuedAt(subjectKey);
	}

}

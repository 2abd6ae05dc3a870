package fr.refactory.records;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;

/**
 * A certificate the Refactory issued; never changed once issued.
 *
 * @param kind CONVERSION_CERTIFICATE, HANDOVER_PACK (customer information pack),
 * QUALITY_RECORD or CERTIFICATE_OF_DESTRUCTION
 * @param number the certificate's number, unique per kind
 * @param documentSha256 hash of the generated document in the document store
 * @param content the certificate's fields as JSON (installer, kit, component ids, masses,
 * verdict, ...)
 */
public record Certificate(@Id UUID certificateId, String kind, String number, String subjectKey, String workOrderId,
		Instant issuedAt, String issuedBy, String documentUri, String documentSha256, String content,
		String idempotencyKey) {
}

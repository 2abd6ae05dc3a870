package fr.refactory.records;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;

/**
 * The kit manufacturer got its copy of a conversion certificate (the arrêté: "without
 * delay"); recorded once.
 *
 * @param receiptId the supplier portal's receipt
 */
public record CertificateCopySent(@Id UUID certificateId, Instant sentAt, String receiptId, String idempotencyKey) {
}

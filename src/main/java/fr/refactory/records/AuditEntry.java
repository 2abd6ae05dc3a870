package fr.refactory.records;

import java.time.Instant;

/**
 * One stored entry of the audit log.
 *
 * @param data the event's data as canonical JSON (keys sorted, no spaces), exactly as
 * hashed
 * @param previousHash the hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 (hex) of {@code previousHash} and the entry's canonical content
 */
public record AuditEntry(long sequenceNumber, Instant recordedAt, String actor, String action, String subjectType,
		String subjectKey, Long processInstanceKey, String idempotencyKey, String data, String previousHash,
		String hash) {
}

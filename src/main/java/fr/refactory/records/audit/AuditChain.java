package fr.refactory.records.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.refactory.records.AuditEntry;

/**
 * The hash chain of the audit log: an entry's hash is the SHA-256 of the previous entry's
 * hash, a line break and the entry's canonical content, a JSON array of every stored
 * field but the hash, in a fixed order. The time is written as an ISO-8601 UTC instant
 * with at most microseconds, as PostgreSQL keeps it.
 */
public final class AuditChain {

	/** The "previous hash" of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	private final ObjectMapper json;

	public AuditChain(ObjectMapper json) {
		this.json = json;
	}

	public String hash(AuditEntry entry) {
		return sha256(entry.previousHash() + "\n" + canonicalContent(entry));
	}

	/**
	 * Why the entry does not continue the chain after {@code expectedPrevious}, or
	 * {@code null} if it does.
	 */
	public String breakIn(AuditEntry entry, String expectedPrevious) {
		if (!expectedPrevious.equals(entry.previousHash())) {
			return "expected previous hash " + expectedPrevious + ", but the entry names " + entry.previousHash();
		}
		String recomputed = hash(entry);
		if (!recomputed.equals(entry.hash())) {
			return "expected hash " + recomputed + " of the stored content, but the entry has " + entry.hash();
		}
		return null;
	}

	String canonicalContent(AuditEntry entry) {
		ArrayNode fields = this.json.createArrayNode()
			.add(entry.sequenceNumber())
			.add(entry.recordedAt().toString())
			.add(entry.actor())
			.add(entry.action())
			.add(entry.subjectType())
			.add(entry.subjectKey())
			.add(entry.processInstanceKey())
			.add(entry.idempotencyKey())
			.add(entry.data());
		try {
			return this.json.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Expected an audit entry to serialise, but it did not: " + entry, ex);
		}
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Expected every JVM to provide SHA-256", ex);
		}
	}

}

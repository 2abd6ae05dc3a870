package fr.refactory.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.records.audit.AuditChain;
import fr.refactory.records.audit.CanonicalJson;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log (domain brief §6.3). Appends are serialised by
 * a transaction-scoped advisory lock so that each entry links to the one committed before
 * it; the table rejects updates and deletes. {@link #verify()} walks the chain and names
 * the first entry that was changed, or that follows a removed one.
 */
@Component
public class AuditLog {

	/** PostgreSQL advisory lock key that serialises appends ("AUDITLOG" in ASCII). */
	private static final long APPEND_LOCK = 0x4155_4449_544c_4f47L;

	private static final String COLUMNS = "sequence_number, recorded_at, actor, action, subject_type, subject_key, "
			+ "process_instance_key, idempotency_key, data, previous_hash, hash";

	private static final RowMapper<AuditEntry> ENTRY = AuditLog::entry;

	private final JdbcTemplate jdbc;

	private final AuditChain chain;

	private final CanonicalJson canonicalJson;

	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.chain = new AuditChain(json);
		this.canonicalJson = new CanonicalJson(json);
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	/**
	 * Appends an entry at the end of the chain. An event with an idempotency key that was
	 * already appended is not appended again; the stored entry is returned.
	 */
	@Transactional
	public AuditEntry append(AuditEvent event) {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (RowCallbackHandler) (rs) -> {
		}, APPEND_LOCK);
		if (event.idempotencyKey() != null) {
			Optional<AuditEntry> existing = findByIdempotencyKey(event.idempotencyKey());
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		AuditEntry entry = chained(event);
		this.jdbc.update("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				entry.sequenceNumber(), entry.recordedAt().atOffset(ZoneOffset.UTC), entry.actor(), entry.action(),
				entry.subjectType(), entry.subjectKey(), entry.processInstanceKey(), entry.idempotencyKey(),
				entry.data(), entry.previousHash(), entry.hash());
		return entry;
	}

	/**
	 * Every entry about a subject, in chain order (an auditor's "everything about X").
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> about(String subjectKey) {
		return this.jdbc.query("select " + COLUMNS + " from audit_entry where subject_key = ? order by sequence_number",
				ENTRY, subjectKey);
	}

	/** Every entry of one action (e.g. MODEL_DEPLOYED), in chain order. */
	@Transactional(readOnly = true)
	public List<AuditEntry> withAction(String action) {
		return this.jdbc.query("select " + COLUMNS + " from audit_entry where action = ? order by sequence_number",
				ENTRY, action);
	}

	/** Entries matching the auditor's filters, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where true");
		List<Object> arguments = new java.util.ArrayList<>();
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" and actor = ?");
			arguments.add(query.actor().trim());
		}
		if (query.subjectKey() != null && !query.subjectKey().isBlank()) {
			sql.append(" and subject_key = ?");
			arguments.add(query.subjectKey().trim());
		}
		if (query.from() != null) {
			sql.append(" and recorded_at >= ?");
			arguments.add(query.from().atOffset(ZoneOffset.UTC));
		}
		if (query.to() != null) {
			sql.append(" and recorded_at < ?");
			arguments.add(query.to().atOffset(ZoneOffset.UTC));
		}
		sql.append(" order by sequence_number desc limit ?");
		arguments.add(query.limit());
		return this.jdbc.query(sql.toString(), ENTRY, arguments.toArray());
	}

	/**
	 * Walks the whole chain in sequence order and stops at the first entry that does not
	 * match.
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		ChainWalk walk = new ChainWalk(this.chain);
		this.jdbc.query("select " + COLUMNS + " from audit_entry order by sequence_number",
				(RowCallbackHandler) (rs) -> walk.check(entry(rs, 0)));
		return walk.result();
	}

	private AuditEntry chained(AuditEvent event) {
		String previous = this.jdbc.query("select hash from audit_entry order by sequence_number desc limit 1",
				(rs) -> rs.next() ? rs.getString(1) : AuditChain.GENESIS);
		long sequence = this.jdbc.queryForObject("select nextval('audit_entry_sequence')", Long.class);
		AuditEntry unsealed = new AuditEntry(sequence, this.clock.instant().truncatedTo(ChronoUnit.MICROS),
				event.actor(), event.action(), event.subjectType(), event.subjectKey(), event.processInstanceKey(),
				event.idempotencyKey(), this.canonicalJson.write(event.data()), previous, null);
		return new AuditEntry(unsealed.sequenceNumber(), unsealed.recordedAt(), unsealed.actor(), unsealed.action(),
				unsealed.subjectType(), unsealed.subjectKey(), unsealed.processInstanceKey(), unsealed.idempotencyKey(),
				unsealed.data(), previous, this.chain.hash(unsealed));
	}

	private Optional<AuditEntry> findByIdempotencyKey(String idempotencyKey) {
		return this.jdbc
			.query("select " + COLUMNS + " from audit_entry where idempotency_key = ?", ENTRY, idempotencyKey)
			.stream()
			.findFirst();
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("sequence_number"),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_key"),
				rs.getObject("process_instance_key", Long.class), rs.getString("idempotency_key"), rs.getString("data"),
				rs.getString("previous_hash"), rs.getString("hash"));
	}

	/** The state of a verification while it walks the chain. */
	private static final class ChainWalk {

		private final AuditChain chain;

		private String expectedPrevious = AuditChain.GENESIS;

		private long checked;

		private Long brokenAt;

		private String reason;

		ChainWalk(AuditChain chain) {
			this.chain = chain;
		}

		void check(AuditEntry entry) {
			if (this.brokenAt != null) {
				return;
			}
			this.checked++;
			String problem = this.chain.breakIn(entry, this.expectedPrevious);
			if (problem != null) {
				this.brokenAt = entry.sequenceNumber();
				this.reason = "entry " + entry.sequenceNumber() + ": " + problem;
			}
			this.expectedPrevious = entry.hash();
		}

		AuditVerification result() {
			return new AuditVerification(this.checked, this.brokenAt, this.reason,
					(this.brokenAt == null) ? this.expectedPrevious : null);
		}

	}

}

package fr.refactory.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed shift handovers (ADR 0711), append-only. The outgoing leader's signature keeps
 * the content as shown to him; the incoming leader countersigns that content, never a
 * recomputed one. Each signature is appended to the hash-chained audit log in the same
 * transaction.
 */
@Component
public class ShiftHandovers {

	public static final String SIGNED = "SHIFT_HANDOVER_SIGNED";

	public static final String COUNTERSIGNED = "SHIFT_HANDOVER_COUNTERSIGNED";

	public static final String SUBJECT_TYPE = "SHIFT_HANDOVER";

	public static final int MAX_NOTES_LENGTH = 4000;

	private static final String SELECT = "select h.handover_id, h.handover_date, h.outgoing_shift, h.incoming_shift, "
			+ "h.content, h.notes, h.content_hash, h.outgoing_leader, h.outgoing_signed_at, c.incoming_leader, "
			+ "c.signed_at from shift_handover h left join shift_handover_countersignature c "
			+ "on c.handover_id = h.handover_id ";

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	ShiftHandovers(JdbcTemplate jdbc, AuditLog auditLog, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	public static String subjectKey(long id) {
		return "handover-" + id;
	}

	/**
	 * The outgoing leader signs the content shown to him (canonical JSON) and his notes.
	 */
	@Transactional
	public ShiftHandover sign(LocalDate date, String outgoingShift, String incomingShift, String contentJson,
			String notes, String outgoingLeader) {
		String text = (notes == null) ? "" : notes.strip();
		if (text.length() > MAX_NOTES_LENGTH) {
			throw new ShiftHandoverRefusal("notes", "Notes are at most " + MAX_NOTES_LENGTH + " characters", false,
					"notes-too-long", MAX_NOTES_LENGTH);
		}
		String hash = sha256(contentJson);
		Instant now = this.clock.instant();
		Long id = this.jdbc.queryForObject("insert into shift_handover (handover_date, outgoing_shift, incoming_shift, "
				+ "content, notes, content_hash, outgoing_leader, outgoing_signed_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
				+ "returning handover_id", Long.class, date, outgoingShift, incomingShift, contentJson, text, hash,
				outgoingLeader, now.atOffset(ZoneOffset.UTC));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("date", date.toString());
		data.put("outgoingShift", outgoingShift);
		data.put("incomingShift", incomingShift);
		data.put("contentHash", hash);
		data.put("notes", text);
		this.auditLog.append(new AuditEvent(outgoingLeader, SIGNED, SUBJECT_TYPE, subjectKey(id), null, null, data));
		return find(id).orElseThrow();
	}

	/**
	 * The incoming leader countersigns; refused for the outgoing leader himself and for a
	 * handover signed twice.
	 */
	@Transactional
	public ShiftHandover countersign(long id, String incomingLeader) {
		ShiftHandover handover = this.jdbc.query(SELECT + "where h.handover_id = ? for update of h", this::handover, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ShiftHandoverRefusal("handover", "No shift handover " + id, false, "unknown",
					String.valueOf(id)));
		if (handover.countersigned()) {
			throw new ShiftHandoverRefusal("handover",
					"Handover " + id + " was already countersigned by " + handover.incomingLeader(), true,
					"already-countersigned", String.valueOf(id), handover.incomingLeader());
		}
		if (handover.outgoingLeader().equals(incomingLeader)) {
			throw new ShiftHandoverRefusal("incomingLeader",
					"The incoming shift leader countersigns, not the outgoing leader who signed", false,
					"own-handover");
		}
		this.jdbc.update("insert into shift_handover_countersignature (handover_id, incoming_leader, signed_at) "
				+ "values (?, ?, ?)", id, incomingLeader, this.clock.instant().atOffset(ZoneOffset.UTC));
		this.auditLog.append(new AuditEvent(incomingLeader, COUNTERSIGNED, SUBJECT_TYPE, subjectKey(id), null, null,
				Map.of("outgoingLeader", handover.outgoingLeader(), "contentHash", handover.contentHash())));
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<ShiftHandover> find(long id) {
		return this.jdbc.query(SELECT + "where h.handover_id = ?", this::handover, id).stream().findFirst();
	}

	/**
	 * Handovers signed by their outgoing leader that wait for the incoming leader, oldest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<ShiftHandover> awaitingCountersignature() {
		return this.jdbc.query(SELECT + "where c.handover_id is null order by h.handover_id", this::handover);
	}

	/** The latest handovers, newest first. */
	@Transactional(readOnly = true)
	public List<ShiftHandover> latest(int limit) {
		return this.jdbc.query(SELECT + "order by h.handover_id desc limit ?", this::handover, limit);
	}

	private ShiftHandover handover(ResultSet rs, int row) throws SQLException {
		Timestamp countersigned = rs.getTimestamp("signed_at");
		return new ShiftHandover(rs.getLong("handover_id"), rs.getObject("handover_date", LocalDate.class),
				rs.getString("outgoing_shift"), rs.getString("incoming_shift"), rs.getString("content"),
				rs.getString("notes"), rs.getString("content_hash"), rs.getString("outgoing_leader"),
				rs.getTimestamp("outgoing_signed_at").toInstant(), rs.getString("incoming_leader"),
				(countersigned == null) ? null : countersigned.toInstant());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}

package fr.refactory.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A shift handover as signed (ADR 0711): the content the outgoing leader signed (JSON,
 * with its SHA-256), the notes, and the incoming leader's countersignature once given.
 *
 * @param incomingLeader {@code null} until countersigned
 */
public record ShiftHandover(long id, LocalDate date, String outgoingShift, String incomingShift, String content,
		String notes, String contentHash, String outgoingLeader, Instant outgoingSignedAt, String incomingLeader,
		Instant incomingSignedAt) {

	public boolean countersigned() {
		return this.incomingLeader != null;
	}

	/** The audit log's subject key of this handover. */
	public String subjectKey() {
		return ShiftHandovers.subjectKey(this.id);
	}

}

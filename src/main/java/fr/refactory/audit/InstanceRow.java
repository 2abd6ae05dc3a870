package fr.refactory.audit;

import java.time.OffsetDateTime;

/** One process instance in the auditor's search results. */
public record InstanceRow(long key, String processId, int version, String subject, String state, OffsetDateTime started,
		OffsetDateTime ended, boolean incident) {
}

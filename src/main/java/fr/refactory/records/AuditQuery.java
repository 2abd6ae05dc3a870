package fr.refactory.records;

import java.time.Instant;

/**
 * Filters of the auditor's audit-log page; {@code null} or blank means "any".
 *
 * @param actor exact user or worker name
 * @param subjectKey exact VIN, battery id or part id
 * @param from entries recorded at or after this instant
 * @param to entries recorded before this instant
 * @param limit at most this many entries, newest first
 */
public record AuditQuery(String actor, String subjectKey, Instant from, Instant to, int limit) {
}

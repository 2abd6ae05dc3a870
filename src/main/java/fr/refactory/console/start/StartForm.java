package fr.refactory.console.start;

import java.util.List;
import java.util.Set;

/**
 * A form that publishes a plant event the processes wait for (domain brief §3.10), the
 * way the plant system that normally sends it would: an arrival's start message, or a
 * gate scan / goods receipt that moves a waiting arrival on.
 *
 * @param id the form's path segment, e.g. {@code vehicle-arrival}
 * @param messageName the message start event's name
 * @param correlationKeyField the form field whose value is the correlation key (the
 * process's subject)
 * @param subjectType how the audit log types the subject (VEHICLE, PART)
 * @param groups candidate groups whose members may use the form
 * @param upperCaseFields fields trimmed and upper-cased before validation (identifiers
 * are read off plates)
 * @param resource classpath location of the Camunda Form JSON
 * @param auditAction what the audit log records: PROCESS_START_REQUESTED or a plant event
 * (GATE_SCAN_RECORDED)
 * @param doneNotice the notice shown after publishing, followed by the key
 * @param correlated a gate scan is correlated (it must reach a waiting instance or a
 * start event now, else the operator is told), an announcement is published
 */
public record StartForm(String id, String title, String messageName, String correlationKeyField, String subjectType,
		List<String> groups, Set<String> upperCaseFields, String resource, String auditAction, String doneNotice,
		boolean correlated) {
}

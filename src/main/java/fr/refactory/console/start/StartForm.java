package fr.refactory.console.start;

import java.util.List;
import java.util.Set;

/**
 * A form that starts a process by publishing its start message (domain brief §3.10), the way the plant system that
 * normally sends it would.
 *
 * @param id the form's path segment, e.g. {@code vehicle-arrival}
 * @param messageName the message start event's name
 * @param correlationKeyField the form field whose value is the correlation key (the process's subject)
 * @param subjectType how the audit log types the subject (VEHICLE, PART)
 * @param groups candidate groups whose members may use the form
 * @param upperCaseFields fields trimmed and upper-cased before validation (identifiers are read off plates)
 * @param resource classpath location of the Camunda Form JSON
 */
public record StartForm(String id, String title, String messageName, String correlationKeyField, String subjectType,
		List<String> groups, Set<String> upperCaseFields, String resource) {
}

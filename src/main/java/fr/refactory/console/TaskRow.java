package fr.refactory.console;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of an operator's task list.
 *
 * @param subject the VIN, battery id or part serial the process is about ("" when none)
 * @param subjectType VEHICLE, BATTERY, PART or PROCESS_INSTANCE, for the audit log
 */
public record TaskRow(long key, String name, String processId, long processInstanceKey, String subject,
		String subjectType, String assignee, List<String> candidateGroups, OffsetDateTime created, OffsetDateTime due,
		Integer priority, boolean overdue) {
}

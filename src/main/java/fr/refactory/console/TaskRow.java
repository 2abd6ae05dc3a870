package fr.refactory.console;

import java.time.OffsetDateTime;
import java.util.List;

/** One line of an operator's task list. */
public record TaskRow(long key, String name, String processId, long processInstanceKey, String subject,
		String assignee, List<String> candidateGroups, OffsetDateTime created, OffsetDateTime due, Integer priority,
		boolean overdue) {
}

package fr.refactory.console;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The open work offered to one candidate group, oldest first, and who is in the group: a
 * group without members has work nobody sees in their list (issue 24). Tasks offered to
 * no group are under {@link #NO_GROUP}.
 */
public record GroupWork(String group, List<TaskRow> tasks, List<String> members) {

	/**
	 * The group of tasks offered to no candidate group (only to named people, or to
	 * nobody).
	 */
	public static final String NO_GROUP = "";

	public boolean unstaffed() {
		return this.members.isEmpty();
	}

	public boolean offeredToNoGroup() {
		return NO_GROUP.equals(this.group);
	}

	public OffsetDateTime oldest() {
		return this.tasks.isEmpty() ? null : this.tasks.get(0).created();
	}

	public long overdue() {
		return this.tasks.stream().filter(TaskRow::overdue).count();
	}

	/**
	 * The open tasks (oldest first) grouped by candidate group — a task offered to two
	 * groups is in both — groups without members first, then the group with the oldest
	 * waiting work.
	 */
	public static List<GroupWork> of(List<TaskRow> openTasksOldestFirst, Function<String, List<String>> membersOf) {
		Map<String, List<TaskRow>> byGroup = new LinkedHashMap<>();
		for (TaskRow task : openTasksOldestFirst) {
			List<String> groups = task.candidateGroups().isEmpty() ? List.of(NO_GROUP) : task.candidateGroups();
			groups.forEach((group) -> byGroup.computeIfAbsent(group, (g) -> new ArrayList<>()).add(task));
		}
		return byGroup.entrySet()
			.stream()
			.map((entry) -> new GroupWork(entry.getKey(), List.copyOf(entry.getValue()),
					NO_GROUP.equals(entry.getKey()) ? List.of() : membersOf.apply(entry.getKey())))
			.sorted(java.util.Comparator.comparing(GroupWork::unstaffed)
				.reversed()
				.thenComparing(GroupWork::oldest, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.toList();
	}

}

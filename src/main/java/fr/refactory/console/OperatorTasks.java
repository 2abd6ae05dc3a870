package fr.refactory.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Consumer;

import fr.refactory.records.PlantCalendars;
import fr.refactory.system.roster.ShiftRoster;
import fr.refactory.system.subject.ProcessSubjectVariables.Subject;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;

import org.springframework.stereotype.Component;

/**
 * The operator's view of user tasks, through the Camunda client only, so the console
 * works on the embedded engine and on Camunda 8 alike.
 */
@Component
public class OperatorTasks {

	private static final int SEARCH_LIMIT = 200;

	private static final int SUPERVISION_LIMIT = 1000;

	private final CamundaClient client;

	private final ProcessSubjects subjects;

	private final Clock clock;

	private final ShiftRoster roster;

	private final PlantCalendars calendars;

	OperatorTasks(@ConsoleClient CamundaClient client, ProcessSubjects subjects, Clock clock, ShiftRoster roster,
			PlantCalendars calendars) {
		this.client = client;
		this.subjects = subjects;
		this.clock = clock;
		this.roster = roster;
		this.calendars = calendars;
	}

	/**
	 * Open tasks the user may see: assigned to them ("mine") or offered to them and their
	 * groups ("groups").
	 */
	public List<TaskRow> openTasks(String username, Collection<String> groups, TaskQuery query) {
		Map<Long, UserTask> found = new LinkedHashMap<>();
		if ("mine".equals(query.viewOrDefault())) {
			search((filter) -> filter.assignee(username)).forEach((task) -> found.put(task.getUserTaskKey(), task));
		}
		else {
			groups.forEach((group) -> search((filter) -> filter.candidateGroup(group))
				.forEach((task) -> found.put(task.getUserTaskKey(), task)));
			search((filter) -> filter.candidateUser(username))
				.forEach((task) -> found.put(task.getUserTaskKey(), task));
		}
		Predicate<UserTask> ofMyShift = query.onlyMyShift() ? heldByMyShift(username) : (task) -> true;
		List<UserTask> visible = found.values()
			.stream()
			.filter((task) -> TaskVisibility.canSee(task, username, groups))
			.filter(ofMyShift)
			.toList();
		return rowsOf(visible).stream()
			.filter((row) -> TaskFilters.matches(row, query))
			.sorted(TaskFilters.order(query.sortOrDefault()))
			.toList();
	}

	/**
	 * Every open task of the plant, oldest first (at most {@value #SUPERVISION_LIMIT}),
	 * for the supervision page: no visibility filter, a supervisor sees the work of every
	 * group (ADR 1503).
	 */
	public List<TaskRow> allOpenTasks() {
		List<UserTask> open = this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.state(UserTaskState.CREATED))
			.sort((sort) -> sort.creationDate().asc())
			.page((page) -> page.limit(SUPERVISION_LIMIT))
			.send()
			.join()
			.items();
		return rowsOf(open).stream().sorted(TaskFilters.order("created")).toList();
	}

	private List<TaskRow> rowsOf(List<UserTask> tasks) {
		Map<Long, Subject> subjectByInstance = this.subjects
			.subjectsOf(tasks.stream().map(UserTask::getProcessInstanceKey).toList());
		return tasks.stream().map((task) -> toRow(task, subjectByInstance.get(task.getProcessInstanceKey()))).toList();
	}

	/**
	 * The people sharing a shift with the user on today's roster (plant time), the user
	 * included; empty when the user is not on it (ADR 0710).
	 */
	public Set<String> myShift(String username) {
		return this.roster.colleaguesOf(username, LocalDate.now(this.clock.withZone(this.calendars.current().zone())));
	}

	/** A task nobody holds, or held by someone of the user's shift today. */
	private Predicate<UserTask> heldByMyShift(String username) {
		Set<String> colleagues = myShift(username);
		return (task) -> task.getAssignee() == null || colleagues.contains(task.getAssignee());
	}

	public Optional<UserTask> find(long taskKey) {
		try {
			return Optional.of(this.client.newUserTaskGetRequest(taskKey).send().join());
		}
		catch (ProblemException ex) {
			if (ex.code() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	public TaskRow rowOf(UserTask task) {
		return toRow(task, this.subjects.subjectOf(task.getProcessInstanceKey()));
	}

	public Optional<String> formSchemaOf(UserTask task) {
		if (task.getFormKey() == null) {
			return Optional.empty();
		}
		try {
			Object schema = this.client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getSchema();
			return Optional.ofNullable(schema).map(Object::toString);
		}
		catch (ProblemException ex) {
			// a closed task may no longer have its form to give: its page shows without
			// it, read only
			if (isOpen(task) || ex.code() != 404) {
				throw ex;
			}
			return Optional.empty();
		}
	}

	/**
	 * Whether people may still work on the task: neither completed, cancelled nor being
	 * completed.
	 */
	public static boolean isOpen(UserTask task) {
		UserTaskState state = task.getState();
		return state != UserTaskState.COMPLETED && state != UserTaskState.CANCELED && state != UserTaskState.CANCELING
				&& state != UserTaskState.COMPLETING && state != UserTaskState.FAILED;
	}

	/**
	 * Whether the task's completion was asked for and waits for the process's completing
	 * task listeners (ADR 0286): it is neither open nor done yet.
	 */
	public static boolean isCompleting(UserTask task) {
		return task.getState() == UserTaskState.COMPLETING;
	}

	/**
	 * Why the task's last completion was refused, when a completing task listener denied
	 * it (the listener job's denied reason); empty when none was denied.
	 */
	public Optional<String> completionDenialOf(UserTask task) {
		return this.client.newJobSearchRequest()
			.filter((filter) -> filter.elementInstanceKey(task.getElementInstanceKey())
				.kind(JobKind.TASK_LISTENER)
				.listenerEventType(ListenerEventType.COMPLETING)
				.isDenied(true))
			.sort((sort) -> sort.jobKey().desc())
			.page((page) -> page.limit(1))
			.send()
			.join()
			.items()
			.stream()
			.findFirst()
			.map((job) -> job.getDeniedReason() == null || job.getDeniedReason().isBlank() ? "no reason given"
					: job.getDeniedReason());
	}

	public Map<String, Object> variablesOf(UserTask task) {
		try {
			return this.subjects.taskVariablesOf(task.getUserTaskKey(), task.getProcessInstanceKey());
		}
		catch (ProblemException ex) {
			// a closed task's own scope may be gone: its read-only page shows the
			// instance's variables
			if (isOpen(task) || ex.code() != 404) {
				throw ex;
			}
			return this.subjects.rootVariablesOf(task.getProcessInstanceKey());
		}
	}

	public List<ElementInstance> historyOf(long processInstanceKey) {
		return this.client.newElementInstanceSearchRequest()
			.filter((filter) -> filter.processInstanceKey(processInstanceKey))
			.sort((sort) -> sort.startDate().asc())
			.page((page) -> page.limit(SEARCH_LIMIT))
			.send()
			.join()
			.items();
	}

	public void claim(long taskKey, String username) {
		this.client.newAssignUserTaskCommand(taskKey).assignee(username).allowOverride(false).send().join();
	}

	public void unclaim(long taskKey) {
		this.client.newUnassignUserTaskCommand(taskKey).send().join();
	}

	public void complete(long taskKey, Map<String, Object> variables) {
		this.client.newCompleteUserTaskCommand(taskKey).variables(variables).send().join();
	}

	private List<UserTask> search(Consumer<UserTaskFilter> criteria) {
		return this.client.newUserTaskSearchRequest()
			.filter((filter) -> criteria.accept(filter.state(UserTaskState.CREATED)))
			.page((page) -> page.limit(SEARCH_LIMIT))
			.send()
			.join()
			.items();
	}

	private TaskRow toRow(UserTask task, Subject subject) {
		OffsetDateTime due = task.getDueDate();
		boolean overdue = due != null && due.toInstant().isBefore(this.clock.instant());
		return new TaskRow(task.getUserTaskKey(), task.getName() != null ? task.getName() : task.getElementId(),
				task.getBpmnProcessId(), task.getProcessInstanceKey(), subject.key(), subject.type(),
				task.getAssignee(), task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups(),
				task.getCreationDate(), due, task.getPriority(), overdue);
	}

	/** Filters and orders applied to the rows, after the engine search. */
	static final class TaskFilters {

		private TaskFilters() {
		}

		static boolean matches(TaskRow row, TaskQuery query) {
			return contains(row.processId(), query.process()) && contains(row.name(), query.task())
					&& contains(row.subject(), query.subject()) && (query.dueBefore() == null
							|| (row.due() != null && row.due().toLocalDate().isBefore(query.dueBefore())));
		}

		static Comparator<TaskRow> order(String sort) {
			Comparator<TaskRow> byCreation = Comparator.comparing(TaskRow::created,
					Comparator.nullsLast(Comparator.naturalOrder()));
			return switch (sort) {
				case "priority" ->
					Comparator.comparing(TaskRow::priority, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
						.thenComparing(byCreation);
				case "created" -> byCreation;
				default -> Comparator.comparing(TaskRow::due, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(byCreation);
			};
		}

		private static boolean contains(String value, String wanted) {
			return wanted == null || wanted.isBlank()
					|| (value != null && value.toLowerCase().contains(wanted.trim().toLowerCase()));
		}

	}

}

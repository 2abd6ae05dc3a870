package fr.refactory.engine;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.CompletionBehavior;
import fr.refactory.engine.execution.behavior.UserTaskTransitions;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.UserTaskStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * User-task commands: assign, unassign, update, complete (the element then continues),
 * each through the task's listeners of that lifecycle event when it has any (ADR 0286,
 * 0288).
 */
@Component
@ConditionalOnEmbeddedEngine
public class UserTasks {

	private final UserTaskStore tasks;

	private final ProcessExecutor executor;

	private final UserTaskTransitions transitions;

	private final CompletionBehavior completion;

	UserTasks(UserTaskStore tasks, ProcessExecutor executor, UserTaskTransitions transitions,
			CompletionBehavior completion) {
		this.tasks = tasks;
		this.completion = completion;
		this.executor = executor;
		this.transitions = transitions;
	}

	@Transactional
	public void assign(long key, String assignee, Boolean allowOverride, String action) {
		if (assignee == null || assignee.isBlank()) {
			throw Rejection.invalidArgument("Expected a non-empty assignee, but got none");
		}
		Map<String, Object> task = lockedCreatedTask(key, "assign");
		Object current = task.get("assignee");
		if (Boolean.FALSE.equals(allowOverride) && current != null && !current.equals(assignee)) {
			throw Rejection.invalidState("Expected to assign user task with key '" + key
					+ "', but it is already assigned to '" + current + "' and allowOverride is false");
		}
		String given = action != null ? action : Boolean.FALSE.equals(allowOverride) ? "claim" : "assign";
		assign(task, assignee, given);
	}

	@Transactional
	public void unassign(long key) {
		assign(lockedCreatedTask(key, "unassign"), null, "unassign");
	}

	private void assign(Map<String, Object> task, String assignee, String action) {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("assignee", assignee);
		if (!this.transitions.begin(contextOf(this.executor.begin(), task), task, TaskListener.ASSIGNING, changes,
				action, null)) {
			this.tasks.assign(task, assignee);
		}
	}

	@Transactional
	public void update(long key, Changeset changeset, String action) {
		Map<String, Object> task = lockedCreatedTask(key, "update");
		if (changeset.priority() != null && (changeset.priority() < 0 || changeset.priority() > 100)) {
			throw Rejection.invalidArgument("Expected priority between 0 and 100, but got " + changeset.priority());
		}
		UserTaskStore.Changes changes = new UserTaskStore.Changes(optionalDate(changeset.dueDate()),
				optionalDate(changeset.followUpDate()), json(changeset.candidateGroups()),
				json(changeset.candidateUsers()), changeset.priority());
		if (!this.transitions.begin(contextOf(this.executor.begin(), task), task, TaskListener.UPDATING,
				changeset.given(), action == null ? "update" : action, null)) {
			this.tasks.update(task, changes);
		}
	}

	/**
	 * Task-local variables set on a task with updating listeners: the task is UPDATING
	 * with the variables held until its listeners ran (Camunda 8.8, ADR 1601).
	 */
	void updateVariables(long elementInstanceKey, Map<String, Object> variables) {
		long key = (Long) this.tasks.latestOf(elementInstanceKey)
			.orElseThrow(() -> Rejection.notFound("Expected to update variables of the user task of element '"
					+ elementInstanceKey + "', but it has no user task"))
			.get("user_task_key");
		Map<String, Object> task = lockedCreatedTask(key, "update variables of");
		this.transitions.begin(contextOf(this.executor.begin(), task), task, TaskListener.UPDATING, Map.of(), "update",
				variables);
	}

	/**
	 * Completes the task, or, when it has completing listeners, starts its completion:
	 * the task is COMPLETING until its listeners ran (or one denied it), keeping the
	 * variables until then.
	 */
	@Transactional
	public void complete(long key, Map<String, Object> variables, String action) {
		Map<String, Object> task = lockedCreatedTask(key, "complete");
		Execution execution = this.executor.begin();
		ElementContext context = contextOf(execution, task);
		if (!this.transitions.begin(context, task, TaskListener.COMPLETING, Map.of(),
				action == null ? "complete" : action, variables == null ? Map.of() : variables)) {
			finishCompletion(context, task, variables);
		}
	}

	/**
	 * The job of one of the task's listeners completed with this result: a denial ends
	 * the waiting transition with the job's reason; otherwise its corrections are kept
	 * and the next listener runs, or the transition goes through with all corrections
	 * applied.
	 */
	@Transactional
	public void taskListenerCompleted(JobStore.Job job, ListenerResult result) {
		Map<String, Object> task = this.tasks.transitioningOf(job.elementInstanceKey());
		String transition = (String) task.get("state");
		if (result.denied() && !UserTaskTransitions.deniable(transition)) {
			throw Rejection.invalidArgument("Expected to complete task listener job with key '" + job.key()
					+ "', but it denies the " + transition.toLowerCase(Locale.ROOT)
					+ " of a user task, which cannot be denied (only assigning, updating and completing can)");
		}
		if (TaskListener.CANCELING.equals(transition) && !result.corrections().isEmpty()) {
			throw Rejection.invalidArgument("Expected to complete task listener job with key '" + job.key()
					+ "', but it gives corrections for the canceling of a user task, which a canceled task does not take");
		}
		if (!result.denied()) {
			check(result.corrections());
			requireNoAssigneeCorrectionOverTheModels(job, task, transition, result.corrections());
		}
		Execution execution = this.executor.begin();
		ElementContext context = contextOf(execution, task);
		Optional<UserTaskTransitions.Finished> finished = this.transitions.listenerCompleted(context,
				job.listener().index(), result.denied(), result.corrections());
		if (finished.isEmpty()) {
			return;
		}
		switch (transition) {
			case TaskListener.CANCELING -> this.executor.terminationWaitEnded(execution, context.instance());
			case TaskListener.CREATING -> this.transitions.finishCreating(context, finished.get());
			case TaskListener.ASSIGNING -> this.transitions.finishAssigning(finished.get());
			case TaskListener.UPDATING -> this.transitions.finishUpdating(finished.get());
			default -> {
				this.transitions.correct(task, finished.get().corrections());
				finishCompletion(context, task, finished.get().variables());
			}
		}
		this.executor.drain(execution);
	}

	/**
	 * Camunda 8.8: a creating listener may set the assignee only when the process did
	 * not; the model's assignee is changed by an assigning listener. Refused rather than
	 * dropped.
	 */
	private void requireNoAssigneeCorrectionOverTheModels(JobStore.Job job, Map<String, Object> task, String transition,
			Map<String, Object> corrections) {
		Object pending = task.get("pending_changes");
		if (TaskListener.CREATING.equals(transition) && corrections.containsKey("assignee") && pending != null
				&& ((Map<?, ?>) this.executor.variables().read((String) pending)).get("assignee") != null) {
			throw Rejection.invalidArgument("Expected to complete task listener job with key '" + job.key()
					+ "', but it corrects the assignee of a user task whose process already assigns it;"
					+ " correct it in an assigning listener");
		}
	}

	/**
	 * Resolving an incident raised while creating a task listener's job runs all
	 * listeners of the transition again.
	 */
	void retryTaskListeners(long elementInstanceKey) {
		Execution execution = this.executor.begin();
		this.transitions.retry(contextOf(execution, this.tasks.transitioningOf(elementInstanceKey)));
		this.executor.drain(execution);
	}

	private void finishCompletion(ElementContext context, Map<String, Object> task, Map<String, Object> variables) {
		this.tasks.complete(task, this.executor.store().now());
		this.completion.complete(context, variables);
	}

	private ElementContext contextOf(Execution execution, Map<String, Object> task) {
		long elementInstanceKey = (Long) task.get("element_instance_key");
		return this.executor.context(execution,
				this.executor.store().elementInstance(elementInstanceKey).orElseThrow());
	}

	/** Checks the corrections now, so a bad one is refused with the job that gave it. */
	private static void check(Map<String, Object> corrections) {
		optionalDate((String) corrections.get("dueDate"));
		optionalDate((String) corrections.get("followUpDate"));
		if (corrections.get("priority") instanceof Number priority
				&& (priority.intValue() < 0 || priority.intValue() > 100)) {
			throw Rejection.invalidArgument("Expected the corrected priority between 0 and 100, but got " + priority);
		}
	}

	private Map<String, Object> lockedCreatedTask(long key, String action) {
		long instance = this.tasks.processInstanceOf(key)
			.orElseThrow(() -> Rejection.notFound(
					"Expected to " + action + " user task with key '" + key + "', but no such user task was found"));
		this.executor.store().lockRoot(instance);
		Map<String, Object> task = this.tasks.find(key);
		if (!"CREATED".equals(task.get("state"))) {
			throw Rejection.invalidState("Expected to " + action + " user task with key '" + key
					+ "', but it is in state '" + task.get("state") + "'");
		}
		return task;
	}

	/** Null: unchanged; an empty date clears the field. */
	private static Optional<Timestamp> optionalDate(String value) {
		return value == null ? null : Optional.ofNullable(date(value));
	}

	private String json(List<String> values) {
		return values == null ? null : this.executor.variables().write(values);
	}

	private static Timestamp date(String value) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Timestamp.from(OffsetDateTime.parse(value).toInstant());
		}
		catch (DateTimeParseException ex) {
			throw Rejection.invalidArgument("Expected an ISO-8601 date-time, but got '" + value + "'");
		}
	}

	/**
	 * What a task listener's job result says: denied (with the reason, kept on the job),
	 * or the corrections given (attribute name to value; an empty string or list clears
	 * the attribute), checked by the caller.
	 */
	public record ListenerResult(boolean denied, String deniedReason, Map<String, Object> corrections) {
	}

	/**
	 * {@code PATCH /v2/user-tasks/{key}} changeset; empty strings and lists reset a
	 * field.
	 */
	public record Changeset(String dueDate, String followUpDate, List<String> candidateUsers,
			List<String> candidateGroups, Integer priority) {

		/**
		 * The attributes the changeset names, by name (what an updating listener sees as
		 * changed).
		 */
		Map<String, Object> given() {
			Map<String, Object> given = new LinkedHashMap<>();
			putIfGiven(given, "dueDate", this.dueDate);
			putIfGiven(given, "followUpDate", this.followUpDate);
			putIfGiven(given, "candidateUsers", this.candidateUsers);
			putIfGiven(given, "candidateGroups", this.candidateGroups);
			putIfGiven(given, "priority", this.priority);
			return given;
		}

		private static void putIfGiven(Map<String, Object> into, String name, Object value) {
			if (value != null) {
				into.put(name, value);
			}
		}

	}

}

package fr.refactory.engine;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.IncidentBehavior;
import fr.refactory.engine.execution.behavior.TaskListenerBehavior;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.UserTaskStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** User-task commands: assign, unassign, update, complete (the element then continues). */
@Component
@ConditionalOnEmbeddedEngine
public class UserTasks {

	/** The retry phase of an incident raised while creating a completing listener's job. */
	static final String COMPLETING_LISTENERS = "TASK_COMPLETING";

	private final UserTaskStore tasks;

	private final ProcessExecutor executor;

	private final TaskListenerBehavior listeners;

	private final IncidentBehavior incidents;

	UserTasks(UserTaskStore tasks, ProcessExecutor executor, TaskListenerBehavior listeners,
			IncidentBehavior incidents) {
		this.tasks = tasks;
		this.executor = executor;
		this.listeners = listeners;
		this.incidents = incidents;
	}

	@Transactional
	public void assign(long key, String assignee, Boolean allowOverride) {
		if (assignee == null || assignee.isBlank()) {
			throw Rejection.invalidArgument("Expected a non-empty assignee, but got none");
		}
		Map<String, Object> task = lockedCreatedTask(key, "assign");
		Object current = task.get("assignee");
		if (Boolean.FALSE.equals(allowOverride) && current != null && !current.equals(assignee)) {
			throw Rejection.invalidState("Expected to assign user task with key '" + key
					+ "', but it is already assigned to '" + current + "' and allowOverride is false");
		}
		this.tasks.assign(task, assignee);
	}

	@Transactional
	public void unassign(long key) {
		this.tasks.assign(lockedCreatedTask(key, "unassign"), null);
	}

	@Transactional
	public void update(long key, Changeset changeset) {
		Map<String, Object> task = lockedCreatedTask(key, "update");
		if (changeset.priority() != null && (changeset.priority() < 0 || changeset.priority() > 100)) {
			throw Rejection.invalidArgument("Expected priority between 0 and 100, but got " + changeset.priority());
		}
		this.tasks.update(task, new UserTaskStore.Changes(optionalDate(changeset.dueDate()),
				optionalDate(changeset.followUpDate()), json(changeset.candidateGroups()),
				json(changeset.candidateUsers()), changeset.priority()));
	}

	/**
	 * Completes the task, or, when it has completing listeners, starts its completion: the task is COMPLETING until
	 * its listeners ran (or one denied it), keeping the variables until then.
	 */
	@Transactional
	public void complete(long key, Map<String, Object> variables) {
		Map<String, Object> task = lockedCreatedTask(key, "complete");
		Execution execution = this.executor.begin();
		ElementContext context = contextOf(execution, task);
		if (!context.process().listeners().task(context.element().id(), TaskListener.COMPLETING).isEmpty()) {
			this.tasks.beginCompleting(task, this.executor.variables().write(variables == null ? Map.of() : variables));
			runCompletingListener(context, 0);
			return;
		}
		finishCompletion(execution, context, task, variables);
	}

	/**
	 * The job of the task's completing listener at {@code index} completed with this result: a denial reopens the
	 * task with the job's reason; otherwise its corrections are kept and the next listener runs, or the task
	 * completes with all corrections applied.
	 */
	@Transactional
	public void completingListenerCompleted(JobStore.Job job, ListenerResult result) {
		Map<String, Object> task = this.tasks.transitioningOf(job.elementInstanceKey());
		if (result.denied()) {
			this.tasks.denyCompletion(task);
			return;
		}
		check(result.corrections());
		Map<String, Object> corrections = new LinkedHashMap<>(read((String) task.get("pending_corrections")));
		corrections.putAll(result.corrections());
		this.tasks.correctPending(task, this.executor.variables().write(corrections));
		Execution execution = this.executor.begin();
		ElementContext context = contextOf(execution, task);
		if (runCompletingListener(context, job.listener().index() + 1)) {
			return;
		}
		applyCorrections(task, corrections);
		finishCompletion(execution, context, task, read((String) task.get("pending_variables")));
	}

	/** Resolving an incident raised while creating a completing listener's job runs all of them again. */
	void retryCompletingListeners(long elementInstanceKey) {
		Map<String, Object> task = this.tasks.transitioningOf(elementInstanceKey);
		this.tasks.correctPending(task, "{}");
		runCompletingListener(contextOf(this.executor.begin(), task), 0);
	}

	private boolean runCompletingListener(ElementContext context, int index) {
		try {
			return this.listeners.run(context, TaskListener.COMPLETING, index);
		}
		catch (ElementFailure failure) {
			this.incidents.create(context.instance(), failure.errorType(), failure.getMessage(), COMPLETING_LISTENERS,
					null);
			return true;
		}
	}

	private void finishCompletion(Execution execution, ElementContext context, Map<String, Object> task,
			Map<String, Object> variables) {
		this.tasks.complete(task, this.executor.store().now());
		this.executor.variableBehavior().mergeCompletionVariables(context, variables);
		this.executor.queueComplete(execution, context.instance().key(), null);
		this.executor.drain(execution);
	}

	@SuppressWarnings("unchecked")
	private void applyCorrections(Map<String, Object> task, Map<String, Object> corrections) {
		if (corrections.isEmpty()) {
			return;
		}
		Object priority = corrections.get("priority");
		Object assignee = corrections.get("assignee");
		this.tasks.correct(task, new UserTaskStore.Changes(optionalDate((String) corrections.get("dueDate")),
				optionalDate((String) corrections.get("followUpDate")),
				json((List<String>) corrections.get("candidateGroups")),
				json((List<String>) corrections.get("candidateUsers")),
				priority == null ? null : ((Number) priority).intValue()),
				assignee == null ? null : Optional.of((String) assignee).filter((a) -> !a.isEmpty()));
	}

	private ElementContext contextOf(Execution execution, Map<String, Object> task) {
		long elementInstanceKey = (Long) task.get("element_instance_key");
		return this.executor.context(execution, this.executor.store().elementInstance(elementInstanceKey).orElseThrow());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(String json) {
		return json == null ? Map.of() : (Map<String, Object>) this.executor.variables().read(json);
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
			.orElseThrow(() -> Rejection.notFound("Expected to " + action + " user task with key '" + key
					+ "', but no such user task was found"));
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
	 * What a task listener's job result says: denied (with the reason, kept on the job), or the corrections given
	 * (attribute name to value; an empty string or list clears the attribute), checked by the caller.
	 */
	public record ListenerResult(boolean denied, String deniedReason, Map<String, Object> corrections) {
	}

	/** {@code PATCH /v2/user-tasks/{key}} changeset; empty strings and lists reset a field. */
	public record Changeset(String dueDate, String followUpDate, List<String> candidateUsers,
			List<String> candidateGroups, Integer priority) {
	}

}

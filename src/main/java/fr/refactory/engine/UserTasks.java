package fr.refactory.engine;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.state.UserTaskStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** User-task commands: assign, unassign, update, complete (the element then continues). */
@Component
@ConditionalOnEmbeddedEngine
public class UserTasks {

	private final UserTaskStore tasks;

	private final ProcessExecutor executor;

	UserTasks(UserTaskStore tasks, ProcessExecutor executor) {
		this.tasks = tasks;
		this.executor = executor;
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

	@Transactional
	public void complete(long key, Map<String, Object> variables) {
		Map<String, Object> task = lockedCreatedTask(key, "complete");
		this.tasks.complete(task, this.executor.store().now());
		long elementInstanceKey = (Long) task.get("element_instance_key");
		Execution execution = this.executor.begin();
		ElementContext context = this.executor.context(execution,
				this.executor.store().elementInstance(elementInstanceKey).orElseThrow());
		this.executor.variableBehavior().mergeCompletionVariables(context, variables);
		this.executor.queueComplete(execution, elementInstanceKey, null);
		this.executor.drain(execution);
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

	/** {@code PATCH /v2/user-tasks/{key}} changeset; empty strings and lists reset a field. */
	public record Changeset(String dueDate, String followUpDate, List<String> candidateUsers,
			List<String> candidateGroups, Integer priority) {
	}

}

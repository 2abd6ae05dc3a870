package fr.refactory.engine;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.state.EngineEvent;
import fr.refactory.engine.state.EventLog;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.ValueType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** User-task commands: assign, unassign, update, complete (the element then continues). */
@Component
@ConditionalOnEmbeddedEngine
public class UserTasks {

	private final JdbcTemplate jdbc;

	private final ProcessExecutor executor;

	private final EventLog events;

	UserTasks(JdbcTemplate jdbc, ProcessExecutor executor, EventLog events) {
		this.jdbc = jdbc;
		this.executor = executor;
		this.events = events;
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
		this.jdbc.update("update engine_user_task set assignee = ? where user_task_key = ?", assignee, key);
		this.events.append(event(task, Intent.ASSIGNED));
	}

	@Transactional
	public void unassign(long key) {
		Map<String, Object> task = lockedCreatedTask(key, "unassign");
		this.jdbc.update("update engine_user_task set assignee = null where user_task_key = ?", key);
		this.events.append(event(task, Intent.ASSIGNED));
	}

	@Transactional
	public void update(long key, Changeset changeset) {
		this.events.append(event(lockedCreatedTask(key, "update"), Intent.UPDATED));
		if (changeset.dueDate() != null) {
			this.jdbc.update("update engine_user_task set due_date = ? where user_task_key = ?",
					date(changeset.dueDate()), key);
		}
		if (changeset.followUpDate() != null) {
			this.jdbc.update("update engine_user_task set follow_up_date = ? where user_task_key = ?",
					date(changeset.followUpDate()), key);
		}
		if (changeset.candidateGroups() != null) {
			this.jdbc.update("update engine_user_task set candidate_groups = cast(? as jsonb) where user_task_key = ?",
					this.executor.variables().write(changeset.candidateGroups()), key);
		}
		if (changeset.candidateUsers() != null) {
			this.jdbc.update("update engine_user_task set candidate_users = cast(? as jsonb) where user_task_key = ?",
					this.executor.variables().write(changeset.candidateUsers()), key);
		}
		if (changeset.priority() != null) {
			if (changeset.priority() < 0 || changeset.priority() > 100) {
				throw Rejection.invalidArgument("Expected priority between 0 and 100, but got " + changeset.priority());
			}
			this.jdbc.update("update engine_user_task set priority = ? where user_task_key = ?", changeset.priority(),
					key);
		}
	}

	@Transactional
	public void complete(long key, Map<String, Object> variables) {
		Map<String, Object> task = lockedCreatedTask(key, "complete");
		this.jdbc.update("update engine_user_task set state = 'COMPLETED', completion_date = ? where user_task_key = ?",
				this.executor.store().now(), key);
		this.events.append(event(task, Intent.COMPLETED));
		long elementInstanceKey = (Long) task.get("element_instance_key");
		Execution execution = this.executor.begin();
		ElementContext context = this.executor.context(execution,
				this.executor.store().elementInstance(elementInstanceKey).orElseThrow());
		this.executor.variableBehavior().mergeCompletionVariables(context, variables);
		this.executor.queueComplete(execution, elementInstanceKey, null);
		this.executor.drain(execution);
	}

	private Map<String, Object> lockedCreatedTask(long key, String action) {
		List<Long> instances = this.jdbc.queryForList(
				"select process_instance_key from engine_user_task where user_task_key = ?", Long.class, key);
		if (instances.isEmpty()) {
			throw Rejection.notFound("Expected to " + action + " user task with key '" + key
					+ "', but no such user task was found");
		}
		this.executor.store().lockRoot(instances.get(0));
		Map<String, Object> task = this.jdbc.queryForMap("select * from engine_user_task where user_task_key = ?",
				key);
		if (!"CREATED".equals(task.get("state"))) {
			throw Rejection.invalidState("Expected to " + action + " user task with key '" + key
					+ "', but it is in state '" + task.get("state") + "'");
		}
		return task;
	}

	private static EngineEvent event(Map<String, Object> task, Intent intent) {
		return new EngineEvent((Long) task.get("user_task_key"), ValueType.USER_TASK, intent,
				(Long) task.get("process_instance_key"), (Long) task.get("element_instance_key"),
				(String) task.get("element_id"), Map.of());
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

package fr.refactory.engine.state;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camunda user tasks in {@code engine_user_task}: the only writer of the table, appending
 * the task's events.
 */
@Component
@ConditionalOnEmbeddedEngine
public class UserTaskStore {

	/** The states of a task that has not ended, but is not yet being canceled. */
	private static final String WITHOUT_CANCELING = "'CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING'";

	/** The states of a task that has not ended. */
	private static final String OPEN = WITHOUT_CANCELING + ", 'CANCELING'";

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final EventLog events;

	UserTaskStore(JdbcTemplate jdbc, KeyGenerator keys, EventLog events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.events = events;
	}

	/** Creates the task of the element instance; returns its key. */
	public long create(ElementInstance instance, NewUserTask task) {
		return create(instance, task, Intent.CREATED, null);
	}

	/**
	 * Creates the task waiting for its creating listeners (state CREATING), with what the
	 * model gave that applies once they ran ({@code pendingChanges}, JSON: the model's
	 * assignee).
	 */
	public long createWaitingForListeners(ElementInstance instance, NewUserTask task, String pendingChanges) {
		return create(instance, task, Intent.CREATING, pendingChanges);
	}

	private long create(ElementInstance instance, NewUserTask task, Intent state, String pendingChanges) {
		long key = this.keys.nextKey();
		this.jdbc.update("insert into engine_user_task (user_task_key, element_instance_key, process_instance_key,"
				+ " process_definition_key, process_definition_id, process_definition_version, element_id, name, state,"
				+ " assignee, candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key,"
				+ " custom_headers, creation_date, pending_changes, pending_corrections) values (?,?,?,?,?,?,?,?,?,?,"
				+ " cast(? as jsonb), cast(? as jsonb),?,?,?,?,?,?,?,?)", key, instance.key(),
				instance.processInstanceKey(), instance.processDefinitionKey(), instance.processDefinitionId(),
				task.processDefinitionVersion(), instance.elementId(), task.name(), state.name(), task.assignee(),
				task.candidateGroups(), task.candidateUsers(), task.dueDate(), task.followUpDate(), task.priority(),
				task.formKey(), task.customHeaders(), task.creationDate(), pendingChanges,
				state == Intent.CREATING ? "{}" : null);
		this.events.append(EngineEvent.about(instance, key, ValueType.USER_TASK, state));
		return key;
	}

	/**
	 * The open task of the migrated element instance keeps its key, assignee, candidates,
	 * dates and form, and now refers to the target version's element (decision 1001).
	 */
	public void migrated(ElementInstance migrated, int processDefinitionVersion) {
		this.jdbc.query("update engine_user_task set element_id = ?, process_definition_key = ?,"
				+ " process_definition_id = ?, process_definition_version = ? where element_instance_key = ?"
				+ " and state in ('CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING') returning user_task_key",
				(rs, row) -> EngineEvent.about(migrated, rs.getLong(1), ValueType.USER_TASK, Intent.MIGRATED),
				migrated.elementId(), migrated.processDefinitionKey(), migrated.processDefinitionId(),
				processDefinitionVersion, migrated.key())
			.forEach(this.events::append);
	}

	/** Cancels the open task of the element instance (it was terminated). */
	public void cancelOf(long elementInstanceKey, Timestamp now) {
		this.jdbc
			.query("update engine_user_task set state = 'CANCELED', completion_date = ?"
					+ " where element_instance_key = ? and state in (" + OPEN + ")"
					+ " returning user_task_key, process_instance_key, element_id",
					(rs, row) -> new EngineEvent(rs.getLong(1), ValueType.USER_TASK, Intent.CANCELED, rs.getLong(2),
							elementInstanceKey, rs.getString(3), Map.of()),
					now, elementInstanceKey)
			.forEach(this.events::append);
	}

	public Optional<Long> processInstanceOf(long userTaskKey) {
		List<Long> instances = this.jdbc.queryForList(
				"select process_instance_key from engine_user_task where user_task_key = ?", Long.class, userTaskKey);
		return instances.stream().findFirst();
	}

	/** The task's row, column by column. */
	public Map<String, Object> find(long userTaskKey) {
		return this.jdbc.queryForMap("select * from engine_user_task where user_task_key = ?", userTaskKey);
	}

	/** Assigns the task, or unassigns it ({@code assignee} null). */
	public void assign(Map<String, Object> task, String assignee) {
		this.jdbc.update("update engine_user_task set assignee = ? where user_task_key = ?", assignee, keyOf(task));
		this.events.append(event(task, Intent.ASSIGNED));
	}

	/**
	 * Applies the changes that are given (null: unchanged); the caller has checked them.
	 */
	public void update(Map<String, Object> task, Changes changes) {
		applyChanges(task, changes);
		this.events.append(event(task, Intent.UPDATED));
	}

	/**
	 * The task's lifecycle transition ({@code ASSIGNING}, {@code UPDATING},
	 * {@code COMPLETING}) waits for its listeners, keeping what it will change (JSON),
	 * the action that asked for it and a completion's variables (JSON).
	 */
	public void beginTransition(Map<String, Object> task, Intent transition, String changes, String action,
			String variables) {
		this.jdbc.update(
				"update engine_user_task set state = ?, pending_changes = ?, pending_action = ?,"
						+ " pending_variables = ?, pending_corrections = '{}' where user_task_key = ?",
				transition.name(), changes, action, variables, keyOf(task));
		this.events.append(event(task, transition));
	}

	/**
	 * The transition went through: the task is open again (CREATED) with nothing pending;
	 * the caller applies it.
	 */
	public void endTransition(Map<String, Object> task) {
		this.jdbc.update("update engine_user_task set state = 'CREATED', pending_changes = null, pending_action = null,"
				+ " pending_variables = null, pending_corrections = null where user_task_key = ?", keyOf(task));
	}

	/** The creating listeners ran: the task is created. */
	public void created(Map<String, Object> task) {
		endTransition(task);
		this.events.append(event(task, Intent.CREATED));
	}

	/**
	 * A listener denied the transition: the task is open again as it was, everything
	 * pending discarded.
	 */
	public void deny(Map<String, Object> task, Intent denied) {
		endTransition(task);
		this.events.append(event(task, denied));
	}

	/**
	 * The corrections of the completing listeners so far (JSON), applied only if the
	 * completion goes through.
	 */
	public void correctPending(Map<String, Object> task, String corrections) {
		this.jdbc.update("update engine_user_task set pending_corrections = ? where user_task_key = ?", corrections,
				keyOf(task));
	}

	/**
	 * Applies the listeners' corrections (assignee given: corrected, empty: cleared)
	 * without an update event.
	 */
	public void correct(Map<String, Object> task, Changes changes, Optional<String> assignee) {
		applyChanges(task, changes);
		if (assignee != null) {
			this.jdbc.update("update engine_user_task set assignee = ? where user_task_key = ?", assignee.orElse(null),
					keyOf(task));
		}
		this.events.append(event(task, Intent.CORRECTED));
	}

	/**
	 * The task of the element instance whose lifecycle transition waits for listeners.
	 */
	public Map<String, Object> transitioningOf(long elementInstanceKey) {
		return this.jdbc.queryForMap(
				"select * from engine_user_task where element_instance_key = ?"
						+ " and state in ('CREATING', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'CANCELING')",
				elementInstanceKey);
	}

	/** The task of the element instance, unless it ended or is being canceled. */
	public Optional<Map<String, Object>> openOf(long elementInstanceKey) {
		return this.jdbc
			.queryForList("select * from engine_user_task where element_instance_key = ? and state in ("
					+ WITHOUT_CANCELING + ")", elementInstanceKey)
			.stream()
			.findFirst();
	}

	/** The latest task of the element instance, whatever its state. */
	public Optional<Map<String, Object>> latestOf(long elementInstanceKey) {
		return this.jdbc
			.queryForList("select * from engine_user_task where element_instance_key = ?"
					+ " order by user_task_key desc limit 1", elementInstanceKey)
			.stream()
			.findFirst();
	}

	private void applyChanges(Map<String, Object> task, Changes changes) {
		long key = keyOf(task);
		if (changes.dueDate() != null) {
			this.jdbc.update("update engine_user_task set due_date = ? where user_task_key = ?",
					changes.dueDate().orElse(null), key);
		}
		if (changes.followUpDate() != null) {
			this.jdbc.update("update engine_user_task set follow_up_date = ? where user_task_key = ?",
					changes.followUpDate().orElse(null), key);
		}
		if (changes.candidateGroups() != null) {
			this.jdbc.update("update engine_user_task set candidate_groups = cast(? as jsonb) where user_task_key = ?",
					changes.candidateGroups(), key);
		}
		if (changes.candidateUsers() != null) {
			this.jdbc.update("update engine_user_task set candidate_users = cast(? as jsonb) where user_task_key = ?",
					changes.candidateUsers(), key);
		}
		if (changes.priority() != null) {
			this.jdbc.update("update engine_user_task set priority = ? where user_task_key = ?", changes.priority(),
					key);
		}
	}

	public void complete(Map<String, Object> task, Timestamp now) {
		this.jdbc
			.update("update engine_user_task set state = 'COMPLETED', completion_date = ?, pending_variables = null,"
					+ " pending_corrections = null, pending_changes = null, pending_action = null where user_task_key = ?",
					now, keyOf(task));
		this.events.append(event(task, Intent.COMPLETED));
	}

	private static long keyOf(Map<String, Object> task) {
		return (Long) task.get("user_task_key");
	}

	private static EngineEvent event(Map<String, Object> task, Intent intent) {
		return new EngineEvent(keyOf(task), ValueType.USER_TASK, intent, (Long) task.get("process_instance_key"),
				(Long) task.get("element_instance_key"), (String) task.get("element_id"), Map.of());
	}

	/**
	 * A task to create: its evaluated assignment, schedule, priority and form; lists and
	 * headers as JSON text.
	 */
	public record NewUserTask(int processDefinitionVersion, String name, String assignee, String candidateGroups,
			String candidateUsers, Timestamp dueDate, Timestamp followUpDate, int priority, Long formKey,
			String customHeaders, Timestamp creationDate) {
	}

	/**
	 * Changes to a task; a null component is left unchanged, an empty optional clears a
	 * date; lists as JSON text.
	 */
	public record Changes(Optional<Timestamp> dueDate, Optional<Timestamp> followUpDate, String candidateGroups,
			String candidateUsers, Integer priority) {
	}

	/**
	 * The user tasks of a deleted process definition go with it (resource deletion, ADR
	 * 0251).
	 */
	public void definitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_user_task where process_definition_key = ?", processDefinitionKey);
	}

}

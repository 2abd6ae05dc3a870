package fr.refactory.engine.execution.behavior;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.UserTaskStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * The lifecycle transitions of a Camunda user task that wait for its task listeners
 * (Camunda 8.8): creating, assigning, updating, completing. The task waits in the
 * transition's state with what the transition will change; the listeners' corrections are
 * kept until the last one ran, then the transition goes through with them; a denial ends
 * it as if it never happened (ADR 0286, 0288). An update may also hold task-local
 * variables (ADR 1601).
 */
@Component
@ConditionalOnEmbeddedEngine
public class UserTaskTransitions {

	private static final Map<String, Intent> DENIED = Map.of(TaskListener.ASSIGNING, Intent.ASSIGNMENT_DENIED,
			TaskListener.UPDATING, Intent.UPDATE_DENIED, TaskListener.COMPLETING, Intent.COMPLETION_DENIED);

	private static final String ASSIGNEE = "assignee";

	private final UserTaskStore tasks;

	private final TaskListenerBehavior listeners;

	private final VariableStore variables;

	UserTaskTransitions(UserTaskStore tasks, TaskListenerBehavior listeners, VariableStore variables) {
		this.tasks = tasks;
		this.listeners = listeners;
		this.variables = variables;
	}

	/**
	 * Whether listeners of the transition (ASSIGNING, UPDATING, COMPLETING; not CREATING)
	 * may deny it.
	 */
	public static boolean deniable(String transition) {
		return DENIED.containsKey(transition);
	}

	/**
	 * Starts the transition when the task has listeners of it: the task waits with the
	 * {@code changes} (attribute to value), the {@code action} and a completion's
	 * {@code variables}, and the first listener's job is created.
	 * @return false when the task has no such listener: the caller applies the transition
	 * at once
	 */
	public boolean begin(ElementContext context, Map<String, Object> task, String transition,
			Map<String, Object> changes, String action, Map<String, Object> variables) {
		if (!this.listeners.any(context, transition)) {
			return false;
		}
		this.tasks.beginTransition(task, Intent.valueOf(transition), this.variables.write(changes), action,
				variables == null ? null : this.variables.write(variables));
		this.listeners.runOrRaiseIncident(context, transition, 0);
		return true;
	}

	/**
	 * The listener at {@code index} of the task's waiting transition completed: a denial
	 * ends the transition; else its corrections join the earlier ones and the next
	 * listener runs.
	 * @return the transition to apply once its last listener ran, else empty (waiting, or
	 * denied)
	 */
	public Optional<Finished> listenerCompleted(ElementContext context, int index, boolean denied,
			Map<String, Object> corrections) {
		Map<String, Object> task = this.tasks.transitioningOf(context.instance().key());
		String transition = (String) task.get("state");
		if (denied) {
			this.tasks.deny(task, DENIED.get(transition));
			return Optional.empty();
		}
		Map<String, Object> all = new LinkedHashMap<>(read(task.get("pending_corrections")));
		all.putAll(corrections);
		this.tasks.correctPending(task, this.variables.write(all));
		if (this.listeners.runOrRaiseIncident(context, transition, index + 1)) {
			return Optional.empty();
		}
		return Optional.of(new Finished(transition, task, read(task.get("pending_changes")), all,
				read(task.get("pending_variables"))));
	}

	/**
	 * Resolving an incident raised while creating a listener's job runs all listeners of
	 * the transition again.
	 */
	public void retry(ElementContext context) {
		Map<String, Object> task = this.tasks.transitioningOf(context.instance().key());
		this.tasks.correctPending(task, "{}");
		this.listeners.runOrRaiseIncident(context, (String) task.get("state"), 0);
	}

	/**
	 * The creating listeners ran: the task is created with their corrections, then gets
	 * the model's assignee (through its assigning listeners, if any), as Camunda 8.8
	 * does.
	 */
	public void finishCreating(ElementContext context, Finished finished) {
		correct(finished.task(), finished.corrections());
		this.tasks.created(finished.task());
		assignFromModel(context, this.tasks.find(keyOf(finished.task())), (String) finished.changes().get(ASSIGNEE));
	}

	/**
	 * The model's assignee of a created task: assigned through the assigning listeners,
	 * or at once.
	 */
	public void assignFromModel(ElementContext context, Map<String, Object> task, String assignee) {
		if (assignee != null
				&& !begin(context, task, TaskListener.ASSIGNING, Map.of(ASSIGNEE, assignee), "assign", null)) {
			this.tasks.assign(task, assignee);
		}
	}

	/**
	 * The assigning listeners ran: the assignee asked for, or the corrected one, with the
	 * other corrections.
	 */
	public void finishAssigning(Finished finished) {
		Map<String, Object> corrections = new LinkedHashMap<>(finished.corrections());
		Object corrected = corrections.remove(ASSIGNEE);
		String assignee = corrected != null ? emptyToNull((String) corrected)
				: (String) finished.changes().get(ASSIGNEE);
		this.tasks.endTransition(finished.task());
		correct(finished.task(), corrections);
		this.tasks.assign(finished.task(), assignee);
	}

	/**
	 * The updating listeners ran: the changes asked for, each corrected attribute as the
	 * listeners corrected it.
	 */
	public void finishUpdating(Finished finished) {
		Map<String, Object> changes = new LinkedHashMap<>(finished.changes());
		changes.keySet().removeAll(finished.corrections().keySet());
		this.tasks.endTransition(finished.task());
		correct(finished.task(), finished.corrections());
		this.tasks.update(finished.task(), changesOf(changes));
		setTaskLocal(finished.task(), finished.variables());
	}

	/**
	 * The task-local variables an update held (ADR 1601), set on the task's element
	 * instance once it went through.
	 */
	private void setTaskLocal(Map<String, Object> task, Map<String, Object> variables) {
		long scope = (Long) task.get("element_instance_key");
		long processInstanceKey = (Long) task.get("process_instance_key");
		variables.forEach((name, value) -> this.variables.setLocal(scope, processInstanceKey, name, value));
	}

	/**
	 * Applies the listeners' corrections (a CORRECTED event), when there are any: an
	 * empty string or list clears the attribute.
	 */
	public void correct(Map<String, Object> task, Map<String, Object> corrections) {
		if (corrections.isEmpty()) {
			return;
		}
		Object assignee = corrections.get(ASSIGNEE);
		this.tasks.correct(task, changesOf(corrections),
				assignee == null ? null : Optional.ofNullable(emptyToNull((String) assignee)));
	}

	/**
	 * Attribute values (checked by the command that gave them) as the store's changes;
	 * absent ones unchanged.
	 */
	@SuppressWarnings("unchecked")
	private UserTaskStore.Changes changesOf(Map<String, Object> values) {
		Object priority = values.get("priority");
		return new UserTaskStore.Changes(optionalDate(values.get("dueDate")), optionalDate(values.get("followUpDate")),
				json((List<String>) values.get("candidateGroups")), json((List<String>) values.get("candidateUsers")),
				priority == null ? null : ((Number) priority).intValue());
	}

	private String json(List<String> values) {
		return values == null ? null : this.variables.write(values);
	}

	private static Optional<Timestamp> optionalDate(Object value) {
		if (value == null) {
			return null;
		}
		String text = (String) value;
		return text.isEmpty() ? Optional.empty() : Optional.of(Timestamp.from(OffsetDateTime.parse(text).toInstant()));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(Object json) {
		return json == null ? Map.of() : (Map<String, Object>) this.variables.read((String) json);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static long keyOf(Map<String, Object> task) {
		return (Long) task.get("user_task_key");
	}

	/**
	 * A transition whose listeners all ran: the task's row when it began, what it
	 * changes, the listeners' corrections and a completion's variables.
	 */
	public record Finished(String transition, Map<String, Object> task, Map<String, Object> changes,
			Map<String, Object> corrections, Map<String, Object> variables) {
	}

}

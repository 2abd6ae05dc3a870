package fr.refactory.engine.job;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.UserTaskStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * The user task a task listener's job is about, as Camunda 8.8 shows it to the listener:
 * the task with the change its transition asks for and the earlier listeners' corrections
 * applied; {@code changedAttributes} names what the transition asks to change (assigning,
 * updating) and each correction that leaves an attribute different from the task's (a
 * correction undone by a later listener is no longer a change).
 */
@Component
@ConditionalOnEmbeddedEngine
class ListenedTasks {

	private static final List<String> ATTRIBUTES = List.of("assignee", "candidateGroups", "candidateUsers", "dueDate",
			"followUpDate", "priority");

	private final UserTaskStore tasks;

	private final VariableStore variables;

	ListenedTasks(UserTaskStore tasks, VariableStore variables) {
		this.tasks = tasks;
		this.variables = variables;
	}

	/**
	 * The {@code userTask} of the activated job: null unless it is a task listener's job.
	 */
	UserTaskProperties of(JobStore.Job job) {
		if (!"TASK_LISTENER".equals(job.listener().kind())) {
			return null;
		}
		return this.tasks.latestOf(job.elementInstanceKey()).map(this::propertiesOf).orElse(null);
	}

	@SuppressWarnings("unchecked")
	private UserTaskProperties propertiesOf(Map<String, Object> task) {
		Map<String, Object> current = currentValues(task);
		Map<String, Object> changes = read(task.get("pending_changes"));
		Map<String, Object> corrections = read(task.get("pending_corrections"));
		Map<String, Object> seen = new LinkedHashMap<>(current);
		seen.putAll(changes);
		corrections.forEach((name, value) -> seen.put(name, cleared(value)));
		List<String> changed = new ArrayList<>();
		boolean creating = "CREATING".equals(task.get("state"));
		for (String attribute : ATTRIBUTES) {
			boolean asked = !creating && changes.containsKey(attribute);
			boolean corrected = corrections.containsKey(attribute)
					&& !Objects.equals(normal(seen.get(attribute)), normal(current.get(attribute)));
			if (asked || corrected) {
				changed.add(attribute);
			}
		}
		Object priority = seen.get("priority");
		Object formKey = task.get("form_key");
		return new UserTaskProperties((String) task.get("pending_action"), (String) seen.get("assignee"),
				(List<String>) seen.get("candidateGroups"), (List<String>) seen.get("candidateUsers"), changed,
				(String) seen.get("dueDate"), (String) seen.get("followUpDate"),
				formKey == null ? null : String.valueOf(formKey),
				priority == null ? null : ((Number) priority).intValue(), String.valueOf(task.get("user_task_key")));
	}

	private Map<String, Object> currentValues(Map<String, Object> task) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("assignee", task.get("assignee"));
		values.put("candidateGroups", this.variables.read(String.valueOf(task.get("candidate_groups"))));
		values.put("candidateUsers", this.variables.read(String.valueOf(task.get("candidate_users"))));
		values.put("dueDate", date(task.get("due_date")));
		values.put("followUpDate", date(task.get("follow_up_date")));
		values.put("priority", task.get("priority"));
		return values;
	}

	/** A correction's empty string clears the attribute. */
	private static Object cleared(Object value) {
		return "".equals(value) ? null : value;
	}

	/** Dates compare as instants, whatever offset they were written with. */
	private static Object normal(Object value) {
		if (value instanceof String text && !text.isEmpty() && Character.isDigit(text.charAt(0))) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (RuntimeException notADate) {
				return text;
			}
		}
		return value instanceof Number number ? number.intValue() : value;
	}

	private static String date(Object value) {
		return value == null ? null : ((Timestamp) value).toInstant().toString();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(Object json) {
		return json == null ? Map.of() : (Map<String, Object>) this.variables.read((String) json);
	}

}

package fr.refactory.engine.execution.behavior;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.Expression;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.Binding;
import fr.refactory.engine.model.JobDefinition;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.model.UserTaskDefinition;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.UserTaskStore;
import fr.refactory.engine.state.UserTaskStore.NewUserTask;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * Creates a Camunda user task (assignment, schedule, priority, linked form; first through
 * its creating listeners, the model's assignee then through its assigning listeners) and
 * cancels it on termination.
 */
@Component
@ConditionalOnEmbeddedEngine
public class UserTaskBehavior {

	private static final String HEADER_PREFIX = "io.camunda.zeebe:";

	/**
	 * A job-based user task's job has one retry, as in Camunda 8: a failure raises an
	 * incident at once.
	 */
	private static final String JOB_RETRIES = "1";

	private final JobBehavior jobs;

	private final TaskListenerBehavior listeners;

	private final UserTaskTransitions transitions;

	private final DefinitionStore definitions;

	private final RuntimeStore store;

	private final VariableStore variables;

	private final UserTaskStore tasks;

	private final IncidentBehavior incidents;

	UserTaskBehavior(DefinitionStore definitions, RuntimeStore store, VariableStore variables, UserTaskStore tasks,
			JobBehavior jobs, TaskListenerBehavior listeners, UserTaskTransitions transitions,
			IncidentBehavior incidents) {
		this.incidents = incidents;
		this.jobs = jobs;
		this.listeners = listeners;
		this.transitions = transitions;
		this.tasks = tasks;
		this.definitions = definitions;
		this.store = store;
		this.variables = variables;
	}

	public void create(ElementContext context) {
		UserTaskDefinition task = context.element().userTask();
		if (task.jobWorker()) {
			createJob(context, task);
			return;
		}
		Map<String, Object> scope = context.variables();
		String assignee = assignee(task.assignee(), scope);
		List<String> groups = list(task.candidateGroups(), scope);
		List<String> users = list(task.candidateUsers(), scope);
		Timestamp due = date(task.dueDate(), scope);
		Timestamp followUp = date(task.followUpDate(), scope);
		int priority = priority(task.priority(), scope);
		Long formKey = formKey(task.formId(), task.formBinding(), context.instance().processDefinitionKey(), scope);
		boolean creating = this.listeners.any(context, TaskListener.CREATING);
		boolean assignLater = creating || assignee != null && this.listeners.any(context, TaskListener.ASSIGNING);
		NewUserTask created = new NewUserTask(context.process().version(), context.element().nameOrId(),
				assignLater ? null : assignee, this.variables.write(groups), this.variables.write(users), due, followUp,
				priority, formKey, this.variables.write(task.headers()), this.store.now());
		if (creating) {
			Map<String, Object> modelAssignee = new LinkedHashMap<>();
			modelAssignee.put("assignee", assignee);
			this.tasks.createWaitingForListeners(context.instance(), created, this.variables.write(modelAssignee));
			this.listeners.runOrRaiseIncident(context, TaskListener.CREATING, 0);
			return;
		}
		long key = this.tasks.create(context.instance(), created);
		if (assignLater) {
			this.transitions.assignFromModel(context, this.tasks.find(key), assignee);
		}
	}

	/**
	 * A job-based user task: a job of type {@code io.camunda.zeebe:userTask} whose
	 * headers carry the evaluated assignment, schedule and custom form key next to the
	 * task headers (ADR 0287), checked as for Camunda user tasks.
	 */
	private void createJob(ElementContext context, UserTaskDefinition task) {
		Map<String, Object> scope = context.variables();
		Map<String, String> headers = new LinkedHashMap<>(task.headers());
		putIfPresent(headers, "assignee", assignee(task.assignee(), scope));
		List<String> groups = list(task.candidateGroups(), scope);
		List<String> users = list(task.candidateUsers(), scope);
		putIfPresent(headers, "candidateGroups", groups.isEmpty() ? null : this.variables.write(groups));
		putIfPresent(headers, "candidateUsers", users.isEmpty() ? null : this.variables.write(users));
		putIfPresent(headers, "dueDate", date(task.dueDate(), scope) == null ? null : text(task.dueDate(), scope));
		putIfPresent(headers, "followUpDate",
				date(task.followUpDate(), scope) == null ? null : text(task.followUpDate(), scope));
		putIfPresent(headers, "formKey", task.formKey());
		this.jobs.createJob(context, new JobDefinition(new Expression(UserTaskDefinition.JOB_TYPE, null),
				new Expression(JOB_RETRIES, null), headers));
	}

	private static void putIfPresent(Map<String, String> headers, String attribute, String value) {
		if (value != null) {
			headers.put(HEADER_PREFIX + attribute, value);
		}
	}

	/**
	 * The task's element is being terminated: with canceling listeners, the open task
	 * becomes CANCELING (a transition it was in is dropped with its listener jobs and
	 * incidents) and its first canceling listener runs; the termination waits for them
	 * (ADR 1602).
	 * @return whether the termination waits for canceling listeners
	 */
	public boolean startCanceling(ElementContext context) {
		if (context.element().userTask().jobWorker() || !this.listeners.any(context, TaskListener.CANCELING)) {
			return false;
		}
		long key = context.instance().key();
		Map<String, Object> task = this.tasks.openOf(key).orElse(null);
		if (task == null) {
			return false;
		}
		this.jobs.cancelJobs(key);
		this.incidents.resolveAllOf(key);
		this.tasks.beginTransition(task, Intent.CANCELING, null, null, null);
		this.listeners.runOrRaiseIncident(context, TaskListener.CANCELING, 0);
		return true;
	}

	public void cancel(long elementInstanceKey) {
		this.jobs.cancelJobs(elementInstanceKey);
		this.tasks.cancelOf(elementInstanceKey, this.store.now());
	}

	private static String text(Expression expression, Map<String, Object> scope) {
		if (expression == null) {
			return null;
		}
		Object value = FeelExpressions.evaluate(expression, scope);
		return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
	}

	/**
	 * The assignee: a static value, or an expression that must give a string; null or
	 * blank leaves the task unassigned, a list or a number is an incident as in Camunda 8
	 * (docs/decisions/0283).
	 */
	private static String assignee(Expression expression, Map<String, Object> scope) {
		if (expression == null) {
			return null;
		}
		Object value = FeelExpressions.evaluate(expression, scope);
		if (value != null && !(value instanceof String)) {
			throw extractValueError(expression, "to be 'STRING', but was '" + typeOf(value) + "'.");
		}
		return value == null || ((String) value).isBlank() ? null : (String) value;
	}

	/**
	 * Candidate groups or users: a static value is a comma-separated list; an expression
	 * must give a list of strings (docs/decisions/0283).
	 */
	private static List<String> list(Expression expression, Map<String, Object> scope) {
		if (expression == null) {
			return List.of();
		}
		if (expression.isStatic()) {
			return Arrays.stream(expression.source().split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
		}
		Object value = FeelExpressions.evaluate(expression, scope);
		if (!(value instanceof Collection<?> values)) {
			throw extractValueError(expression, "to be 'ARRAY', but was '" + typeOf(value) + "'.");
		}
		List<String> result = new ArrayList<>();
		for (Object item : values) {
			if (!(item instanceof String text)) {
				throw extractValueError(expression,
						"to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.");
			}
			result.add(text);
		}
		return result;
	}

	private static String typeOf(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof String) {
			return "STRING";
		}
		if (value instanceof Number) {
			return "NUMBER";
		}
		if (value instanceof Boolean) {
			return "BOOLEAN";
		}
		if (value instanceof Collection) {
			return "ARRAY";
		}
		return value instanceof Map ? "OBJECT" : value.getClass().getSimpleName().toUpperCase();
	}

	private static ElementFailure extractValueError(Expression expression, String expectation) {
		return new ElementFailure("EXTRACT_VALUE_ERROR",
				"Expected result of the expression '" + expression.source() + "' " + expectation);
	}

	private static Timestamp date(Expression expression, Map<String, Object> scope) {
		String text = text(expression, scope);
		if (text == null) {
			return null;
		}
		try {
			return Timestamp.from(OffsetDateTime.parse(text).toInstant());
		}
		catch (DateTimeParseException ex) {
			try {
				return Timestamp.from(ZonedDateTime.parse(text).toInstant());
			}
			catch (DateTimeParseException again) {
				throw new ElementFailure("EXTRACT_VALUE_ERROR", "Expected result of the expression '"
						+ expression.source() + "' to be a valid date-time, but was '" + text + "'.");
			}
		}
	}

	/**
	 * An integer from 0 to 100 (a number with a zero fraction counts); anything else,
	 * null included, is an incident.
	 */
	private static int priority(Expression expression, Map<String, Object> scope) {
		if (expression == null) {
			return 50;
		}
		Object value = expression.isStatic() ? expression.source().trim() : FeelExpressions.evaluate(expression, scope);
		try {
			BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
					: new BigDecimal(String.valueOf(value));
			int priority = number.intValueExact();
			if (priority < 0 || priority > 100) {
				throw new NumberFormatException();
			}
			return priority;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw extractValueError(expression, "to be an integer between 0 and 100, but was '" + value + "'.");
		}
	}

	private Long formKey(Expression expression, Binding binding, long callerDefinitionKey, Map<String, Object> scope) {
		String formId = text(expression, scope);
		if (formId == null) {
			return null;
		}
		return this.definitions.boundForm(formId, binding, callerDefinitionKey)
			.orElseThrow(() -> new ElementFailure("FORM_NOT_FOUND", "Expected to find a form with id '" + formId
					+ "' and binding type " + binding.describe()
					+ ", but no form with this id is found, at least a form with this id should be available."));
	}

}

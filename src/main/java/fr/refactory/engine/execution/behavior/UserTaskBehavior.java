package fr.refactory.engine.execution.behavior;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.Expression;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.Binding;
import fr.refactory.engine.model.UserTaskDefinition;
import fr.refactory.engine.state.BoundVersions;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.UserTaskStore;
import fr.refactory.engine.state.UserTaskStore.NewUserTask;
import fr.refactory.engine.state.VariableStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Creates a Camunda user task (assignment, schedule, priority, linked form) and cancels it on termination. */
@Component
@ConditionalOnEmbeddedEngine
public class UserTaskBehavior {

	private final JdbcTemplate jdbc;

	private final RuntimeStore store;

	private final VariableStore variables;

	private final UserTaskStore tasks;

	UserTaskBehavior(JdbcTemplate jdbc, RuntimeStore store, VariableStore variables, UserTaskStore tasks) {
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.store = store;
		this.variables = variables;
	}

	public void create(ElementContext context) {
		UserTaskDefinition task = context.element().userTask();
		Map<String, Object> scope = context.variables();
		String assignee = text(task.assignee(), scope);
		List<String> groups = list(task.candidateGroups(), scope);
		List<String> users = list(task.candidateUsers(), scope);
		Timestamp due = date(task.dueDate(), scope);
		Timestamp followUp = date(task.followUpDate(), scope);
		int priority = priority(task.priority(), scope);
		Long formKey = formKey(task.formId(), task.formBinding(), context.instance().processDefinitionKey(), scope);
		this.tasks.create(context.instance(), new NewUserTask(context.process().version(), context.element().nameOrId(),
				assignee, this.variables.write(groups), this.variables.write(users), due, followUp, priority, formKey,
				this.variables.write(task.headers()), this.store.now()));
	}

	public void cancel(long elementInstanceKey) {
		this.tasks.cancelOf(elementInstanceKey, this.store.now());
	}

	private static String text(Expression expression, Map<String, Object> scope) {
		if (expression == null) {
			return null;
		}
		Object value = FeelExpressions.evaluate(expression, scope);
		return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
	}

	private static List<String> list(Expression expression, Map<String, Object> scope) {
		if (expression == null) {
			return List.of();
		}
		Object value = FeelExpressions.evaluate(expression, scope);
		List<String> result = new ArrayList<>();
		if (value instanceof Collection<?> values) {
			values.forEach((item) -> result.add(String.valueOf(item)));
		}
		else if (value != null) {
			Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter((s) -> !s.isEmpty())
				.forEach(result::add);
		}
		return result;
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
						+ expression.source() + "' to be a valid date-time string, but was '" + text + "'");
			}
		}
	}

	private static int priority(Expression expression, Map<String, Object> scope) {
		String text = text(expression, scope);
		if (text == null) {
			return 50;
		}
		try {
			int priority = (int) Double.parseDouble(text);
			if (priority < 0 || priority > 100) {
				throw new NumberFormatException();
			}
			return priority;
		}
		catch (NumberFormatException ex) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", "Expected result of the expression '"
					+ expression.source() + "' to be a number between 0 and 100, but was '" + text + "'");
		}
	}

	private Long formKey(Expression expression, Binding binding, long callerDefinitionKey,
			Map<String, Object> scope) {
		String formId = text(expression, scope);
		if (formId == null) {
			return null;
		}
		BoundVersions.Condition condition = BoundVersions.condition(binding, "form_key", BoundVersions.FORM, formId,
				callerDefinitionKey);
		List<Long> keys = this.jdbc.queryForList("select form_key from engine_form where form_id = ? and "
				+ condition.sql() + " order by version desc limit 1", Long.class, condition.argsAfter(formId));
		if (keys.isEmpty()) {
			throw new ElementFailure("FORM_NOT_FOUND", "Expected to find a form with id '" + formId
					+ "' and binding type " + binding.describe()
					+ ", but no form with this id is found, at least a form with this id should be available.");
		}
		return keys.get(0);
	}

}

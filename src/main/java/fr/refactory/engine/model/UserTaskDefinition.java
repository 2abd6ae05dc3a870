package fr.refactory.engine.model;

import java.util.Map;

import fr.refactory.engine.expression.Expression;

/** {@code zeebe:userTask} with its assignment, schedule, priority and form; every attribute may be FEEL. */
public record UserTaskDefinition(Expression assignee, Expression candidateGroups, Expression candidateUsers,
		Expression dueDate, Expression followUpDate, Expression priority, Expression formId,
		Binding formBinding, Map<String, String> headers) {

}

package fr.refactory.engine.model;

import java.util.Map;

import fr.refactory.engine.expression.Expression;

/**
 * A user task with its assignment, schedule, priority and form; every attribute may be
 * FEEL. A Camunda user task ({@code zeebe:userTask}) has a {@code formId}; a job-based
 * one (without it, {@code jobWorker}) a custom {@code formKey} and no priority, and runs
 * as a job of type {@link #JOB_TYPE} carrying its attributes as headers.
 */
public record UserTaskDefinition(Expression assignee, Expression candidateGroups, Expression candidateUsers,
		Expression dueDate, Expression followUpDate, Expression priority, Expression formId, Binding formBinding,
		Map<String, String> headers, boolean jobWorker, String formKey) {

	/** The job type of a job-based user task (Camunda 8). */
	public static final String JOB_TYPE = "io.camunda.zeebe:userTask";

}

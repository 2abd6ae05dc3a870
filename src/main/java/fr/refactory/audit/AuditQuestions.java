package fr.refactory.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.refactory.audit.AuditQuestion.Decisions;
import fr.refactory.audit.AuditQuestion.Source;
import fr.refactory.audit.AuditQuestion.Sql;
import fr.refactory.audit.AuditQuestion.UserTasks;
import fr.refactory.audit.AuditQuestion.Variables;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.AuditQuestionQueries;
import fr.refactory.records.AuditQuestionQueries.QueryTable;
import fr.refactory.records.PlantTime;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.UserTask;

import org.springframework.stereotype.Component;

/**
 * The auditor's questions Q1–Q14 of domain brief §6.2 and how each is answered (ADR
 * 0913): queries on the records, and the decisions and user tasks the engine kept for the
 * process instances of the subject.
 */
@Component
class AuditQuestions {

	static final String DECISIONS_QUERY = "Camunda search API: decision instances (inputs, matched rules, result, "
			+ "decision version) of every process instance that wrote an audit-log entry about the subject "
			+ "(audit_entry.process_instance_key where subject_key = the subject), kept to decisions %s";

	static final String USER_TASKS_QUERY = "Camunda search API: user tasks (assignee, state, completion time) of "
			+ "every process instance that wrote an audit-log entry about the subject, kept to elements %s";

	static final String VARIABLES_QUERY = "Camunda search API: root-scope variables of every process instance that "
			+ "wrote an audit-log entry about the subject, kept to %s";

	private static final List<AuditQuestion> QUESTIONS = List.of(
			AuditQuestion.of("q1", "key", true, new Sql("parts", AuditQuestionQueries.PARTS_OF_VEHICLE),
					new Decisions("part-dispositions", Set.of("harvested-part-disposition"))),
			AuditQuestion.of("q2", "key", true,
					new Decisions("retrofit-decisions", Set.of("retrofit-eligibility", "retrofit-conformity")),
					new UserTasks("retrofit-tasks",
							Set.of("task-review-eligibility", "task-choose-retrofit-team", "task-commission-hv-system",
									"task-affix-conversion-plate", "task-hand-over-vehicle")),
					new Sql("retrofit-evidence", AuditQuestionQueries.RETROFIT_EVIDENCE),
					new Sql("certificates", AuditQuestionQueries.CERTIFICATES)),
			AuditQuestion.of("q3", "key", false,
					new Sql("habilitation-checks", AuditQuestionQueries.HABILITATION_CHECKS)),
			AuditQuestion.page("q4", "key", "/audit/batteries/{key}"),
			AuditQuestion.of("q5", "key", true, new Sql("out-of-calibration", AuditQuestionQueries.OUT_OF_CALIBRATION)),
			AuditQuestion.of("q6", "key", true,
					new Decisions("core-decisions", Set.of("core-acceptance", "core-credit-timeliness")),
					new UserTasks("core-tasks", Set.of("task-inspect-core")),
					new Sql("core-records", AuditQuestionQueries.CORE_CREDIT)),
			AuditQuestion.of("q7", "key", false, new Sql("non-conformities", AuditQuestionQueries.REWORK)),
			AuditQuestion.of("q8", "key", false, new Sql("destructions", AuditQuestionQueries.DESTRUCTIONS)),
			AuditQuestion.of("q9", "days", true,
					new Sql("registrations", AuditQuestionQueries.REGISTRATION_NOT_UPDATED)),
			AuditQuestion.of("q10", "day", true, new Sql("models", AuditQuestionQueries.MODELS_IN_FORCE)),
			AuditQuestion.of("q11", "key", true, new Decisions("intake-decisions", Set.of("intake-route")),
					new UserTasks("intake-tasks", Set.of("task-review-route", "task-inspect-at-gate")),
					new Variables("intake-override",
							Set.of("route", "routeReason", "chosenRoute", "routeJustification", "routeApproved")),
					new Sql("intake-records", AuditQuestionQueries.INTAKE_ROUTE)),
			AuditQuestion.page("q12", null, "/audit/second-life"),
			AuditQuestion.of("q13", "year", false, new Sql("balances", AuditQuestionQueries.MATERIAL_BALANCES),
					new Sql("elv-rates-per-year", AuditQuestionQueries.ELV_RATES_PER_YEAR),
					new Sql("elv-rates-per-vehicle", AuditQuestionQueries.ELV_RATES_PER_VEHICLE)),
			AuditQuestion.of("q14", "key", true, new Sql("reman-genealogy", AuditQuestionQueries.REMAN_GENEALOGY),
					new Sql("lot-uses", AuditQuestionQueries.LOT_USES)));

	private final AuditQuestionQueries queries;

	private final AuditLog auditLog;

	private final ProcessHistory history;

	private final PlantTime plantTime;

	private final Clock clock;

	AuditQuestions(AuditQuestionQueries queries, AuditLog auditLog, ProcessHistory history, PlantTime plantTime,
			Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.auditLog = auditLog;
		this.history = history;
		this.plantTime = plantTime;
	}

	List<AuditQuestion> all() {
		return QUESTIONS;
	}

	Optional<AuditQuestion> find(String id) {
		return QUESTIONS.stream().filter((question) -> question.id().equals(id)).findFirst();
	}

	/**
	 * What the auditor entered, as the queries' parameters, or the problem with it (a
	 * message key).
	 */
	Parameters parameters(AuditQuestion question, String value) {
		String entered = (value != null) ? value.strip() : "";
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("key", "");
		parameters.put("year", 0);
		parameters.put("days", 0);
		parameters.put("now", java.sql.Timestamp.from(this.clock.instant()));
		parameters.put("day", LocalDate.now(this.clock.withZone(this.plantTime.zone())).toString());
		if (entered.isEmpty()) {
			return new Parameters(parameters, question.required() ? "question.error.required" : null);
		}
		try {
			switch (question.parameter()) {
				case "year" -> parameters.put("year", Integer.parseInt(entered));
				case "days" -> parameters.put("days", Integer.parseInt(entered));
				case "day" -> parameters.put("day", LocalDate.parse(entered).toString());
				default -> parameters.put("key", entered);
			}
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return new Parameters(parameters, "question.error." + question.parameter());
		}
		return new Parameters(parameters, null);
	}

	/** The tables of the answer. */
	List<AnswerTable> answer(AuditQuestion question, Map<String, Object> parameters) {
		List<AnswerTable> tables = new ArrayList<>();
		for (Source source : question.sources()) {
			tables.add(table(source, parameters));
		}
		return tables;
	}

	private AnswerTable table(Source source, Map<String, Object> parameters) {
		String key = parameters.get("key").toString();
		if (source instanceof Decisions decisions) {
			return new AnswerTable(decisions.id(), decisions(key, decisions.decisionIds()),
					DECISIONS_QUERY.formatted(sorted(decisions.decisionIds())));
		}
		if (source instanceof UserTasks tasks) {
			return new AnswerTable(tasks.id(), userTasks(key, tasks.elementIds()),
					USER_TASKS_QUERY.formatted(sorted(tasks.elementIds())));
		}
		if (source instanceof Variables variables) {
			return new AnswerTable(variables.id(), variables(key, variables.names()),
					VARIABLES_QUERY.formatted(sorted(variables.names())));
		}
		Sql sql = (Sql) source;
		return new AnswerTable(sql.id(), this.queries.run(sql.query(), parameters), sql.query().strip());
	}

	private QueryTable decisions(String subject, Set<String> decisionIds) {
		List<List<String>> rows = new ArrayList<>();
		for (long instance : instancesAbout(subject)) {
			for (DecisionInstance decision : this.history.decisions(instance)) {
				if (decisionIds.contains(decision.getDecisionDefinitionId())) {
					rows.add(List.of(text(decision.getEvaluationDate()), decision.getDecisionDefinitionId(),
							text(decision.getDecisionDefinitionVersion()), inputs(decision), matchedRules(decision),
							text(decision.getResult()), Long.toString(instance)));
				}
			}
		}
		return new QueryTable(
				List.of("evaluated_at", "decision", "version", "inputs", "matched_rules", "result", "process_instance"),
				rows);
	}

	private QueryTable userTasks(String subject, Set<String> elementIds) {
		List<List<String>> rows = new ArrayList<>();
		for (long instance : instancesAbout(subject)) {
			for (UserTask task : this.history.userTasks(instance)) {
				if (elementIds.contains(task.getElementId())) {
					rows.add(List.of(task.getElementId(), text(task.getName()), text(task.getAssignee()),
							text(task.getState()), text(task.getCompletionDate()), Long.toString(instance)));
				}
			}
		}
		return new QueryTable(List.of("element", "task", "assignee", "state", "completed_at", "process_instance"),
				rows);
	}

	private QueryTable variables(String subject, Set<String> names) {
		List<List<String>> rows = new ArrayList<>();
		for (long instance : instancesAbout(subject)) {
			this.history.variablesOf(instance).forEach((name, value) -> {
				if (names.contains(name)) {
					rows.add(List.of(name, text(value), Long.toString(instance)));
				}
			});
		}
		return new QueryTable(List.of("variable", "value", "process_instance"), rows);
	}

	/**
	 * The process instances that wrote an audit-log entry about the subject, in order.
	 */
	private Set<Long> instancesAbout(String subject) {
		if (subject.isEmpty()) {
			return Set.of();
		}
		return this.auditLog.about(subject)
			.stream()
			.map(AuditEntry::processInstanceKey)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static String inputs(DecisionInstance decision) {
		return decision.getEvaluatedInputs()
			.stream()
			.map((input) -> input.getInputName() + " = " + input.getInputValue())
			.collect(Collectors.joining("; "));
	}

	private static String matchedRules(DecisionInstance decision) {
		return decision.getMatchedRules()
			.stream()
			.map((rule) -> rule.getRuleId() + " (#" + rule.getRuleIndex() + ")")
			.collect(Collectors.joining(" "));
	}

	private static String sorted(Set<String> ids) {
		return ids.stream().sorted().collect(Collectors.joining(", "));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * The queries' parameters and the problem with what the auditor entered.
	 *
	 * @param values the named parameters of the queries
	 * @param error the message key of the problem, or null
	 */
	record Parameters(Map<String, Object> values, String error) {
	}

	/**
	 * One table of an answer.
	 *
	 * @param id its id on the page and in the CSV
	 * @param table the columns and rows
	 * @param query the query behind it, shown to the auditor
	 */
	record AnswerTable(String id, QueryTable table, String query) {
	}

}

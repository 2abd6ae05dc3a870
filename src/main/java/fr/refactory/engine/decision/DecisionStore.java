package fr.refactory.engine.decision;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.decision.DecisionOutcome.EvaluatedDecision;
import fr.refactory.engine.model.Binding;
import fr.refactory.engine.state.BoundVersions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Decision definitions (lookup) and decision instances (history). */
@Component
@ConditionalOnEmbeddedEngine
public class DecisionStore {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	DecisionStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public Optional<Definition> latest(String decisionId) {
		return this.jdbc.query("select * from engine_decision_definition where decision_definition_id = ?"
				+ " order by version desc limit 1", this::map, decisionId).stream().findFirst();
	}

	/** The version of a decision a business-rule task's binding names, for a caller of this definition key. */
	public Optional<Definition> bound(String decisionId, Binding binding, long callerDefinitionKey) {
		BoundVersions.Condition condition = BoundVersions.condition(binding, "decision_definition_key",
				BoundVersions.DECISION, decisionId, callerDefinitionKey);
		return this.jdbc.query("select * from engine_decision_definition where decision_definition_id = ? and "
				+ condition.sql() + " order by version desc limit 1", this::map, condition.argsAfter(decisionId))
			.stream()
			.findFirst();
	}

	public Optional<Definition> byKey(long key) {
		return this.jdbc.query("select * from engine_decision_definition where decision_definition_key = ?", this::map,
				key).stream().findFirst();
	}

	Optional<Definition> inRequirements(long requirementsKey, String decisionId) {
		return this.jdbc.query("select * from engine_decision_definition where decision_requirements_key = ?"
				+ " and decision_definition_id = ?", this::map, requirementsKey, decisionId).stream().findFirst();
	}

	byte[] dmnXml(long requirementsKey) {
		return this.jdbc
			.queryForObject("select dmn_xml from engine_decision_requirements where decision_requirements_key = ?",
					String.class, requirementsKey)
			.getBytes(StandardCharsets.UTF_8);
	}

	void save(DecisionOutcome outcome, Definition called, Link link) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (EvaluatedDecision decision : outcome.evaluatedDecisions()) {
			boolean isCalled = decision.decisionDefinitionId().equals(called.decisionId());
			insert(outcome, decision, isCalled && outcome.failed() ? outcome.failureMessage() : null, link, now);
		}
		if (outcome.evaluatedDecisions().isEmpty()) {
			EvaluatedDecision placeholder = new EvaluatedDecision(called.decisionId(), called.name(), called.version(),
					called.type(), outcome.output(), "<default>", String.valueOf(called.key()),
					outcome.evaluationKey() + "-1", java.util.List.of(), java.util.List.of());
			insert(outcome, placeholder, outcome.failed() ? outcome.failureMessage() : null, link, now);
		}
	}

	private void insert(DecisionOutcome outcome, EvaluatedDecision decision, String failure, Link link,
			Timestamp now) {
		this.jdbc.update("insert into engine_decision_instance (decision_evaluation_instance_key,"
				+ " decision_evaluation_key, state, evaluation_date, evaluation_failure, decision_definition_key,"
				+ " decision_definition_id, decision_definition_name, decision_definition_version,"
				+ " decision_definition_type, result, evaluated_inputs, matched_rules, process_definition_key,"
				+ " process_instance_key, element_instance_key) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
				decision.decisionEvaluationInstanceKey(), outcome.evaluationKey(), failure == null ? "EVALUATED" : "FAILED",
				now, failure, Long.parseLong(decision.decisionDefinitionKey()), decision.decisionDefinitionId(),
				decision.decisionDefinitionName(), decision.decisionDefinitionVersion(),
				decision.decisionDefinitionType(), decision.output(), write(decision.evaluatedInputs()),
				write(decision.matchedRules()), link.processDefinitionKey(), link.processInstanceKey(),
				link.elementInstanceKey());
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Definition map(ResultSet rs, int row) throws SQLException {
		return new Definition(rs.getLong("decision_definition_key"), rs.getString("decision_definition_id"),
				rs.getString("name"), rs.getInt("version"), rs.getString("decision_type"),
				rs.getLong("decision_requirements_key"), rs.getString("decision_requirements_id"));
	}

	/** A deployed decision definition. */
	public record Definition(long key, String decisionId, String name, int version, String type, long requirementsKey,
			String requirementsId) {
	}

	/** The process context of an evaluation; -1 everywhere for standalone evaluations. */
	public record Link(long processDefinitionKey, long processInstanceKey, long elementInstanceKey) {

		public static final Link STANDALONE = new Link(-1, -1, -1);

	}

}

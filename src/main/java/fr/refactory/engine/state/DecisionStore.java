package fr.refactory.engine.state;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.model.Binding;
import fr.refactory.engine.state.DecisionOutcome.EvaluatedDecision;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decision requirements and definitions (deployed versions, lookup) and decision
 * instances (history): the only writer of their tables, its writing methods named after
 * the events they apply (ADR 1110, 1111).
 */
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
		return this.jdbc
			.query("select * from engine_decision_definition where decision_definition_id = ?"
					+ " order by version desc limit 1", this::map, decisionId)
			.stream()
			.findFirst();
	}

	/**
	 * The version of a decision a business-rule task's binding names, for a caller of
	 * this definition key.
	 */
	public Optional<Definition> bound(String decisionId, Binding binding, long callerDefinitionKey) {
		BoundVersions.Condition condition = BoundVersions.condition(binding, "decision_definition_key",
				BoundVersions.DECISION, decisionId, callerDefinitionKey);
		return this.jdbc
			.query("select * from engine_decision_definition where decision_definition_id = ? and " + condition.sql()
					+ " order by version desc limit 1", this::map, condition.argsAfter(decisionId))
			.stream()
			.findFirst();
	}

	public Optional<Definition> byKey(long key) {
		return this.jdbc
			.query("select * from engine_decision_definition where decision_definition_key = ?", this::map, key)
			.stream()
			.findFirst();
	}

	public Optional<Definition> inRequirements(long requirementsKey, String decisionId) {
		return this.jdbc
			.query("select * from engine_decision_definition where decision_requirements_key = ?"
					+ " and decision_definition_id = ?", this::map, requirementsKey, decisionId)
			.stream()
			.findFirst();
	}

	public byte[] dmnXml(long requirementsKey) {
		return this.jdbc
			.queryForObject("select dmn_xml from engine_decision_requirements where decision_requirements_key = ?",
					String.class, requirementsKey)
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The decision was evaluated (or failed): one decision instance per decision the
	 * evaluation went through.
	 */
	public void evaluated(DecisionOutcome outcome, Definition called, Link link) {
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

	private void insert(DecisionOutcome outcome, EvaluatedDecision decision, String failure, Link link, Timestamp now) {
		this.jdbc.update("insert into engine_decision_instance (decision_evaluation_instance_key,"
				+ " decision_evaluation_key, state, evaluation_date, evaluation_failure, decision_definition_key,"
				+ " decision_definition_id, decision_definition_name, decision_definition_version,"
				+ " decision_definition_type, result, evaluated_inputs, matched_rules, process_definition_key,"
				+ " process_instance_key, element_instance_key) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
				decision.decisionEvaluationInstanceKey(), outcome.evaluationKey(),
				failure == null ? "EVALUATED" : "FAILED", now, failure,
				Long.parseLong(decision.decisionDefinitionKey()), decision.decisionDefinitionId(),
				decision.decisionDefinitionName(), decision.decisionDefinitionVersion(),
				decision.decisionDefinitionType(), decision.output(), write(decision.evaluatedInputs()),
				write(decision.matchedRules()), link.processDefinitionKey(), link.processInstanceKey(),
				link.elementInstanceKey());
	}

	/** The latest version of the decision requirements id, if one is deployed. */
	public Optional<RequirementsVersion> latestRequirements(String requirementsId) {
		List<java.util.Map<String, Object>> latest = this.jdbc
			.queryForList("select decision_requirements_key, version, checksum from engine_decision_requirements"
					+ " where decision_requirements_id = ? order by version desc limit 1", requirementsId);
		return latest.stream()
			.findFirst()
			.map((row) -> new RequirementsVersion((Long) row.get("decision_requirements_key"),
					(Integer) row.get("version"), (String) row.get("checksum")));
	}

	/**
	 * A new version of decision requirements was created by a deployment ({@code dmnXml}:
	 * the resource).
	 */
	public void requirementsCreated(RequirementsVersion requirements, String requirementsId, String name,
			String resourceName, String dmnXml, long deploymentKey) {
		this.jdbc.update(
				"insert into engine_decision_requirements (decision_requirements_key, decision_requirements_id,"
						+ " version, name, resource_name, checksum, dmn_xml, deployment_key) values (?,?,?,?,?,?,?,?)",
				requirements.key(), requirementsId, requirements.version(), name, resourceName, requirements.checksum(),
				dmnXml, deploymentKey);
	}

	/** The highest deployed version of the decision id, 0 if none is deployed. */
	public int highestVersion(String decisionId) {
		Integer previous = this.jdbc.queryForObject(
				"select max(version) from engine_decision_definition where decision_definition_id = ?", Integer.class,
				decisionId);
		return previous == null ? 0 : previous;
	}

	/** A new version of a decision was created with its requirements' version. */
	public void decisionCreated(long key, String decisionId, int version, String name, String type,
			long requirementsKey, String requirementsId, String versionTag) {
		this.jdbc.update("insert into engine_decision_definition (decision_definition_key, decision_definition_id,"
				+ " version, name, decision_type, decision_requirements_key, decision_requirements_id, version_tag)"
				+ " values (?,?,?,?,?,?,?,?)", key, decisionId, version, name, type, requirementsKey, requirementsId,
				versionTag);
	}

	/**
	 * The name, id and version of the decision requirements with this key, if deployed.
	 */
	public List<RequirementsRow> requirements(long requirementsKey) {
		return this.jdbc.query("select * from engine_decision_requirements where decision_requirements_key = ?",
				(rs, row) -> new RequirementsRow(rs.getString("decision_requirements_id"), rs.getInt("version"),
						rs.getString("name")),
				requirementsKey);
	}

	/** The decisions of the decision requirements with this key, by key. */
	public List<Definition> inRequirements(long requirementsKey) {
		return this.jdbc.query("select * from engine_decision_definition where decision_requirements_key = ?"
				+ " order by decision_definition_key", this::map, requirementsKey);
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

	/**
	 * A deployed version of decision requirements: its key, version and the checksum of
	 * its resource.
	 */
	public record RequirementsVersion(long key, int version, String checksum) {
	}

	/** Decision requirements as a deployment answers them. */
	public record RequirementsRow(String requirementsId, int version, String name) {
	}

	/** The process context of an evaluation; -1 everywhere for standalone evaluations. */
	public record Link(long processDefinitionKey, long processInstanceKey, long elementInstanceKey) {

		public static final Link STANDALONE = new Link(-1, -1, -1);

	}

	/**
	 * The decision instances a deleted process definition's instances evaluated go with
	 * it (ADR 0251).
	 */
	public void processDefinitionDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_decision_instance where process_definition_key = ?", processDefinitionKey);
	}

	/**
	 * Locks the decision requirements of this key for their deletion; empty if no such
	 * requirements exist.
	 */
	public Optional<DefinitionStore.ResourceVersion> lockRequirements(long requirementsKey) {
		return this.jdbc
			.query("select decision_requirements_id, version from engine_decision_requirements"
					+ " where decision_requirements_key = ? for update",
					(rs, i) -> new DefinitionStore.ResourceVersion(rs.getString("decision_requirements_id"),
							rs.getInt("version")),
					requirementsKey)
			.stream()
			.findFirst();
	}

	/** The decisions of these requirements, by key, id and version. */
	public List<DecisionVersion> decisionVersions(long requirementsKey) {
		return this.jdbc.query(
				"select decision_definition_key, decision_definition_id, version"
						+ " from engine_decision_definition where decision_requirements_key = ?",
				(rs, i) -> new DecisionVersion(rs.getLong("decision_definition_key"),
						rs.getString("decision_definition_id"), rs.getInt("version")),
				requirementsKey);
	}

	/**
	 * The history of a decision whose requirements are being deleted goes first (ADR
	 * 0251).
	 */
	public void decisionInstancesDeleted(long decisionKey) {
		this.jdbc.update("delete from engine_decision_instance where decision_definition_key = ?", decisionKey);
	}

	/**
	 * DELETED: the decision requirements and their decisions (resource deletion, ADR
	 * 0251).
	 */
	public void requirementsDeleted(long requirementsKey) {
		this.jdbc.update("delete from engine_decision_definition where decision_requirements_key = ?", requirementsKey);
		this.jdbc.update("delete from engine_decision_requirements where decision_requirements_key = ?",
				requirementsKey);
	}

	/** A deployed decision: its key, id and version. */
	public record DecisionVersion(long key, String decisionId, int version) {
	}

}

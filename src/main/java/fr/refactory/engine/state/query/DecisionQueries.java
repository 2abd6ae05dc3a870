package fr.refactory.engine.state.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.DecisionOutcome.EvaluatedInput;
import fr.refactory.engine.state.DecisionOutcome.MatchedRule;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read model of decision requirements (DRDs), decision definitions and decision
 * instances.
 */
@Component
@ConditionalOnEmbeddedEngine
public class DecisionQueries {

	private static final Search DEFINITIONS = new Search("engine_decision_definition", "decision_definition_key")
		.field("decisionDefinitionKey", "decision_definition_key", Type.KEY)
		.field("decisionDefinitionId", "decision_definition_id", Type.STRING)
		.field("name", "name", Type.STRING)
		.field("version", "version", Type.INT)
		.field("decisionRequirementsId", "decision_requirements_id", Type.STRING)
		.field("decisionRequirementsKey", "decision_requirements_key", Type.KEY)
		.field("tenantId", "'<default>'", Type.STRING);

	private static final Search INSTANCES = new Search("engine_decision_instance", "decision_evaluation_instance_key")
		.field("decisionEvaluationInstanceKey", "decision_evaluation_instance_key", Type.STRING)
		.field("decisionEvaluationKey", "decision_evaluation_key", Type.KEY)
		.field("state", "state", Type.STRING)
		.field("evaluationDate", "evaluation_date", Type.DATE)
		.field("evaluationFailure", "evaluation_failure", Type.STRING)
		.field("decisionDefinitionKey", "decision_definition_key", Type.KEY)
		.field("decisionDefinitionId", "decision_definition_id", Type.STRING)
		.field("decisionDefinitionName", "decision_definition_name", Type.STRING)
		.field("decisionDefinitionVersion", "decision_definition_version", Type.INT)
		.field("decisionDefinitionType", "decision_definition_type", Type.STRING)
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("elementInstanceKey", "element_instance_key", Type.KEY)
		.field("tenantId", "'<default>'", Type.STRING);

	private static final Search REQUIREMENTS = new Search("engine_decision_requirements", "decision_requirements_key")
		.field("decisionRequirementsKey", "decision_requirements_key", Type.KEY)
		.field("decisionRequirementsId", "decision_requirements_id", Type.STRING)
		.field("decisionRequirementsName", "coalesce(name, decision_requirements_id)", Type.STRING)
		.field("version", "version", Type.INT)
		.field("tenantId", "'<default>'", Type.STRING)
		.filter("resourceName", "resource_name", Type.STRING);

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	DecisionQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public SearchResult<DecisionDefinition> searchDefinitions(JsonNode body) {
		return DEFINITIONS.run(this.jdbc, body, (rs, i) -> definition(rs));
	}

	public DecisionDefinition definition(long key) {
		return this.jdbc
			.query("select * from engine_decision_definition where decision_definition_key = :key", Map.of("key", key),
					(rs, i) -> definition(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find a decision definition with key '" + key + "', but none was found"));
	}

	public String definitionXml(long key) {
		DecisionDefinition definition = definition(key);
		return this.jdbc.queryForObject(
				"select dmn_xml from engine_decision_requirements where decision_requirements_key = :key",
				Map.of("key", Long.parseLong(definition.decisionRequirementsKey())), String.class);
	}

	public SearchResult<DecisionRequirements> searchRequirements(JsonNode body) {
		return REQUIREMENTS.run(this.jdbc, body, (rs, i) -> requirements(rs));
	}

	public DecisionRequirements requirements(long key) {
		return this.jdbc
			.query("select * from engine_decision_requirements where decision_requirements_key = :key",
					Map.of("key", key), (rs, i) -> requirements(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> requirementsNotFound(key));
	}

	public String requirementsXml(long key) {
		return this.jdbc
			.queryForList("select dmn_xml from engine_decision_requirements where decision_requirements_key = :key",
					Map.of("key", key), String.class)
			.stream()
			.findFirst()
			.orElseThrow(() -> requirementsNotFound(key));
	}

	private static Rejection requirementsNotFound(long key) {
		return Rejection.notFound("Expected to find decision requirements with key '" + key + "', but none were found");
	}

	private static DecisionRequirements requirements(ResultSet rs) throws SQLException {
		String id = rs.getString("decision_requirements_id");
		String name = rs.getString("name");
		return new DecisionRequirements(String.valueOf(rs.getLong("decision_requirements_key")), id,
				name == null ? id : name, rs.getInt("version"), rs.getString("resource_name"), "<default>");
	}

	public SearchResult<DecisionInstance> searchInstances(JsonNode body) {
		return INSTANCES.run(this.jdbc, body, (rs, i) -> instance(rs, false));
	}

	public DecisionInstance instance(String id) {
		return this.jdbc
			.query("select * from engine_decision_instance where decision_evaluation_instance_key = :id",
					Map.of("id", id), (rs, i) -> instance(rs, true))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find a decision instance with id '" + id + "', but none was found"));
	}

	private static DecisionDefinition definition(ResultSet rs) throws SQLException {
		return new DecisionDefinition(rs.getString("decision_definition_id"), rs.getString("name"),
				rs.getInt("version"), rs.getString("decision_requirements_id"), "<default>",
				String.valueOf(rs.getLong("decision_definition_key")),
				String.valueOf(rs.getLong("decision_requirements_key")));
	}

	private DecisionInstance instance(ResultSet rs, boolean details) throws SQLException {
		return new DecisionInstance(rs.getString("decision_evaluation_instance_key"), rs.getString("state"),
				Dates.format(rs.getTimestamp("evaluation_date")), rs.getString("evaluation_failure"),
				rs.getString("decision_definition_id"), rs.getString("decision_definition_name"),
				rs.getInt("decision_definition_version"), rs.getString("decision_definition_type"),
				rs.getString("result"), "<default>", String.valueOf(rs.getLong("decision_evaluation_key")),
				String.valueOf(rs.getLong("process_definition_key")),
				String.valueOf(rs.getLong("process_instance_key")), String.valueOf(rs.getLong("element_instance_key")),
				String.valueOf(rs.getLong("decision_definition_key")),
				details ? read(rs.getString("evaluated_inputs"), new TypeReference<List<EvaluatedInput>>() {
				}) : null, details ? read(rs.getString("matched_rules"), new TypeReference<List<MatchedRule>>() {
				}) : null);
	}

	private <T> T read(String text, TypeReference<T> type) {
		try {
			return this.json.readValue(text, type);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code DecisionDefinitionResult}. */
	public record DecisionDefinition(String decisionDefinitionId, String name, int version,
			String decisionRequirementsId, String tenantId, String decisionDefinitionKey,
			String decisionRequirementsKey) {
	}

	/** {@code DecisionInstanceResult} (inputs and rules only on get). */
	public record DecisionInstance(String decisionEvaluationInstanceKey, String state, String evaluationDate,
			String evaluationFailure, String decisionDefinitionId, String decisionDefinitionName,
			int decisionDefinitionVersion, String decisionDefinitionType, String result, String tenantId,
			String decisionEvaluationKey, String processDefinitionKey, String processInstanceKey,
			String elementInstanceKey, String decisionDefinitionKey, List<EvaluatedInput> evaluatedInputs,
			List<MatchedRule> matchedRules) {
	}

	/** {@code DecisionRequirementsResult}. */
	public record DecisionRequirements(String decisionRequirementsKey, String decisionRequirementsId,
			String decisionRequirementsName, int version, String resourceName, String tenantId) {
	}

}

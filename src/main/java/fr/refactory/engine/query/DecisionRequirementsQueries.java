package fr.refactory.engine.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.query.Search.Type;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Read model of deployed decision requirements (DRDs: one per deployed DMN file and version). */
@Component
@ConditionalOnEmbeddedEngine
public class DecisionRequirementsQueries {

	private static final Search SEARCH = new Search("engine_decision_requirements", "decision_requirements_key")
		.field("decisionRequirementsKey", "decision_requirements_key", Type.KEY)
		.field("decisionRequirementsId", "decision_requirements_id", Type.STRING)
		.field("decisionRequirementsName", "coalesce(name, decision_requirements_id)", Type.STRING)
		.field("version", "version", Type.INT)
		.field("tenantId", "'<default>'", Type.STRING)
		.filter("resourceName", "resource_name", Type.STRING);

	private final NamedParameterJdbcTemplate jdbc;

	DecisionRequirementsQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<DecisionRequirements> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs));
	}

	public DecisionRequirements get(long key) {
		return this.jdbc
			.query("select * from engine_decision_requirements where decision_requirements_key = :key",
					Map.of("key", key), (rs, i) -> map(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> notFound(key));
	}

	public String xml(long key) {
		return this.jdbc
			.queryForList("select dmn_xml from engine_decision_requirements where decision_requirements_key = :key",
					Map.of("key", key), String.class)
			.stream()
			.findFirst()
			.orElseThrow(() -> notFound(key));
	}

	private static Rejection notFound(long key) {
		return Rejection
			.notFound("Expected to find decision requirements with key '" + key + "', but none were found");
	}

	private static DecisionRequirements map(ResultSet rs) throws SQLException {
		String id = rs.getString("decision_requirements_id");
		String name = rs.getString("name");
		return new DecisionRequirements(String.valueOf(rs.getLong("decision_requirements_key")), id,
				name == null ? id : name, rs.getInt("version"), rs.getString("resource_name"), "<default>");
	}

	/** {@code DecisionRequirementsResult}. */
	public record DecisionRequirements(String decisionRequirementsKey, String decisionRequirementsId,
			String decisionRequirementsName, int version, String resourceName, String tenantId) {
	}

}

package fr.refactory.engine.query;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deployed resources by key: a process version (BPMN), decision requirements (DMN) or a form, whichever the key names
 * (ADR 1022; the engine deploys no RPA scripts, the only resources Camunda 8.8 serves here).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ResourceQueries {

	private static final String RESOURCES = "select process_definition_key as resource_key, process_definition_id"
			+ " as resource_id, version, version_tag, resource_name, bpmn_xml as content, 'BPMN' as kind"
			+ " from engine_process_definition where process_definition_key = :key"
			+ " union all select decision_requirements_key, decision_requirements_id, version, null, resource_name,"
			+ " dmn_xml, 'DMN' from engine_decision_requirements where decision_requirements_key = :key"
			+ " union all select form_key, form_id, version, version_tag, resource_name, form_schema, 'FORM'"
			+ " from engine_form where form_key = :key";

	private final NamedParameterJdbcTemplate jdbc;

	ResourceQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Resource get(long key) {
		return find(key, false);
	}

	public Resource withContent(long key) {
		return find(key, true);
	}

	private Resource find(long key, boolean content) {
		return this.jdbc
			.query(RESOURCES, Map.of("key", key),
					(rs, i) -> new Resource(String.valueOf(rs.getLong("resource_key")), rs.getString("resource_id"),
							rs.getInt("version"), rs.getString("version_tag"), rs.getString("resource_name"),
							"<default>", content ? rs.getString("content") : null, Kind.valueOf(rs.getString("kind"))))
			.stream()
			.findFirst()
			.orElseThrow(() -> Rejection
				.notFound("Expected to find a resource with key '" + key + "', but none was found"));
	}

	/** What the resource's content is. */
	public enum Kind {

		BPMN, DMN, FORM

	}

	/** {@code ResourceResult}, with the content and kind for {@code /content}. */
	public record Resource(String resourceKey, String resourceId, int version, String versionTag, String resourceName,
			String tenantId, @com.fasterxml.jackson.annotation.JsonIgnore String content,
			@com.fasterxml.jackson.annotation.JsonIgnore Kind kind) {
	}

}

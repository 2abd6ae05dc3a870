package fr.refactory.engine.deployment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.KeyGenerator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores a Camunda form (JSON with an {@code id}), one version per changed form id. */
@Component
@ConditionalOnEmbeddedEngine
public class FormDeployer {

	private static final String TENANT = "<default>";

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	FormDeployer(JdbcTemplate jdbc, KeyGenerator keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	public DeploymentResult.Entry deploy(Resource resource, JsonNode form, long deploymentKey) {
		String formId = form.path("id").asText();
		String checksum = Checksums.sha256(resource.content());
		List<Map<String, Object>> latest = this.jdbc.queryForList(
				"select form_key, version, checksum from engine_form where form_id = ? order by version desc limit 1",
				formId);
		if (!latest.isEmpty() && checksum.equals(latest.get(0).get("checksum"))) {
			return entry(formId, (Integer) latest.get(0).get("version"), resource.name(),
					(Long) latest.get(0).get("form_key"));
		}
		int version = Math.max(latest.isEmpty() ? 0 : (Integer) latest.get(0).get("version"),
				DeletedVersions.highest(this.jdbc, DeletedVersions.FORM, formId)) + 1;
		long key = this.keys.nextKey();
		String versionTag = form.path("versionTag").isTextual() ? form.path("versionTag").asText() : null;
		this.jdbc.update("insert into engine_form (form_key, form_id, version, resource_name, checksum, form_schema,"
				+ " deployment_key, version_tag) values (?,?,?,?,?,?,?,?)", key, formId, version, resource.name(),
				checksum, form.toString(), deploymentKey, versionTag);
		return entry(formId, version, resource.name(), key);
	}

	private static DeploymentResult.Entry entry(String formId, int version, String resourceName, long key) {
		return new DeploymentResult.Entry(null, null, null,
				new DeploymentResult.Form(formId, version, resourceName, TENANT, String.valueOf(key)));
	}

}

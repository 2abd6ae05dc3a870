package fr.refactory.engine.state;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.deployment.BpmnTransformer;
import fr.refactory.engine.model.Binding;
import fr.refactory.engine.model.ExecutableProcess;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Deployed processes, decisions and forms; executable processes are cached by key (parsed
 * once).
 */
@Component
@ConditionalOnEmbeddedEngine
public class DefinitionStore {

	private static final RowMapper<ProcessDefinitionRow> PROCESS = (rs, i) -> new ProcessDefinitionRow(
			rs.getLong("process_definition_key"), rs.getString("process_definition_id"), rs.getInt("version"),
			rs.getString("name"), rs.getString("version_tag"), rs.getString("resource_name"), rs.getString("checksum"));

	private final JdbcTemplate jdbc;

	private final Map<Long, ExecutableProcess> executables = new ConcurrentHashMap<>();

	DefinitionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ProcessDefinitionRow> latestProcess(String processId) {
		return this.jdbc.query(
				"select * from engine_process_definition where process_definition_id = ? order by version desc limit 1",
				PROCESS, processId)
			.stream()
			.findFirst();
	}

	/**
	 * The version of a process a call activity's binding names, for a caller of this
	 * definition key.
	 */
	public Optional<ProcessDefinitionRow> boundProcess(String processId, Binding binding, long callerDefinitionKey) {
		BoundVersions.Condition condition = BoundVersions.condition(binding, "process_definition_key",
				BoundVersions.PROCESS, processId, callerDefinitionKey);
		return this.jdbc
			.query("select * from engine_process_definition where process_definition_id = ? and " + condition.sql()
					+ " order by version desc limit 1", PROCESS, condition.argsAfter(processId))
			.stream()
			.findFirst();
	}

	/**
	 * The key of the version of a form a user task's binding names, for a task of this
	 * process definition key.
	 */
	public Optional<Long> boundForm(String formId, Binding binding, long callerDefinitionKey) {
		BoundVersions.Condition condition = BoundVersions.condition(binding, "form_key", BoundVersions.FORM, formId,
				callerDefinitionKey);
		return this.jdbc
			.queryForList("select form_key from engine_form where form_id = ? and " + condition.sql()
					+ " order by version desc limit 1", Long.class, condition.argsAfter(formId))
			.stream()
			.findFirst();
	}

	/**
	 * Records that a deployment held this resource, whether it created its version or
	 * redeployed it unchanged.
	 */
	public void linkToDeployment(long deploymentKey, String kind, String resourceId, long definitionKey) {
		this.jdbc.update(
				"insert into engine_deployment_resource (deployment_key, resource_kind, resource_id,"
						+ " definition_key) values (?,?,?,?) on conflict do nothing",
				deploymentKey, kind, resourceId, definitionKey);
	}

	public Optional<ProcessDefinitionRow> process(String processId, int version) {
		return this.jdbc
			.query("select * from engine_process_definition where process_definition_id = ? and version = ?", PROCESS,
					processId, version)
			.stream()
			.findFirst();
	}

	public Optional<ProcessDefinitionRow> process(long key) {
		return this.jdbc.query("select * from engine_process_definition where process_definition_key = ?", PROCESS, key)
			.stream()
			.findFirst();
	}

	public String processXml(long key) {
		List<String> xml = this.jdbc.queryForList(
				"select bpmn_xml from engine_process_definition where process_definition_key = ?", String.class, key);
		if (xml.isEmpty()) {
			throw Rejection.notFound("Expected to find a process definition with key '" + key + "', but none exists");
		}
		return xml.get(0);
	}

	/**
	 * The deployed resource a key names: a process version (BPMN), decision requirements
	 * (DMN) or a form, with the text as it was deployed (ADR 1022).
	 */
	public DeployedResource resource(long key) {
		return this.jdbc.query("select process_definition_key as resource_key, process_definition_id as resource_id,"
				+ " version, version_tag, resource_name, bpmn_xml as content, 'BPMN' as kind"
				+ " from engine_process_definition where process_definition_key = ?"
				+ " union all select decision_requirements_key, decision_requirements_id, version, null, resource_name,"
				+ " dmn_xml, 'DMN' from engine_decision_requirements where decision_requirements_key = ?"
				+ " union all select form_key, form_id, version, version_tag, resource_name, form_schema, 'FORM'"
				+ " from engine_form where form_key = ?",
				(rs, i) -> new DeployedResource(rs.getLong("resource_key"), rs.getString("resource_id"),
						rs.getInt("version"), rs.getString("version_tag"), rs.getString("resource_name"),
						rs.getString("content"), ResourceKind.valueOf(rs.getString("kind"))),
				key, key, key)
			.stream()
			.findFirst()
			.orElseThrow(
					() -> Rejection.notFound("Expected to find a resource with key '" + key + "', but none was found"));
	}

	public void insertProcess(ProcessDefinitionRow row, String xml, boolean hasStartForm, long deploymentKey,
			Instant now) {
		this.jdbc.update(
				"insert into engine_process_definition (process_definition_key, process_definition_id, version, name,"
						+ " version_tag, resource_name, checksum, bpmn_xml, has_start_form, deployment_key, deployed_at)"
						+ " values (?,?,?,?,?,?,?,?,?,?,?)",
				row.key(), row.processId(), row.version(), row.name(), row.versionTag(), row.resourceName(),
				row.checksum(), xml, hasStartForm, deploymentKey, Timestamp.from(now));
	}

	public void remember(ExecutableProcess process) {
		this.executables.put(process.key(), process);
	}

	public ExecutableProcess executable(long key) {
		return this.executables.computeIfAbsent(key, this::load);
	}

	private ExecutableProcess load(long key) {
		ProcessDefinitionRow row = process(key).orElseThrow();
		byte[] xml = processXml(key).getBytes(StandardCharsets.UTF_8);
		BpmnTransformer transformer = new BpmnTransformer(row.resourceName(), (id) -> true);
		ExecutableProcess parsed = transformer.transform(BpmnTransformer.read(row.resourceName(), xml))
			.stream()
			.filter((p) -> p.processId().equals(row.processId()))
			.findFirst()
			.orElseThrow();
		return parsed.deployedAs(key, row.version());
	}

	/** The latest version of every deployed process (where start events subscribe). */
	public List<ExecutableProcess> latestExecutables() {
		return this.jdbc
			.queryForList(
					"select distinct on (process_definition_id) process_definition_key"
							+ " from engine_process_definition order by process_definition_id, version desc",
					Long.class)
			.stream()
			.map(this::executable)
			.toList();
	}

	public boolean decisionExists(String decisionId) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from engine_decision_definition where decision_definition_id = ?", Integer.class,
				decisionId);
		return count != null && count > 0;
	}

	/**
	 * Serialises deployments, so two deploying the same resource id never take the same
	 * version.
	 */
	public void lockDeployments() {
		this.jdbc.queryForList("select pg_advisory_xact_lock(8851799813685249)");
	}

	/**
	 * The highest deleted version of the resource id, 0 if none was deleted, so a later
	 * deployment never reuses it (docs/decisions/0251; kinds in {@code DeletedVersions}).
	 */
	public int highestDeletedVersion(String kind, String resourceId) {
		Integer highest = this.jdbc.queryForObject(
				"select max(version) from engine_deleted_version where resource_type = ? and resource_id = ?",
				Integer.class, kind, resourceId);
		return highest == null ? 0 : highest;
	}

	/** The latest version of the form id, if one is deployed. */
	public Optional<FormVersion> latestForm(String formId) {
		List<Map<String, Object>> latest = this.jdbc.queryForList(
				"select form_key, version, checksum from engine_form where form_id = ? order by version desc limit 1",
				formId);
		return latest.stream()
			.findFirst()
			.map((row) -> new FormVersion((Long) row.get("form_key"), (Integer) row.get("version"),
					(String) row.get("checksum")));
	}

	/**
	 * A new version of a form was created by a deployment ({@code schema}: the form's
	 * JSON).
	 */
	public void formCreated(FormVersion form, String formId, String resourceName, String schema, long deploymentKey,
			String versionTag) {
		this.jdbc.update(
				"insert into engine_form (form_key, form_id, version, resource_name, checksum, form_schema,"
						+ " deployment_key, version_tag) values (?,?,?,?,?,?,?,?)",
				form.key(), formId, form.version(), resourceName, form.checksum(), schema, deploymentKey, versionTag);
	}

	/**
	 * A deployed version of a form: its key, version and the checksum of its resource.
	 */
	public record FormVersion(long key, int version, String checksum) {
	}

	/** What a deployed resource's content is. */
	public enum ResourceKind {

		BPMN, DMN, FORM

	}

	/** A deployed process, DRD or form with its text. */
	public record DeployedResource(long key, String resourceId, int version, String versionTag, String resourceName,
			String content, ResourceKind kind) {
	}

	public record ProcessDefinitionRow(long key, String processId, int version, String name, String versionTag,
			String resourceName, String checksum) {
	}

	/**
	 * Locks the process definition of this key for its deletion; empty if no such
	 * definition exists.
	 */
	public Optional<ResourceVersion> lockProcess(long processDefinitionKey) {
		return this.jdbc
			.query("select process_definition_id, version from engine_process_definition"
					+ " where process_definition_key = ? for update",
					(rs, i) -> new ResourceVersion(rs.getString("process_definition_id"), rs.getInt("version")),
					processDefinitionKey)
			.stream()
			.findFirst();
	}

	/**
	 * How many instances of this process definition are active (a definition with one is
	 * not deleted).
	 */
	public int activeInstances(long processDefinitionKey) {
		Integer active = this.jdbc.queryForObject(
				"select count(*) from engine_process_instance"
						+ " where process_definition_key = ? and state = 'ACTIVE'",
				Integer.class, processDefinitionKey);
		return active == null ? 0 : active;
	}

	/**
	 * DELETED: the process definition (resource deletion, ADR 0251; its instances' rows
	 * are gone by then).
	 */
	public void processDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_process_definition where process_definition_key = ?",
				processDefinitionKey);
	}

	/** Locks the form of this key for its deletion; empty if no such form exists. */
	public Optional<ResourceVersion> lockForm(long formKey) {
		return this.jdbc
			.query("select form_id, version from engine_form where form_key = ? for update",
					(rs, i) -> new ResourceVersion(rs.getString("form_id"), rs.getInt("version")), formKey)
			.stream()
			.findFirst();
	}

	/** DELETED: the form (resource deletion, ADR 0251). */
	public void formDeleted(long formKey) {
		this.jdbc.update("delete from engine_form where form_key = ?", formKey);
	}

	/**
	 * Remembers a deleted version so a later deployment of the same id never reuses it
	 * (docs/decisions/0251; kinds in {@code DeletedVersions}).
	 */
	public void versionDeleted(String kind, ResourceVersion deleted, Instant deletedAt) {
		this.jdbc.update(
				"insert into engine_deleted_version (resource_type, resource_id, version, deleted_at)"
						+ " values (?,?,?,?) on conflict do nothing",
				kind, deleted.id(), deleted.version(), Timestamp.from(deletedAt));
	}

	/**
	 * A deployed version of a process, decision requirements graph, decision or form: its
	 * id and version.
	 */
	public record ResourceVersion(String id, int version) {
	}

}

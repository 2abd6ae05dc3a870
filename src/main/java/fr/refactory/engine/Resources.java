package fr.refactory.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.deployment.DeletedVersions;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.timer.TimerStartEvents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /v2/resources/{key}/deletion}: deletes one deployed process definition, decision requirements graph
 * (with its decisions) or form, with Camunda 8.8 semantics (docs/decisions/0251):
 * <ul>
 * <li>a process definition with an active instance is not deleted (409); otherwise its finished instances and their
 * history go with it;</li>
 * <li>a deleted version number is never reused by a later deployment of the same id;</li>
 * <li>deleting the latest version of a process makes the previous version the latest: its timer start events are
 * scheduled again, and its message and signal start events apply (they are always read from the latest version);
 * the deleted version's start timers are removed.</li>
 * </ul>
 */
@Component
@ConditionalOnEmbeddedEngine
public class Resources {

	/** Same lock as deployments, so a deletion and a deployment of the same id never interleave. */
	private static final long DEPLOYMENT_LOCK = 8851799813685249L;

	private final JdbcTemplate jdbc;

	private final DefinitionStore definitions;

	private final JobStore jobs;

	private final TimerStartEvents timerStartEvents;

	private final Clock clock;

	Resources(JdbcTemplate jdbc, DefinitionStore definitions, JobStore jobs, TimerStartEvents timerStartEvents,
			Clock clock) {
		this.jdbc = jdbc;
		this.definitions = definitions;
		this.jobs = jobs;
		this.timerStartEvents = timerStartEvents;
		this.clock = clock;
	}

	@Transactional
	public void delete(long key) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(?)", DEPLOYMENT_LOCK);
		if (deleteProcess(key) || deleteDecisionRequirements(key) || deleteForm(key)) {
			return;
		}
		throw Rejection.notFound("Expected to delete a process definition, decision requirements or form with key '"
				+ key + "', but no such resource exists");
	}

	private boolean deleteProcess(long key) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select process_definition_id, version"
				+ " from engine_process_definition where process_definition_key = ? for update", key);
		if (rows.isEmpty()) {
			return false;
		}
		String processId = (String) rows.get(0).get("process_definition_id");
		int version = (Integer) rows.get(0).get("version");
		Integer active = this.jdbc.queryForObject("select count(*) from engine_process_instance"
				+ " where process_definition_key = ? and state = 'ACTIVE'", Integer.class, key);
		if (active != null && active > 0) {
			throw Rejection.invalidState("Expected to delete process definition '" + processId + "' version "
					+ version + " (key '" + key + "'), but it has " + active + " active process instance(s);"
					+ " cancel or complete them first");
		}
		String instances = "select process_instance_key from engine_process_instance where process_definition_key = ?";
		String elements = "select element_instance_key from engine_element_instance where process_definition_key = ?";
		this.jdbc.update("delete from engine_variable where process_instance_key in (" + instances + ")", key);
		this.jdbc.update("delete from engine_message_start_instance where process_instance_key in (" + instances + ")",
				key);
		this.jdbc.update("delete from engine_join_token where flow_scope_key in (" + elements + ")", key);
		this.jdbc.update("delete from engine_multi_instance where body_key in (" + elements + ")", key);
		for (String table : List.of("engine_element_instance", "engine_sequence_flow", "engine_incident",
				"engine_user_task", "engine_message_subscription", "engine_correlated_message",
				"engine_signal_subscription", "engine_timer", "engine_decision_instance", "engine_process_instance",
				"engine_process_definition")) {
			this.jdbc.update("delete from " + table + " where process_definition_key = ?", key);
		}
		this.jobs.definitionDeleted(key);
		tombstone(DeletedVersions.PROCESS, processId, version);
		reactivatePreviousVersion(processId, version);
		return true;
	}

	/** The deleted version was the latest: the highest remaining version becomes the latest, timers included. */
	private void reactivatePreviousVersion(String processId, int deletedVersion) {
		this.definitions.latestProcess(processId).ifPresent((latest) -> {
			if (latest.version() < deletedVersion) {
				try {
					this.timerStartEvents.deployed(this.definitions.executable(latest.key()));
				}
				catch (ElementFailure | ExpressionFailure failure) {
					throw Rejection.invalidState("Expected to make version " + latest.version() + " of process '"
							+ processId + "' the latest again, but its timer start event cannot be scheduled: "
							+ failure.getMessage());
				}
			}
		});
	}

	private boolean deleteDecisionRequirements(long key) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select decision_requirements_id, version"
				+ " from engine_decision_requirements where decision_requirements_key = ? for update", key);
		if (rows.isEmpty()) {
			return false;
		}
		List<Map<String, Object>> decisions = this.jdbc.queryForList("select decision_definition_key,"
				+ " decision_definition_id, version from engine_decision_definition where decision_requirements_key = ?",
				key);
		for (Map<String, Object> decision : decisions) {
			this.jdbc.update("delete from engine_decision_instance where decision_definition_key = ?",
					decision.get("decision_definition_key"));
			tombstone(DeletedVersions.DECISION, (String) decision.get("decision_definition_id"),
					(Integer) decision.get("version"));
		}
		this.jdbc.update("delete from engine_decision_definition where decision_requirements_key = ?", key);
		this.jdbc.update("delete from engine_decision_requirements where decision_requirements_key = ?", key);
		tombstone(DeletedVersions.DECISION_REQUIREMENTS, (String) rows.get(0).get("decision_requirements_id"),
				(Integer) rows.get(0).get("version"));
		return true;
	}

	private boolean deleteForm(long key) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select form_id, version from engine_form where form_key = ? for update", key);
		if (rows.isEmpty()) {
			return false;
		}
		this.jdbc.update("delete from engine_form where form_key = ?", key);
		tombstone(DeletedVersions.FORM, (String) rows.get(0).get("form_id"), (Integer) rows.get(0).get("version"));
		return true;
	}

	private void tombstone(String kind, String id, int version) {
		this.jdbc.update("insert into engine_deleted_version (resource_type, resource_id, version, deleted_at)"
				+ " values (?,?,?,?) on conflict do nothing", kind, id, version, Timestamp.from(this.clock.instant()));
	}

}

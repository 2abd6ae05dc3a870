package fr.refactory.engine.state.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read model of jobs for {@code POST /v2/jobs/search}. The engine's {@code ACTIVATED} is
 * not a Camunda job state: an activated job is reported (and filtered) as
 * {@code CREATED}, as Camunda does (activation is not a state change of the job record);
 * listener jobs have their kind and listener event type (docs/decisions/0247, 0285).
 */
@Component
@ConditionalOnEmbeddedEngine
public class JobQueries {

	private static final String FROM = "(select j.*, case when j.state = 'ACTIVATED' then 'CREATED' else j.state end"
			+ " as api_state, (j.state in ('CREATED', 'ACTIVATED') and j.retries > 0 and j.error_message is not null"
			+ " and j.error_code is null) as failed_with_retries_left from engine_job j) t";

	private static final Search SEARCH = new Search(FROM, "job_key").field("jobKey", "job_key", Type.KEY)
		.field("type", "type", Type.STRING)
		.field("worker", "worker", Type.STRING)
		.field("state", "api_state", Type.STRING)
		.field("kind", "kind", Type.STRING)
		.field("listenerEventType", "listener_event_type", Type.STRING)
		.field("processDefinitionId", "process_definition_id", Type.STRING)
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("elementId", "element_id", Type.STRING)
		.field("elementInstanceKey", "element_instance_key", Type.KEY)
		.field("tenantId", "'<default>'", Type.STRING)
		.field("retries", "retries", Type.INT)
		.field("errorCode", "error_code", Type.STRING)
		.field("errorMessage", "error_message", Type.STRING)
		.field("deadline", "deadline", Type.DATE)
		.field("hasFailedWithRetriesLeft", "failed_with_retries_left", Type.BOOLEAN)
		.field("isDenied", "denied", Type.BOOLEAN)
		.field("deniedReason", "denied_reason", Type.STRING);

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	JobQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public SearchResult<Job> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs));
	}

	private Job map(ResultSet rs) throws SQLException {
		return new Job(String.valueOf(rs.getLong("job_key")), rs.getString("type"), rs.getString("worker"),
				rs.getString("api_state"), rs.getString("kind"), rs.getString("listener_event_type"),
				rs.getInt("retries"), rs.getBoolean("denied"), rs.getString("denied_reason"),
				rs.getBoolean("failed_with_retries_left"), rs.getString("error_code"), rs.getString("error_message"),
				headers(rs.getString("custom_headers")), Dates.format(rs.getTimestamp("deadline")), null,
				rs.getString("process_definition_id"), String.valueOf(rs.getLong("process_definition_key")),
				String.valueOf(rs.getLong("process_instance_key")), rs.getString("element_id"),
				String.valueOf(rs.getLong("element_instance_key")), "<default>");
	}

	private Map<String, String> headers(String text) {
		try {
			return this.json.readValue(text, new TypeReference<Map<String, String>>() {
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code JobSearchResult}; {@code endTime} is not recorded by the engine and always
	 * null.
	 */
	public record Job(String jobKey, String type, String worker, String state, String kind, String listenerEventType,
			int retries, boolean isDenied, String deniedReason, boolean hasFailedWithRetriesLeft, String errorCode,
			String errorMessage, Map<String, String> customHeaders, String deadline, String endTime,
			String processDefinitionId, String processDefinitionKey, String processInstanceKey, String elementId,
			String elementInstanceKey, String tenantId) {
	}

}

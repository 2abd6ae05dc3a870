package fr.refactory.engine.state.query;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read model of correlated message subscriptions: one item per correlation of a message
 * to a subscription or to a message start event (whose {@code elementInstanceKey} is
 * null, as in Camunda). One partition: {@code partitionId} 1.
 */
@Component
@ConditionalOnEmbeddedEngine
public class CorrelatedMessageQueries {

	private static final Search SEARCH = new Search("engine_correlated_message", "correlation_id")
		.field("correlationKey", "correlation_key", Type.STRING)
		.field("correlationTime", "correlation_time", Type.DATE)
		.field("elementId", "element_id", Type.STRING)
		.field("elementInstanceKey", "element_instance_key", Type.KEY)
		.field("messageKey", "message_key", Type.KEY)
		.field("messageName", "message_name", Type.STRING)
		.field("partitionId", "1", Type.INT)
		.field("processDefinitionId", "process_definition_id", Type.STRING)
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("subscriptionKey", "subscription_key", Type.KEY)
		.field("tenantId", "'<default>'", Type.STRING);

	private final NamedParameterJdbcTemplate jdbc;

	CorrelatedMessageQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<CorrelatedMessageSubscription> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs));
	}

	private static CorrelatedMessageSubscription map(ResultSet rs) throws SQLException {
		return new CorrelatedMessageSubscription(rs.getString("correlation_key"),
				Dates.format(rs.getTimestamp("correlation_time")), rs.getString("element_id"),
				Dates.key((Long) rs.getObject("element_instance_key")), String.valueOf(rs.getLong("message_key")),
				rs.getString("message_name"), 1, rs.getString("process_definition_id"),
				String.valueOf(rs.getLong("process_definition_key")),
				String.valueOf(rs.getLong("process_instance_key")), String.valueOf(rs.getLong("subscription_key")),
				"<default>");
	}

	/** {@code CorrelatedMessageSubscriptionResult}. */
	public record CorrelatedMessageSubscription(String correlationKey, String correlationTime, String elementId,
			String elementInstanceKey, String messageKey, String messageName, int partitionId,
			String processDefinitionId, String processDefinitionKey, String processInstanceKey, String subscriptionKey,
			String tenantId) {
	}

}

package fr.refactory.engine.state.query;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.query.Search.Type;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Read model of message subscriptions (catch events and receive tasks). */
@Component
@ConditionalOnEmbeddedEngine
public class MessageSubscriptionQueries {

	private static final Search SEARCH = new Search("engine_message_subscription", "subscription_key")
		.field("messageSubscriptionKey", "subscription_key", Type.KEY)
		.field("processDefinitionId", "process_definition_id", Type.STRING)
		.field("processDefinitionKey", "process_definition_key", Type.KEY)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("elementId", "element_id", Type.STRING)
		.field("elementInstanceKey", "element_instance_key", Type.KEY)
		.field("messageSubscriptionState", "state", Type.STRING)
		.field("lastUpdatedDate", "last_updated", Type.DATE)
		.field("messageName", "message_name", Type.STRING)
		.field("correlationKey", "correlation_key", Type.STRING)
		.field("tenantId", "'<default>'", Type.STRING);

	private final NamedParameterJdbcTemplate jdbc;

	MessageSubscriptionQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public SearchResult<MessageSubscription> search(JsonNode body) {
		return SEARCH.run(this.jdbc, body, (rs, i) -> map(rs));
	}

	private static MessageSubscription map(ResultSet rs) throws SQLException {
		return new MessageSubscription(String.valueOf(rs.getLong("subscription_key")),
				rs.getString("process_definition_id"), String.valueOf(rs.getLong("process_definition_key")),
				String.valueOf(rs.getLong("process_instance_key")), rs.getString("element_id"),
				String.valueOf(rs.getLong("element_instance_key")), rs.getString("state"),
				Dates.format(rs.getTimestamp("last_updated")), rs.getString("message_name"),
				rs.getString("correlation_key"), "<default>");
	}

	/** {@code MessageSubscriptionResult}. */
	public record MessageSubscription(String messageSubscriptionKey, String processDefinitionId,
			String processDefinitionKey, String processInstanceKey, String elementId, String elementInstanceKey,
			String messageSubscriptionState, String lastUpdatedDate, String messageName, String correlationKey,
			String tenantId) {
	}

}

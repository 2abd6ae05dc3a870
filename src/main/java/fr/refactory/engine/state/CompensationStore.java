package fr.refactory.engine.state;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compensation subscriptions in {@code engine_compensation_subscription}: the only writer
 * of the table, appending the subscription's events ({@code COMPENSATION_SUBSCRIPTION}
 * {@code CREATED}, {@code TRIGGERED}, {@code COMPLETED}).
 */
@Component
@ConditionalOnEmbeddedEngine
public class CompensationStore {

	private static final String CREATED = "CREATED";

	private static final String TRIGGERED = "TRIGGERED";

	private static final String COMPLETED_SUBPROCESS = "e.state = 'COMPLETED' and e.element_type in ('SUB_PROCESS',"
			+ " 'EVENT_SUB_PROCESS', 'MULTI_INSTANCE_BODY') and not (e.element_id = any (?))";

	private final JdbcTemplate jdbc;

	private final KeyGenerator keys;

	private final EventLog events;

	CompensationStore(JdbcTemplate jdbc, KeyGenerator keys, EventLog events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.events = events;
	}

	/** The completed activity instance can be compensated by the handler with this id. */
	public void subscribe(ElementInstance activity, String handlerId) {
		long key = this.keys.nextKey();
		this.jdbc.update("insert into engine_compensation_subscription (subscription_key, process_instance_key,"
				+ " flow_scope_key, activity_id, activity_instance_key, handler_id, state) values (?,?,?,?,?,?,?)", key,
				activity.processInstanceKey(), activity.flowScopeKey(), activity.elementId(), activity.key(), handlerId,
				CREATED);
		append(key, activity.processInstanceKey(), activity.flowScopeKey(), activity.elementId(), Intent.CREATED);
	}

	/**
	 * The untriggered subscriptions of the scope instance and of the subprocesses that
	 * completed in it, at any depth, or, with an {@code activityRef}, those of that
	 * activity in the scope and inside its completed instances (a subprocess). A
	 * completed subprocess that has a compensation handler of its own (its id in
	 * {@code ownHandlers}) is not entered: its handler undoes it.
	 */
	public List<CompensationSubscription> untriggeredWithin(long scopeKey, String activityRef,
			Collection<String> ownHandlers) {
		String[] skipped = ownHandlers.toArray(String[]::new);
		return this.jdbc.query("with recursive scopes(key) as (select ?::bigint where ?::text is null"
				+ " union select e.element_instance_key from engine_element_instance e where e.flow_scope_key = ?"
				+ " and e.element_id = ? and " + COMPLETED_SUBPROCESS
				+ " union select e.element_instance_key from engine_element_instance e"
				+ " join scopes s on e.flow_scope_key = s.key where " + COMPLETED_SUBPROCESS + ")"
				+ " select c.* from engine_compensation_subscription c where c.state = 'CREATED'"
				+ " and (c.flow_scope_key in (select key from scopes) or (c.flow_scope_key = ? and c.activity_id = ?))"
				+ " order by c.subscription_key", CompensationStore::map, scopeKey, activityRef, scopeKey, activityRef,
				skipped, skipped, scopeKey, activityRef);
	}

	/**
	 * The compensation throw event triggered the subscription: its handler runs as this
	 * element instance.
	 */
	public void trigger(CompensationSubscription subscription, long throwEventInstanceKey, long handlerInstanceKey) {
		this.jdbc.update(
				"update engine_compensation_subscription set state = ?, throw_event_instance_key = ?,"
						+ " handler_instance_key = ? where subscription_key = ?",
				TRIGGERED, throwEventInstanceKey, handlerInstanceKey, subscription.key());
		append(subscription.key(), subscription.processInstanceKey(), subscription.flowScopeKey(),
				subscription.activityId(), Intent.TRIGGERED);
	}

	/**
	 * The handler running as this element instance completed.
	 * @return the key of the throw event instance that waits for it, if it was a
	 * compensation handler
	 */
	public java.util.Optional<Long> handlerCompleted(long handlerInstanceKey) {
		List<CompensationSubscription> completed = this.jdbc.query(
				"update engine_compensation_subscription"
						+ " set state = 'COMPLETED' where handler_instance_key = ? and state = ? returning *",
				CompensationStore::map, handlerInstanceKey, TRIGGERED);
		completed.forEach((subscription) -> append(subscription.key(), subscription.processInstanceKey(),
				subscription.flowScopeKey(), subscription.activityId(), Intent.COMPLETED));
		return completed.stream().map(CompensationSubscription::throwEventInstanceKey).findFirst();
	}

	/**
	 * Whether a completed activity of the process instance can still be compensated (or
	 * is being compensated).
	 */
	public boolean anyOpenIn(long processInstanceKey) {
		return !this.jdbc
			.queryForList("select 1 from engine_compensation_subscription where process_instance_key = ?"
					+ " and state in (?, ?) limit 1", Integer.class, processInstanceKey, CREATED, TRIGGERED)
			.isEmpty();
	}

	/** Whether a handler that the throw event instance invoked is still running. */
	public boolean awaitsHandlers(long throwEventInstanceKey) {
		return !this.jdbc
			.queryForList("select 1 from engine_compensation_subscription where throw_event_instance_key = ?"
					+ " and state = ? limit 1", Integer.class, throwEventInstanceKey, TRIGGERED)
			.isEmpty();
	}

	private void append(long key, long processInstanceKey, long flowScopeKey, String activityId, Intent intent) {
		this.events.append(new EngineEvent(key, ValueType.COMPENSATION_SUBSCRIPTION, intent, processInstanceKey,
				flowScopeKey, activityId, Map.of()));
	}

	private static CompensationSubscription map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new CompensationSubscription(rs.getLong("subscription_key"), rs.getLong("process_instance_key"),
				rs.getLong("flow_scope_key"), rs.getString("activity_id"), rs.getLong("activity_instance_key"),
				rs.getString("handler_id"), (Long) rs.getObject("throw_event_instance_key"));
	}

	/** One completion of an activity that a compensation handler can undo. */
	public record CompensationSubscription(long key, long processInstanceKey, long flowScopeKey, String activityId,
			long activityInstanceKey, String handlerId, Long throwEventInstanceKey) {

	}

}

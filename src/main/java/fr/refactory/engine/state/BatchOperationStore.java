package fr.refactory.engine.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.query.Dates;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;
import fr.refactory.engine.state.query.Search;
import fr.refactory.engine.state.query.Search.Type;
import fr.refactory.engine.state.query.SearchResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Batch operations and their items ({@code engine_batch_operation},
 * {@code engine_batch_operation_item}): the only writer of both tables, and their read
 * model for {@code /v2/batch-operations} and {@code /v2/batch-operation-items}. A batch
 * is {@code CREATED}, {@code ACTIVE} once the runner takes it up, {@code SUSPENDED} or
 * {@code CANCELED} on request, and ends {@code COMPLETED} (no item failed) or
 * {@code PARTIALLY_COMPLETED}; an item is {@code ACTIVE} until it is worked off
 * ({@code COMPLETED}, {@code FAILED} with the engine's reason) or the batch is cancelled
 * ({@code CANCELED}).
 */
@Component
@ConditionalOnEmbeddedEngine
public class BatchOperationStore {

	public static final String CREATED = "CREATED";

	public static final String ACTIVE = "ACTIVE";

	public static final String SUSPENDED = "SUSPENDED";

	public static final String CANCELED = "CANCELED";

	private static final Set<String> UNFINISHED = Set.of(CREATED, ACTIVE, SUSPENDED);

	private static final String BATCHES = "(select b.*, coalesce(c.total, 0) as total, coalesce(c.failed, 0) as failed,"
			+ " coalesce(c.completed, 0) as completed from engine_batch_operation b left join lateral"
			+ " (select count(*) as total, count(*) filter (where i.state = 'FAILED') as failed,"
			+ " count(*) filter (where i.state = 'COMPLETED') as completed from engine_batch_operation_item i"
			+ " where i.batch_operation_key = b.batch_operation_key) c on true) t";

	private static final Search BATCH_SEARCH = new Search(BATCHES, "batch_operation_key")
		.field("batchOperationKey", "batch_operation_key", Type.KEY)
		.field("operationType", "operation_type", Type.STRING)
		.field("state", "state", Type.STRING)
		.sortable("startDate", "start_date")
		.sortable("endDate", "end_date");

	private static final String ITEMS = "(select i.*, b.operation_type from engine_batch_operation_item i"
			+ " join engine_batch_operation b on b.batch_operation_key = i.batch_operation_key) t";

	private static final Search ITEM_SEARCH = new Search(ITEMS, "batch_operation_key asc, item_key")
		.field("batchOperationKey", "batch_operation_key", Type.KEY)
		.field("itemKey", "item_key", Type.KEY)
		.field("processInstanceKey", "process_instance_key", Type.KEY)
		.field("state", "state", Type.STRING);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Clock clock;

	private final KeyGenerator keys;

	BatchOperationStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Clock clock, KeyGenerator keys) {
		this.jdbc = jdbc;
		this.named = named;
		this.clock = clock;
		this.keys = keys;
	}

	/**
	 * A new batch in state {@code CREATED} with its items, all {@code ACTIVE}; returns
	 * its key.
	 */
	public long create(String operationType, JsonNode filter, JsonNode parameters, String actor, List<Selected> items) {
		long key = this.keys.nextKey();
		this.jdbc.update(
				"insert into engine_batch_operation (batch_operation_key, operation_type, state, filter,"
						+ " parameters, actor, creation_date) values (?, ?, 'CREATED', ?::jsonb, ?::jsonb, ?, ?)",
				key, operationType, filter.toString(), parameters == null ? null : parameters.toString(), actor, now());
		Long[] itemKeys = items.stream().map(Selected::itemKey).toArray(Long[]::new);
		Long[] instances = items.stream().map(Selected::processInstanceKey).toArray(Long[]::new);
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement("insert into engine_batch_operation_item"
					+ " (batch_operation_key, item_key, process_instance_key, state)"
					+ " select ?, item, instance, 'ACTIVE' from unnest(?::bigint[], ?::bigint[]) as u(item, instance)");
			insert.setLong(1, key);
			insert.setArray(2, connection.createArrayOf("bigint", itemKeys));
			insert.setArray(3, connection.createArrayOf("bigint", instances));
			return insert;
		});
		return key;
	}

	/**
	 * The oldest batch the runner still has to work on ({@code CREATED} or
	 * {@code ACTIVE}).
	 */
	public Optional<Unfinished> nextToRun() {
		return this.jdbc
			.query("select batch_operation_key, operation_type, parameters, actor from engine_batch_operation"
					+ " where state in ('CREATED', 'ACTIVE') order by creation_date, batch_operation_key limit 1",
					(rs, i) -> new Unfinished(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.stream()
			.findFirst();
	}

	/** The runner takes a created batch up. */
	public void start(long batchOperationKey) {
		this.jdbc.update("update engine_batch_operation set state = 'ACTIVE', start_date = ?"
				+ " where batch_operation_key = ? and state = 'CREATED'", now(), batchOperationKey);
	}

	public boolean isActive(long batchOperationKey) {
		return ACTIVE
			.equals(this.jdbc.queryForObject("select state from engine_batch_operation where batch_operation_key = ?",
					String.class, batchOperationKey));
	}

	/** The next items still to do, in key order. */
	public List<Selected> pendingItems(long batchOperationKey, int limit) {
		return this.jdbc.query(
				"select item_key, process_instance_key from engine_batch_operation_item"
						+ " where batch_operation_key = ? and state = 'ACTIVE' order by item_key limit ?",
				(rs, i) -> new Selected(rs.getLong(1), rs.getLong(2)), batchOperationKey, limit);
	}

	public void itemCompleted(long batchOperationKey, long itemKey) {
		itemDone(batchOperationKey, itemKey, "COMPLETED", null);
	}

	public void itemFailed(long batchOperationKey, long itemKey, String errorMessage) {
		itemDone(batchOperationKey, itemKey, "FAILED", errorMessage);
	}

	private void itemDone(long batchOperationKey, long itemKey, String state, String errorMessage) {
		this.jdbc.update(
				"update engine_batch_operation_item set state = ?, processed_date = ?, error_message = ?"
						+ " where batch_operation_key = ? and item_key = ?",
				state, now(), errorMessage, batchOperationKey, itemKey);
	}

	/**
	 * Ends an active batch with no item left to do: {@code COMPLETED}, or
	 * {@code PARTIALLY_COMPLETED} if one failed.
	 */
	public void finishIfDone(long batchOperationKey) {
		this.jdbc.update("update engine_batch_operation b set end_date = ?, state = case when exists (select 1 from"
				+ " engine_batch_operation_item i where i.batch_operation_key = b.batch_operation_key"
				+ " and i.state = 'FAILED') then 'PARTIALLY_COMPLETED' else 'COMPLETED' end"
				+ " where b.batch_operation_key = ? and b.state = 'ACTIVE' and not exists (select 1 from"
				+ " engine_batch_operation_item i where i.batch_operation_key = b.batch_operation_key"
				+ " and i.state = 'ACTIVE')", now(), batchOperationKey);
	}

	/**
	 * Stops the batch after the item in progress; allowed while it is created or active.
	 */
	public void suspend(long batchOperationKey) {
		String state = lockState(batchOperationKey);
		if (!CREATED.equals(state) && !ACTIVE.equals(state)) {
			throw notAllowed(batchOperationKey, "suspend", state, "CREATED or ACTIVE");
		}
		this.jdbc.update("update engine_batch_operation set state = 'SUSPENDED' where batch_operation_key = ?",
				batchOperationKey);
	}

	public void resume(long batchOperationKey) {
		String state = lockState(batchOperationKey);
		if (!SUSPENDED.equals(state)) {
			throw notAllowed(batchOperationKey, "resume", state, "SUSPENDED");
		}
		this.jdbc.update(
				"update engine_batch_operation set state = 'ACTIVE',"
						+ " start_date = coalesce(start_date, ?) where batch_operation_key = ?",
				now(), batchOperationKey);
	}

	/**
	 * Ends the batch: the items not done yet are {@code CANCELED}, the ones done stay as
	 * they are.
	 */
	public void cancel(long batchOperationKey) {
		String state = lockState(batchOperationKey);
		if (!UNFINISHED.contains(state)) {
			throw notAllowed(batchOperationKey, "cancel", state, "CREATED, ACTIVE or SUSPENDED");
		}
		Timestamp now = now();
		this.jdbc.update(
				"update engine_batch_operation set state = 'CANCELED', end_date = ?" + " where batch_operation_key = ?",
				now, batchOperationKey);
		this.jdbc.update("update engine_batch_operation_item set state = 'CANCELED', processed_date = ?"
				+ " where batch_operation_key = ? and state = 'ACTIVE'", now, batchOperationKey);
	}

	public BatchOperation get(long batchOperationKey) {
		return this.jdbc
			.query("select * from " + BATCHES + " where batch_operation_key = ?", (rs, i) -> batch(rs),
					batchOperationKey)
			.stream()
			.findFirst()
			.orElseThrow(() -> notFound(batchOperationKey));
	}

	public SearchResult<BatchOperation> search(JsonNode body) {
		return BATCH_SEARCH.run(this.named, body, (rs, i) -> batch(rs));
	}

	public SearchResult<Item> searchItems(JsonNode body) {
		return ITEM_SEARCH.run(this.named, body, (rs, i) -> item(rs));
	}

	private String lockState(long batchOperationKey) {
		return this.jdbc
			.queryForList("select state from engine_batch_operation where batch_operation_key = ? for update",
					String.class, batchOperationKey)
			.stream()
			.findFirst()
			.orElseThrow(() -> notFound(batchOperationKey));
	}

	private static Rejection notAllowed(long key, String action, String state, String allowed) {
		return Rejection.invalidState("Expected to " + action + " a batch operation that is " + allowed
				+ ", but batch operation '" + key + "' is " + state);
	}

	private static Rejection notFound(long key) {
		return Rejection.notFound("Expected to find a batch operation with key '" + key + "', but none was found");
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static BatchOperation batch(ResultSet rs) throws SQLException {
		return new BatchOperation(String.valueOf(rs.getLong("batch_operation_key")), rs.getString("state"),
				rs.getString("operation_type"), Dates.format(rs.getTimestamp("start_date")),
				Dates.format(rs.getTimestamp("end_date")), rs.getInt("total"), rs.getInt("failed"),
				rs.getInt("completed"), List.of());
	}

	private static Item item(ResultSet rs) throws SQLException {
		return new Item(String.valueOf(rs.getLong("batch_operation_key")), rs.getString("operation_type"),
				String.valueOf(rs.getLong("item_key")), String.valueOf(rs.getLong("process_instance_key")),
				rs.getString("state"), Dates.format(rs.getTimestamp("processed_date")), rs.getString("error_message"));
	}

	/**
	 * A batch the runner has to work on, and who created it (its items run in that
	 * person's name).
	 */
	public record Unfinished(long batchOperationKey, String operationType, String parameters, String actor) {
	}

	/**
	 * {@code BatchOperationResponse}; {@code errors} are the 8.8 per-partition query
	 * errors, which never occur here.
	 */
	public record BatchOperation(String batchOperationKey, String state, String batchOperationType, String startDate,
			String endDate, int operationsTotalCount, int operationsFailedCount, int operationsCompletedCount,
			List<Object> errors) {
	}

	/** {@code BatchOperationItemResponse}. */
	public record Item(String batchOperationKey, String operationType, String itemKey, String processInstanceKey,
			String state, String processedDate, String errorMessage) {
	}

}

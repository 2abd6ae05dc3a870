package fr.refactory.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Process and element instances, sequence flows and join tokens: the token state of
 * running processes.
 */
@Component
@ConditionalOnEmbeddedEngine
public class RuntimeStore {

	private final JdbcTemplate jdbc;

	private final AtomicReference<Boolean> anyRuntimeInstruction = new AtomicReference<>();

	private final Clock clock;

	private final EventLog events;

	private final KeyGenerator keys;

	RuntimeStore(JdbcTemplate jdbc, Clock clock, EventLog events, KeyGenerator keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.keys = keys;
	}

	public void insertProcessInstance(long key, ExecutableProcess process, Long parentPi, Long parentEi, long root) {
		this.jdbc.update("insert into engine_process_instance (process_instance_key, process_definition_key,"
				+ " process_definition_id, process_definition_version, process_definition_name, state, start_date,"
				+ " parent_process_instance_key, parent_element_instance_key, root_process_instance_key)"
				+ " values (?,?,?,?,?,'ACTIVE',?,?,?,?)", key, process.key(), process.processId(), process.version(),
				process.name(), now(), parentPi, parentEi, root);
	}

	public void tagProcessInstance(long key, Collection<String> tags) {
		if (!tags.isEmpty()) {
			this.jdbc.update("update engine_process_instance set tags = ? where process_instance_key = ?",
					(java.sql.PreparedStatement ps) -> {
						ps.setArray(1, ps.getConnection().createArrayOf("text", tags.toArray()));
						ps.setLong(2, key);
					});
		}
	}

	public void terminateAfter(long processInstanceKey, String elementId) {
		this.anyRuntimeInstruction.set(Boolean.TRUE);
		this.jdbc.update("insert into engine_runtime_instruction (process_instance_key, after_element_id)"
				+ " values (?,?) on conflict do nothing", processInstanceKey, elementId);
	}

	/**
	 * Whether a runtime instruction terminates the process instance once this element of
	 * it has completed.
	 */
	public boolean terminatesAfter(long processInstanceKey, String elementId) {
		if (!anyRuntimeInstruction()) {
			return false;
		}
		return !this.jdbc
			.queryForList("select 1 from engine_runtime_instruction where process_instance_key = ?"
					+ " and after_element_id = ?", Integer.class, processInstanceKey, elementId)
			.isEmpty();
	}

	/**
	 * Whether any instance was ever given a runtime instruction, read once: every element
	 * completion asks {@link #terminatesAfter}, and almost no instance carries an
	 * instruction, so this spares a query per element. One engine owns its database, so
	 * only {@link #terminateAfter} can make it true; a stale true costs a query.
	 */
	private boolean anyRuntimeInstruction() {
		Boolean known = this.anyRuntimeInstruction.get();
		if (known == null) {
			this.anyRuntimeInstruction.compareAndSet(null, this.jdbc
				.queryForObject("select exists (select 1 from engine_runtime_instruction)", Boolean.class));
			known = this.anyRuntimeInstruction.get();
		}
		return known;
	}

	/**
	 * Locks the root process instance of the given instance for the rest of the
	 * transaction.
	 */
	public long lockRoot(long processInstanceKey) {
		List<Long> roots = this.jdbc.queryForList(
				"select root_process_instance_key from engine_process_instance where process_instance_key = ?",
				Long.class, processInstanceKey);
		if (roots.isEmpty()) {
			throw Rejection.notFound(
					"Expected to find a process instance with key '" + processInstanceKey + "', but none was found");
		}
		this.jdbc.queryForList("select 1 from engine_process_instance where process_instance_key = ? for update",
				roots.get(0));
		return roots.get(0);
	}

	public long rootOf(long processInstanceKey) {
		return this.jdbc.queryForObject(
				"select root_process_instance_key from engine_process_instance where process_instance_key = ?",
				Long.class, processInstanceKey);
	}

	public Optional<String> processInstanceState(long key) {
		return this.jdbc
			.queryForList("select state from engine_process_instance where process_instance_key = ?", String.class, key)
			.stream()
			.findFirst();
	}

	/** The active process instances that a call activity's instance started. */
	public List<Long> activeCalledInstances(long callActivityInstanceKey) {
		return this.jdbc.queryForList(
				"select process_instance_key from engine_process_instance"
						+ " where parent_element_instance_key = ? and state = 'ACTIVE'",
				Long.class, callActivityInstanceKey);
	}

	public Long parentElementInstance(long processInstanceKey) {
		List<Long> parents = this.jdbc.queryForList(
				"select parent_element_instance_key from engine_process_instance where process_instance_key = ?",
				Long.class, processInstanceKey);
		return parents.isEmpty() ? null : parents.get(0);
	}

	public void endProcessInstance(long key, String state) {
		this.jdbc.update("update engine_process_instance set state = ?, end_date = ? where process_instance_key = ?",
				state, now(), key);
	}

	public ElementInstance insertElementInstance(long key, long piKey, ExecutableProcess process,
			ExecutableElement element, Long flowScopeKey) {
		this.jdbc.update("insert into engine_element_instance (element_instance_key, process_instance_key,"
				+ " process_definition_key, process_definition_id, element_id, element_name, element_type, state,"
				+ " flow_scope_key, start_date) values (?,?,?,?,?,?,?,'ACTIVE',?,?)", key, piKey, process.key(),
				process.processId(), element.id(), element.nameOrId(), element.type().name(), flowScopeKey, now());
		return remembered(new ElementInstance(key, piKey, process.key(), process.processId(), element.id(),
				element.type(), ElementInstance.ACTIVE, flowScopeKey, null));
	}

	public Optional<ElementInstance> elementInstance(long key) {
		Map<Long, ElementInstance> known = transactionRows();
		ElementInstance row = known == null ? null : known.get(key);
		if (row != null) {
			return Optional.of(row);
		}
		return this.jdbc.query("select * from engine_element_instance where element_instance_key = ?", this::map, key)
			.stream()
			.findFirst()
			.map(this::remembered);
	}

	/**
	 * The element instance rows this transaction read or wrote: a command asks for the
	 * same row several times (the job's element, then its completion step; a new element,
	 * then its activation step), and only this class writes the table, so the copy stays
	 * current. Commands lock their root instance first, so no other transaction changes
	 * these rows meanwhile (ADR 1100).
	 */
	@SuppressWarnings("unchecked")
	private Map<Long, ElementInstance> transactionRows() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<Long, ElementInstance> rows = (Map<Long, ElementInstance>) TransactionSynchronizationManager
			.getResource(this);
		if (rows == null) {
			Map<Long, ElementInstance> created = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(RuntimeStore.this);
				}
			});
			rows = created;
		}
		return rows;
	}

	private ElementInstance remembered(ElementInstance row) {
		Map<Long, ElementInstance> known = transactionRows();
		if (known != null) {
			known.put(row.key(), row);
		}
		return row;
	}

	private void forget(long elementInstanceKey) {
		Map<Long, ElementInstance> known = transactionRows();
		if (known != null) {
			known.remove(elementInstanceKey);
		}
	}

	public List<ElementInstance> activeChildren(long flowScopeKey) {
		return this.jdbc.query("select * from engine_element_instance where flow_scope_key = ? and state = 'ACTIVE'"
				+ " order by element_instance_key", this::map, flowScopeKey);
	}

	/**
	 * The element instance's termination waits (for a user task's canceling listeners,
	 * ADR 1602): it stays ACTIVE, marked as terminating.
	 */
	public void markTerminating(ElementInstance instance) {
		this.jdbc.update("update engine_element_instance set terminating = true where element_instance_key = ?",
				instance.key());
		forget(instance.key());
	}

	/**
	 * The created {@code elementInstanceKey} is activated only once the termination of
	 * {@code waitingKey} (an interrupted activity) or of the terminating children of
	 * {@code waitingKey} (an interrupted scope) ended.
	 */
	public void deferActivation(long elementInstanceKey, long waitingKey) {
		this.jdbc.update("insert into engine_deferred_activation (element_instance_key, waiting_key) values (?, ?)",
				elementInstanceKey, waitingKey);
	}

	/** The activations that waited for {@code waitingKey}, forgotten. */
	public List<Long> takeDeferredActivations(long waitingKey) {
		return this.jdbc.queryForList(
				"delete from engine_deferred_activation where waiting_key = ? returning element_instance_key",
				Long.class, waitingKey);
	}

	/** Whether a child of the scope is terminating (waiting for listeners). */
	public boolean hasTerminatingChild(long flowScopeKey) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from engine_element_instance"
						+ " where flow_scope_key = ? and state = 'ACTIVE' and terminating)",
				Boolean.class, flowScopeKey));
	}

	/**
	 * {@link #scopeIsIdle}, not counting children whose termination waits for canceling
	 * listeners.
	 */
	public boolean scopeIsIdleBesidesTerminations(long flowScopeKey) {
		Integer active = this.jdbc.queryForObject(
				"select (select count(*) from engine_element_instance"
						+ " where flow_scope_key = ? and state = 'ACTIVE' and not terminating)"
						+ " + (select count(*) from engine_join_token where flow_scope_key = ? and tokens > 0)",
				Integer.class, flowScopeKey, flowScopeKey);
		return active != null && active == 0;
	}

	public boolean scopeIsIdle(long flowScopeKey) {
		Integer active = this.jdbc.queryForObject(
				"select (select count(*) from engine_element_instance where flow_scope_key = ? and state = 'ACTIVE')"
						+ " + (select count(*) from engine_join_token where flow_scope_key = ? and tokens > 0)",
				Integer.class, flowScopeKey, flowScopeKey);
		return active != null && active == 0;
	}

	/**
	 * Ends the element instance as {@link ElementInstance#COMPLETED} or
	 * {@link ElementInstance#TERMINATED}.
	 */
	public void endElementInstance(ElementInstance instance, String state) {
		this.jdbc.update("update engine_element_instance set state = ?, end_date = ?, incident_key = null"
				+ " where element_instance_key = ?", state, now(), instance.key());
		remembered(new ElementInstance(instance.key(), instance.processInstanceKey(), instance.processDefinitionKey(),
				instance.processDefinitionId(), instance.elementId(), instance.type(), state, instance.flowScopeKey(),
				null));
		this.events.append(EngineEvent.of(instance,
				ElementInstance.COMPLETED.equals(state) ? Intent.ELEMENT_COMPLETED : Intent.ELEMENT_TERMINATED));
	}

	/**
	 * A lifecycle step of the element instance that changes no row (activating,
	 * activated, completing...).
	 */
	public void elementEvent(ElementInstance instance, Intent intent) {
		this.events.append(EngineEvent.of(instance, intent));
	}

	public void setIncident(long elementInstanceKey, Long incidentKey) {
		this.jdbc.update("update engine_element_instance set incident_key = ? where element_instance_key = ?",
				incidentKey, elementInstanceKey);
		forget(elementInstanceKey);
	}

	public void recordSequenceFlow(long piKey, ExecutableProcess process, long flowScopeKey, String flowId) {
		this.jdbc.update(
				"insert into engine_sequence_flow (process_instance_key, process_definition_key,"
						+ " process_definition_id, flow_id) values (?,?,?,?)",
				piKey, process.key(), process.processId(), flowId);
		this.events.append(new EngineEvent(this.keys.nextKey(), ValueType.PROCESS_INSTANCE, Intent.SEQUENCE_FLOW_TAKEN,
				piKey, flowScopeKey, flowId, Map.of()));
	}

	public void addJoinToken(long flowScopeKey, String gatewayId, String flowId) {
		this.jdbc.update("insert into engine_join_token (flow_scope_key, gateway_id, flow_id, tokens)"
				+ " values (?,?,?,1) on conflict (flow_scope_key, gateway_id, flow_id)"
				+ " do update set tokens = engine_join_token.tokens + 1", flowScopeKey, gatewayId, flowId);
	}

	public List<String> joinedFlows(long flowScopeKey, String gatewayId) {
		return this.jdbc.queryForList(
				"select flow_id from engine_join_token where flow_scope_key = ?" + " and gateway_id = ? and tokens > 0",
				String.class, flowScopeKey, gatewayId);
	}

	public void consumeJoinTokens(long flowScopeKey, String gatewayId) {
		this.jdbc.update("update engine_join_token set tokens = tokens - 1 where flow_scope_key = ?"
				+ " and gateway_id = ? and tokens > 0", flowScopeKey, gatewayId);
		this.jdbc.update("delete from engine_join_token where flow_scope_key = ? and gateway_id = ? and tokens = 0",
				flowScopeKey, gatewayId);
	}

	public void clearJoinTokens(long flowScopeKey) {
		this.jdbc.update("delete from engine_join_token where flow_scope_key = ?", flowScopeKey);
	}

	/**
	 * The active element instances of the process instance (not the process itself),
	 * outermost first.
	 */
	public List<ElementInstance> activeElementInstances(long processInstanceKey) {
		return this.jdbc.query(
				"select * from engine_element_instance where process_instance_key = ? and state = 'ACTIVE'"
						+ " and element_instance_key <> process_instance_key order by element_instance_key",
				this::map, processInstanceKey);
	}

	/**
	 * Whether a joining gateway of the process instance holds tokens that wait for the
	 * other flows.
	 */
	public boolean hasJoinTokens(long processInstanceKey) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from engine_join_token t"
				+ " join engine_element_instance e on e.element_instance_key = t.flow_scope_key"
				+ " where e.process_instance_key = ? and t.tokens > 0)", Boolean.class, processInstanceKey));
	}

	/**
	 * The process instance (and its own element instance) now runs the target version.
	 */
	public void migrateProcessInstance(ElementInstance processInstance, ExecutableProcess target) {
		this.jdbc.update(
				"update engine_process_instance set process_definition_key = ?, process_definition_id = ?,"
						+ " process_definition_version = ?, process_definition_name = ? where process_instance_key = ?",
				target.key(), target.processId(), target.version(), target.name(), processInstance.key());
		migrateElementInstance(processInstance, target, target.root());
	}

	/**
	 * The active element instance keeps its key and now runs {@code element} of the
	 * target version.
	 */
	public void migrateElementInstance(ElementInstance instance, ExecutableProcess target, ExecutableElement element) {
		this.jdbc.update(
				"update engine_element_instance set process_definition_key = ?, process_definition_id = ?,"
						+ " element_id = ?, element_name = ? where element_instance_key = ?",
				target.key(), target.processId(), element.id(), element.nameOrId(), instance.key());
		forget(instance.key());
		this.events.append(EngineEvent
			.of(new ElementInstance(instance.key(), instance.processInstanceKey(), target.key(), target.processId(),
					element.id(), instance.type(), instance.state(), instance.flowScopeKey(), instance.incidentKey()),
					Intent.ELEMENT_MIGRATED));
	}

	/**
	 * A modification or migration of the process instance was applied (its instructions
	 * are in the events around).
	 */
	public void processInstanceEvent(long processInstanceKey, ValueType valueType, Intent intent) {
		this.events.append(new EngineEvent(this.keys.nextKey(), valueType, intent, processInstanceKey,
				processInstanceKey, null, Map.of()));
	}

	public Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private ElementInstance map(ResultSet rs, int row) throws SQLException {
		return new ElementInstance(rs.getLong("element_instance_key"), rs.getLong("process_instance_key"),
				rs.getLong("process_definition_key"), rs.getString("process_definition_id"), rs.getString("element_id"),
				ElementType.valueOf(rs.getString("element_type")), rs.getString("state"),
				(Long) rs.getObject("flow_scope_key"), (Long) rs.getObject("incident_key"),
				rs.getBoolean("terminating"));
	}

	/*
	 * A deleted process definition's runtime rows go with it (resource deletion, ADR
	 * 0251) in three steps, because the other stores' deletions in between find their
	 * rows through these element and process instances.
	 */

	/** First step: the join tokens of the definition's element instances. */
	public void definitionJoinTokensDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_join_token where flow_scope_key in (select element_instance_key"
				+ " from engine_element_instance where process_definition_key = ?)", processDefinitionKey);
	}

	/** Second step: the definition's element instances and taken sequence flows. */
	public void definitionElementsDeleted(long processDefinitionKey) {
		this.jdbc.update(
				"delete from engine_deferred_activation where element_instance_key in (select"
						+ " element_instance_key from engine_element_instance where process_definition_key = ?)",
				processDefinitionKey);
		this.jdbc.update("delete from engine_element_instance where process_definition_key = ?", processDefinitionKey);
		this.jdbc.update("delete from engine_sequence_flow where process_definition_key = ?", processDefinitionKey);
	}

	/** Last step: the definition's process instances. */
	public void definitionInstancesDeleted(long processDefinitionKey) {
		this.jdbc.update("delete from engine_process_instance where process_definition_key = ?", processDefinitionKey);
	}

}

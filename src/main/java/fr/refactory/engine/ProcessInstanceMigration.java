package fr.refactory.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.behavior.BoundaryEvents;
import fr.refactory.engine.execution.behavior.CatchEventSubscriptions;
import fr.refactory.engine.execution.behavior.EventSubprocesses;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.CatchSubscriptionStore;
import fr.refactory.engine.state.CompensationStore;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.IncidentStore;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.JobStore;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.UserTaskStore;
import fr.refactory.engine.state.ValueType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process-instance migration (docs.camunda.io, "Process instance migration"): moves one
 * running instance to another process definition by mapping instructions. Every active
 * element instance needs a mapping to an element of the same type in the same (mapped)
 * flow scope; what cannot move is refused, naming the reason, and nothing changes.
 * Element instances, jobs, user tasks, incidents and subscriptions keep their keys and
 * now refer to the target (decision 1001). Callable outside the API (batch operations):
 * {@link #migrate} applies, {@link #refusal} only checks.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessInstanceMigration {

	private final ProcessExecutor executor;

	private final RuntimeStore store;

	private final JobStore jobs;

	private final UserTaskStore userTasks;

	private final IncidentStore incidents;

	private final CatchSubscriptionStore subscriptions;

	private final CompensationStore compensations;

	private final CatchEventSubscriptions catchEvents;

	private final BoundaryEvents boundaryEvents;

	private final EventSubprocesses eventSubprocesses;

	ProcessInstanceMigration(ProcessExecutor executor, RuntimeStore store, JobStore jobs, UserTaskStore userTasks,
			IncidentStore incidents, CatchSubscriptionStore subscriptions, CompensationStore compensations,
			CatchEventSubscriptions catchEvents, BoundaryEvents boundaryEvents, EventSubprocesses eventSubprocesses) {
		this.executor = executor;
		this.store = store;
		this.jobs = jobs;
		this.userTasks = userTasks;
		this.incidents = incidents;
		this.subscriptions = subscriptions;
		this.compensations = compensations;
		this.catchEvents = catchEvents;
		this.boundaryEvents = boundaryEvents;
		this.eventSubprocesses = eventSubprocesses;
	}

	/**
	 * Moves the instance to the plan's target definition, or refuses naming why (nothing
	 * changed then).
	 */
	@Transactional
	public Migrated migrate(long processInstanceKey, MigrationPlan plan) {
		this.store.lockRoot(processInstanceKey);
		Checked checked = check(processInstanceKey, plan);
		Execution execution = this.executor.begin();
		this.store.migrateProcessInstance(checked.processInstance(), checked.target());
		this.incidents.migrated(reloaded(checked.processInstance().key()));
		for (ElementInstance instance : checked.active()) {
			migrate(execution, checked, instance);
		}
		ElementInstance root = reloaded(processInstanceKey);
		migrateMappedSubscriptions(checked, checked.processInstance(), checked.target().root(), root);
		reopenEventSubprocessStarts(execution, checked, checked.processInstance(), root);
		this.store.processInstanceEvent(processInstanceKey, ValueType.PROCESS_INSTANCE_MIGRATION, Intent.MIGRATED);
		this.executor.drain(execution);
		return new Migrated(processInstanceKey, checked.processInstance().processDefinitionKey(),
				checked.target().key(), checked.active().size());
	}

	/**
	 * Why the instance cannot be migrated by this plan, or empty when it can (nothing is
	 * changed either way).
	 */
	@Transactional(readOnly = true)
	public Optional<String> refusal(long processInstanceKey, MigrationPlan plan) {
		try {
			check(processInstanceKey, plan);
			return Optional.empty();
		}
		catch (Rejection rejection) {
			return Optional.of(rejection.getMessage());
		}
	}

	private Checked check(long processInstanceKey, MigrationPlan plan) {
		ElementInstance processInstance = this.store.elementInstance(processInstanceKey)
			.filter(ElementInstance::isActive)
			.orElseThrow(() -> Rejection.notFound("Expected to migrate process instance '" + processInstanceKey
					+ "' but no active process instance with this key was found"));
		long targetKey = plan.targetProcessDefinitionKey();
		this.executor.definitions()
			.process(targetKey)
			.orElseThrow(() -> Rejection.notFound("Expected to migrate process instance '" + processInstanceKey
					+ "' to process definition '" + targetKey + "' but no process definition with this key was found"));
		ExecutableProcess source = this.executor.definitions().executable(processInstance.processDefinitionKey());
		ExecutableProcess target = this.executor.definitions().executable(targetKey);
		Map<String, String> mappings = mappings(processInstanceKey, plan, source, target);
		mappings.put(source.processId(), target.processId());
		if (this.store.hasJoinTokens(processInstanceKey)) {
			throw refused(processInstanceKey,
					"a joining gateway holds tokens waiting for its other flows; migrate" + " once it has joined");
		}
		if (this.compensations.anyOpenIn(processInstanceKey)) {
			throw refused(processInstanceKey,
					"completed activities can still be compensated by handlers of the" + " source version");
		}
		List<ElementInstance> active = this.store.activeElementInstances(processInstanceKey);
		for (ElementInstance instance : active) {
			if (instance.terminating()) {
				throw refused(processInstanceKey, "the element instance of '" + instance.elementId()
						+ "' is being terminated and waits for its canceling task listeners; migrate once they ran");
			}
			checkElement(processInstanceKey, instance, source, target, mappings);
		}
		return new Checked(processInstance, source, target, mappings, active);
	}

	private Map<String, String> mappings(long processInstanceKey, MigrationPlan plan, ExecutableProcess source,
			ExecutableProcess target) {
		Map<String, String> mappings = new HashMap<>();
		for (Mapping mapping : plan.mappingInstructions()) {
			if (mapping.sourceElementId() == null || source.element(mapping.sourceElementId()) == null) {
				throw refused(processInstanceKey,
						"mapping instructions contain a non-existing source element id '" + mapping.sourceElementId()
								+ "'. Elements provided in mapping instructions must exist in the"
								+ " source process definition");
			}
			if (mapping.targetElementId() == null || target.element(mapping.targetElementId()) == null) {
				throw refused(processInstanceKey,
						"mapping instructions contain a non-existing target element id '" + mapping.targetElementId()
								+ "'. Elements provided in mapping instructions must exist in the"
								+ " target process definition");
			}
			if (mappings.put(mapping.sourceElementId(), mapping.targetElementId()) != null) {
				throw refused(processInstanceKey, "mapping instructions contain the source element id '"
						+ mapping.sourceElementId() + "' more than once. Each source element can be mapped only once");
			}
		}
		return mappings;
	}

	private void checkElement(long processInstanceKey, ElementInstance instance, ExecutableProcess source,
			ExecutableProcess target, Map<String, String> mappings) {
		String sourceId = instance.elementId();
		String targetId = mappings.get(sourceId);
		if (targetId == null) {
			throw refused(processInstanceKey, "no mapping instruction is defined for the active element with id '"
					+ sourceId + "'. Elements cannot be migrated without a mapping");
		}
		ExecutableElement from = source.element(sourceId, instance.type());
		ExecutableElement to = target.element(targetId, instance.type());
		if (from.type() != to.type() || (source.element(sourceId).multiInstance() == null) != (target.element(targetId)
			.multiInstance() == null) || !sameEventKind(from, to)) {
			throw refused(processInstanceKey,
					"the active element with id '" + sourceId + "' and type '" + describe(source, sourceId)
							+ "' is mapped to the element with id '" + targetId + "' and different type '"
							+ describe(target, targetId) + "'. Elements must be mapped to elements"
							+ " of the same type");
		}
		String sourceScope = source.element(sourceId).flowScopeId();
		String expectedScope = mappings.get(sourceScope);
		String targetScope = target.element(targetId).flowScopeId();
		if (!targetScope.equals(expectedScope)) {
			throw refused(processInstanceKey,
					"the flow scope of the active element with id '" + sourceId
							+ "' is changed. The flow scope of the active element is expected to be '" + expectedScope
							+ "' but was '" + targetScope + "'. The flow scope of the element can't be changed");
		}
		for (String eventId : this.subscriptions.openEventIds(instance.key())) {
			boolean own = eventId.equals(sourceId);
			boolean boundaryOrStart = source.element(eventId).boundary() != null
					|| source.element(eventId).eventSubprocessStart() != null;
			if (!own && !boundaryOrStart && !mappings.containsKey(eventId)) {
				throw refused(processInstanceKey,
						"the active element with id '" + sourceId + "' waits for the catch" + " event '" + eventId
								+ "', which has no mapping instruction. Catch events of an event-based"
								+ " gateway must be mapped");
			}
			String mappedEvent = own ? targetId : mappings.get(eventId);
			ExecutableElement targetEvent = mappedEvent == null ? null : target.element(mappedEvent);
			boolean attachedElsewhere = targetEvent != null && source.element(eventId).boundary() != null
					&& (targetEvent.boundary() == null || !targetEvent.boundary().attachedToId().equals(targetId));
			if (attachedElsewhere) {
				throw refused(processInstanceKey, "the boundary event with id '" + eventId + "' is mapped to '"
						+ mappedEvent + "', which is not a boundary event of the target element '" + targetId + "'");
			}
			if (mappedEvent != null && !sameEventKind(source.element(eventId), targetEvent)) {
				throw refused(processInstanceKey, "the catch event with id '" + eventId + "' is mapped to the element"
						+ " with id '" + mappedEvent + "', which does not wait for the same kind of event");
			}
		}
	}

	private static boolean sameEventKind(ExecutableElement from, ExecutableElement to) {
		if (from.eventDefinition() == null || to.eventDefinition() == null) {
			return from.eventDefinition() == to.eventDefinition();
		}
		return from.eventDefinition().getClass() == to.eventDefinition().getClass();
	}

	private static String describe(ExecutableProcess process, String elementId) {
		ExecutableElement element = process.element(elementId);
		String kind = element.multiInstance() != null ? "MULTI_INSTANCE " + element.multiInstance().inner().type()
				: element.type().name();
		return element.eventDefinition() == null ? kind
				: kind + " " + element.eventDefinition().getClass().getSimpleName();
	}

	private void migrate(Execution execution, Checked checked, ElementInstance instance) {
		ExecutableElement to = checked.target().element(checked.mappings().get(instance.elementId()), instance.type());
		ElementContext before = this.executor.context(execution, instance);
		closeUnmappedBoundaryEvents(checked, before);
		this.store.migrateElementInstance(instance, checked.target(), to);
		ElementInstance migrated = reloaded(instance.key());
		this.jobs.migrated(migrated, checked.target().version());
		this.userTasks.migrated(migrated, checked.target().version());
		this.incidents.migrated(migrated);
		migrateMappedSubscriptions(checked, instance, to, migrated);
		ElementContext after = this.executor.context(execution, migrated);
		openNewBoundaryEvents(checked, before, after);
		reopenEventSubprocessStarts(execution, checked, instance, migrated);
	}

	/**
	 * The instance's own subscription and those of mapped catch events keep their keys
	 * and wait on.
	 */
	private void migrateMappedSubscriptions(Checked checked, ElementInstance instance, ExecutableElement to,
			ElementInstance migrated) {
		for (String eventId : this.subscriptions.openEventIds(instance.key())) {
			String targetEvent = eventId.equals(instance.elementId()) ? to.id() : checked.mappings().get(eventId);
			if (targetEvent != null) {
				this.subscriptions.migrate(migrated, eventId, targetEvent);
			}
		}
	}

	/**
	 * A boundary event of the source that no instruction maps stops waiting (decision
	 * 1001).
	 */
	private void closeUnmappedBoundaryEvents(Checked checked, ElementContext before) {
		for (ExecutableElement event : checked.source()
			.boundaryEventsOf(before.element().id(), before.instance().type())) {
			if (!checked.mappings().containsKey(event.id())) {
				this.catchEvents.close(before, event);
			}
		}
	}

	/**
	 * A boundary event of the target that no instruction maps to starts waiting now (its
	 * timer starts now).
	 */
	private void openNewBoundaryEvents(Checked checked, ElementContext before, ElementContext after) {
		List<String> mappedTo = checked.source()
			.boundaryEventsOf(before.element().id(), before.instance().type())
			.stream()
			.map((event) -> checked.mappings().get(event.id()))
			.toList();
		for (ExecutableElement event : checked.target()
			.boundaryEventsOf(after.element().id(), after.instance().type())) {
			if (!mappedTo.contains(event.id())) {
				opened(checked, event, () -> this.catchEvents.open(after, event))
					.ifPresent((variables) -> this.boundaryEvents.trigger(after, event, variables));
			}
		}
	}

	/**
	 * The same for the start events of event subprocesses inside a migrated scope
	 * (process or subprocess).
	 */
	private void reopenEventSubprocessStarts(Execution execution, Checked checked, ElementInstance sourceInstance,
			ElementInstance migrated) {
		ExecutableElement sourceScope = checked.source().element(sourceInstance.elementId(), sourceInstance.type());
		ExecutableElement targetScope = checked.target().element(migrated.elementId(), migrated.type());
		List<ExecutableElement> sourceStarts = checked.source()
			.eventSubprocessStartsIn(sourceScope.id(), sourceInstance.type());
		List<ExecutableElement> targetStarts = checked.target()
			.eventSubprocessStartsIn(targetScope.id(), migrated.type());
		if (sourceStarts.isEmpty() && targetStarts.isEmpty()) {
			return;
		}
		ElementContext before = this.executor.context(execution, sourceInstance);
		sourceStarts.stream()
			.filter((start) -> !checked.mappings().containsKey(start.id()))
			.forEach((start) -> this.catchEvents.close(before, start));
		List<String> mappedTo = sourceStarts.stream().map((start) -> checked.mappings().get(start.id())).toList();
		ElementContext after = this.executor.context(execution, migrated);
		for (ExecutableElement start : targetStarts) {
			if (!mappedTo.contains(start.id())) {
				opened(checked, start, () -> this.catchEvents.open(after, start))
					.ifPresent((variables) -> this.eventSubprocesses.trigger(after, start, variables));
			}
		}
	}

	private Optional<Map<String, Object>> opened(Checked checked, ExecutableElement event,
			java.util.function.Supplier<Optional<Map<String, Object>>> open) {
		try {
			return open.get();
		}
		catch (ExpressionFailure failure) {
			throw refused(checked.processInstance().key(), "the catch event '" + event.id() + "' of the target"
					+ " cannot start waiting: " + failure.getMessage());
		}
	}

	private ElementInstance reloaded(long key) {
		return this.store.elementInstance(key).orElseThrow();
	}

	private static Rejection refused(long processInstanceKey, String reason) {
		return Rejection
			.invalidArgument("Expected to migrate process instance '" + processInstanceKey + "' but " + reason + ".");
	}

	/**
	 * Where to: the target definition and, per active source element id, the target
	 * element id.
	 */
	public record MigrationPlan(long targetProcessDefinitionKey, List<Mapping> mappingInstructions) {

		public MigrationPlan {
			mappingInstructions = mappingInstructions == null ? List.of() : List.copyOf(mappingInstructions);
		}

	}

	public record Mapping(String sourceElementId, String targetElementId) {
	}

	/**
	 * A migration that was applied: how many active element instances moved with the
	 * instance.
	 */
	public record Migrated(long processInstanceKey, long sourceProcessDefinitionKey, long targetProcessDefinitionKey,
			int migratedElementInstances) {
	}

	private record Checked(ElementInstance processInstance, ExecutableProcess source, ExecutableProcess target,
			Map<String, String> mappings, List<ElementInstance> active) {
	}

}

package fr.refactory.engine.execution;

import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.Execution.Step;
import fr.refactory.engine.execution.behavior.BoundaryEvents;
import fr.refactory.engine.execution.behavior.CompensationBehavior;
import fr.refactory.engine.execution.behavior.EventSubprocesses;
import fr.refactory.engine.execution.behavior.ExecutionListenerBehavior;
import fr.refactory.engine.execution.behavior.IncidentBehavior;
import fr.refactory.engine.execution.behavior.VariableBehavior;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableFlow;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.model.ExecutionListener.EventType;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.KeyGenerator;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * The element lifecycle: activate, complete, take flows, terminate. Runs inside the
 * caller's transaction and drains the follow-up steps until every token waits.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessExecutor {

	/**
	 * The retry phase of an incident raised by an element's own work after its start
	 * listeners ran.
	 */
	public static final String RESUME_ACTIVATION = "RESUME_ACTIVATION";

	private final RuntimeStore store;

	private final DefinitionStore definitions;

	private final KeyGenerator keys;

	private final VariableBehavior variableBehavior;

	private final IncidentBehavior incidents;

	private final ElementProcessors processors;

	private final BoundaryEvents boundaryEvents;

	private final EventSubprocesses eventSubprocesses;

	private final ExecutionListenerBehavior listeners;

	private final CompensationBehavior compensations;

	ProcessExecutor(RuntimeStore store, DefinitionStore definitions, KeyGenerator keys,
			VariableBehavior variableBehavior, IncidentBehavior incidents, ElementProcessors processors,
			BoundaryEvents boundaryEvents, EventSubprocesses eventSubprocesses, ExecutionListenerBehavior listeners,
			CompensationBehavior compensations) {
		this.listeners = listeners;
		this.compensations = compensations;
		this.store = store;
		this.definitions = definitions;
		this.keys = keys;
		this.variableBehavior = variableBehavior;
		this.incidents = incidents;
		this.processors = processors;
		this.boundaryEvents = boundaryEvents;
		this.eventSubprocesses = eventSubprocesses;
	}

	public Execution begin() {
		return new Execution();
	}

	public long startProcessInstance(Execution execution, ExecutableProcess process, Map<String, Object> variables,
			ElementInstance parent) {
		long key = this.keys.nextKey();
		Long parentPi = parent == null ? null : parent.processInstanceKey();
		long root = parent == null ? key : this.store.rootOf(parent.processInstanceKey());
		this.store.insertProcessInstance(key, process, parentPi, parent == null ? null : parent.key(), root);
		this.store.insertElementInstance(key, key, process, process.root(), null);
		if (variables != null) {
			variables.forEach((name, value) -> this.variableBehavior.store().setLocal(key, key, name, value));
		}
		execution.push(new Step(Step.Kind.ACTIVATE, key, null));
		return key;
	}

	/**
	 * Creates the instance now and queues its activation (local variables set meanwhile
	 * are seen by it).
	 */
	public ElementInstance createAndActivate(Execution execution, ScopeRef scope, ExecutableElement element) {
		ElementInstance instance = create(scope, element);
		execution.push(new Step(Step.Kind.ACTIVATE, instance.key(), null));
		return instance;
	}

	/** Creates the instance; the caller queues its activation. */
	public ElementInstance create(ScopeRef scope, ExecutableElement element) {
		return this.store.insertElementInstance(this.keys.nextKey(), scope.processInstanceKey(), scope.process(),
				element, scope.flowScopeKey());
	}

	/**
	 * Creates an element instance that starts with the given (event) variables, merged as
	 * a completing element's would be; the caller queues its activation.
	 */
	public ElementContext createWithVariables(Execution execution, ExecutableProcess process, long processInstanceKey,
			Long flowScopeKey, ExecutableElement element, Map<String, Object> variables) {
		ElementInstance instance = this.store.insertElementInstance(this.keys.nextKey(), processInstanceKey, process,
				element, flowScopeKey);
		ElementContext context = new ElementContext(this, execution, process, element, instance);
		this.variableBehavior.mergeCompletionVariables(context, variables);
		return context;
	}

	public void queueComplete(Execution execution, long elementInstanceKey, List<String> flowIds) {
		execution.push(new Step(Step.Kind.COMPLETE, elementInstanceKey, flowIds));
	}

	public void queueActivate(Execution execution, long elementInstanceKey) {
		execution.push(new Step(Step.Kind.ACTIVATE, elementInstanceKey, null));
	}

	/**
	 * Queues the element's own work after its start listeners (resolving an incident
	 * raised there).
	 */
	public void queueResumeActivation(Execution execution, long elementInstanceKey) {
		execution.push(new Step(Step.Kind.RESUME_ACTIVATION, elementInstanceKey, null));
	}

	public void drain(Execution execution) {
		Step step = execution.next();
		while (step != null) {
			run(execution, step);
			step = execution.next();
		}
	}

	public ElementContext context(Execution execution, ElementInstance instance) {
		ExecutableProcess process = this.definitions.executable(instance.processDefinitionKey());
		return new ElementContext(this, execution, process, process.element(instance.elementId(), instance.type()),
				instance);
	}

	private void run(Execution execution, Step step) {
		ElementInstance instance = this.store.elementInstance(step.elementInstanceKey()).orElseThrow();
		if (!instance.isActive()) {
			return;
		}
		ElementContext context = context(execution, instance);
		ElementProcessor processor = this.processors.of(context.element().type());
		try (LogKeys.Scope keys = LogKeys.element(instance.processInstanceKey(), instance.elementId())) {
			switch (step.kind()) {
				case ACTIVATE -> activate(context, processor);
				case RESUME_ACTIVATION ->
					failingAs(context, RESUME_ACTIVATION, () -> finishActivation(context, processor));
				default -> complete(context, processor, step.flowIds());
			}
		}
	}

	private void activate(ElementContext context, ElementProcessor processor) {
		this.store.elementEvent(context.instance(), Intent.ELEMENT_ACTIVATING);
		failingAs(context, "ACTIVATE", () -> {
			this.variableBehavior.applyInputs(context);
			if (!this.listeners.runFirst(context, EventType.START)) {
				finishActivation(context, processor);
			}
		});
	}

	/** The element's own work, once its start listeners ran. */
	private void finishActivation(ElementContext context, ElementProcessor processor) {
		this.boundaryEvents.check(context);
		this.eventSubprocesses.check(context);
		processor.onActivate(context);
		this.boundaryEvents.open(context);
		this.eventSubprocesses.open(context);
		if (!context.completedWhileActivating()) {
			this.store.elementEvent(context.instance(), Intent.ELEMENT_ACTIVATED);
		}
	}

	/**
	 * The job of the element's execution listener at {@code index} completed with these
	 * variables: the next listener runs, or the element continues (its own work after
	 * start listeners, leaving after end listeners).
	 */
	public void executionListenerCompleted(Execution execution, ElementInstance instance, EventType eventType,
			int index, Map<String, Object> variables) {
		ElementContext context = context(execution, instance);
		ElementProcessor processor = this.processors.of(context.element().type());
		boolean start = eventType == EventType.START;
		boolean[] another = new boolean[1];
		boolean applied = failingAs(context, start ? "ACTIVATE" : "COMPLETE",
				() -> another[0] = this.listeners.completed(context, eventType, index, variables));
		if (!applied || another[0]) {
			return;
		}
		if (start) {
			failingAs(context, RESUME_ACTIVATION, () -> finishActivation(context, processor));
		}
		else {
			finishCompletion(context, processor, null);
		}
	}

	/**
	 * Runs part of the element's lifecycle; a failure becomes an incident that retries
	 * the given phase.
	 * @return whether the work ran without failure
	 */
	private boolean failingAs(ElementContext context, String retryPhase, Runnable work) {
		try {
			work.run();
			return true;
		}
		catch (ElementFailure failure) {
			this.incidents.create(context.instance(), failure.errorType(), failure.getMessage(), retryPhase, null);
		}
		catch (ExpressionFailure failure) {
			String errorType = "COMPLETE".equals(retryPhase) ? "IO_MAPPING_ERROR" : "EXTRACT_VALUE_ERROR";
			this.incidents.create(context.instance(), errorType, failure.getMessage(), retryPhase, null);
		}
		return false;
	}

	private void complete(ElementContext context, ElementProcessor processor, List<String> flowIds) {
		this.store.elementEvent(context.instance(), Intent.ELEMENT_COMPLETING);
		try {
			processor.onComplete(context);
			this.variableBehavior.applyOutputs(context);
			ExecutableElement flowScope = context.process().flowScopeOf(context.element());
			if (flowScope != null) {
				this.processors.of(flowScope.type()).onChildCompleting(context);
			}
			if (this.listeners.runFirst(context, EventType.END)) {
				return;
			}
		}
		catch (ElementFailure failure) {
			this.incidents.create(context.instance(), failure.errorType(), failure.getMessage(), "COMPLETE", null);
			return;
		}
		catch (ExpressionFailure failure) {
			this.incidents.create(context.instance(), "IO_MAPPING_ERROR", failure.getMessage(), "COMPLETE", null);
			return;
		}
		finishCompletion(context, processor, flowIds);
	}

	/** The element leaves, once its end listeners ran: completed, its flows taken. */
	private void finishCompletion(ElementContext context, ElementProcessor processor, List<String> flowIds) {
		processor.onCompleted(context);
		ElementInstance instance = context.instance();
		this.store.endElementInstance(instance, ElementInstance.COMPLETED);
		this.boundaryEvents.close(context);
		this.eventSubprocesses.close(context);
		this.compensations.activityCompleted(context);
		this.compensations.handlerCompleted(context);
		if (!isInnerInstance(context)
				&& this.store.terminatesAfter(instance.processInstanceKey(), instance.elementId())) {
			terminate(context.execution(), this.store.elementInstance(instance.processInstanceKey()).orElseThrow());
			return;
		}
		List<String> taken = flowIds != null ? flowIds : context.element().outgoing();
		ScopeRef scope = new ScopeRef(context.process(), instance.processInstanceKey(),
				instance.flowScopeKey() == null ? 0 : instance.flowScopeKey());
		for (String flowId : taken) {
			takeFlow(context.execution(), scope, context.process().flow(flowId));
		}
		if (taken.isEmpty() && instance.flowScopeKey() != null) {
			childLeft(context.execution(), instance.flowScopeKey());
		}
	}

	/**
	 * An instance inside a multi-instance body: a runtime instruction waits for the body.
	 */
	private static boolean isInnerInstance(ElementContext context) {
		return context.process().element(context.element().id()).multiInstance() != null
				&& context.instance().type() != ElementType.MULTI_INSTANCE_BODY;
	}

	private void takeFlow(Execution execution, ScopeRef scope, ExecutableFlow flow) {
		this.store.recordSequenceFlow(scope.processInstanceKey(), scope.process(), scope.flowScopeKey(), flow.id());
		ExecutableElement target = scope.process().element(flow.targetId());
		this.processors.of(target.type()).onArrive(new ArrivalContext(this, execution, scope, target), flow);
	}

	/**
	 * Completes an element at once during its activation (a terminate end event, which
	 * ends before it ends its scope): activated, completing and completed, without taking
	 * a flow.
	 */
	public void completeWhileActivating(ElementContext context) {
		this.store.elementEvent(context.instance(), Intent.ELEMENT_ACTIVATED);
		this.store.elementEvent(context.instance(), Intent.ELEMENT_COMPLETING);
		this.store.endElementInstance(context.instance(), ElementInstance.COMPLETED);
		context.markCompletedWhileActivating();
	}

	/** A child of the scope ended without taking a flow: an idle scope completes. */
	public void childLeft(Execution execution, long flowScopeKey) {
		if (!this.store.scopeIsIdle(flowScopeKey)) {
			return;
		}
		ElementInstance scope = this.store.elementInstance(flowScopeKey).orElseThrow();
		if (scope.isActive()) {
			ElementContext context = context(execution, scope);
			this.processors.of(context.element().type()).onChildLeft(context);
		}
	}

	/**
	 * Terminates the element instance and everything inside it. A user task with
	 * canceling listeners makes the termination wait for them (Camunda 8.8): the task and
	 * its flow scopes up to this instance stay terminating, and the termination ends when
	 * the last listener ran ({@link #terminationWaitEnded}).
	 * @return whether the instance is terminated now, else its termination waits
	 */
	public boolean terminate(Execution execution, ElementInstance instance) {
		if (instance.terminating()) {
			return false;
		}
		this.store.elementEvent(instance, Intent.ELEMENT_TERMINATING);
		boolean waits = false;
		for (ElementInstance child : this.store.activeChildren(instance.key())) {
			waits |= !terminate(execution, child);
		}
		ElementContext context = context(execution, instance);
		this.boundaryEvents.close(context);
		this.eventSubprocesses.close(context);
		waits |= this.processors.of(context.element().type()).onTerminating(context);
		if (waits) {
			// no execution listener job to cancel: a scope waits for its children, a user
			// task's own jobs were replaced by its canceling listener's
			this.store.markTerminating(instance);
			return false;
		}
		finishTermination(context);
		return true;
	}

	/**
	 * The created {@code next} (an interrupting boundary event's instance) is activated
	 * once the termination of {@code activity}, which waits, ended.
	 */
	public void activateAfterTermination(long next, long activity) {
		this.store.deferActivation(next, activity);
	}

	/**
	 * Activates {@code next} (an interrupting event subprocess) in the scope once no
	 * child of the scope is terminating any more.
	 */
	public void activateAfterTerminations(Execution execution, long scopeKey, long next) {
		if (this.store.hasTerminatingChild(scopeKey)) {
			this.store.deferActivation(next, scopeKey);
		}
		else {
			queueActivate(execution, next);
		}
	}

	/**
	 * What the terminating instance waited for itself is done (its user task's last
	 * canceling listener ran): it is terminated, and so is each flow scope (and calling
	 * call activity) whose termination waited only for it; what waited for these
	 * terminations goes on (an interrupting event's element is activated, an idle scope
	 * completes).
	 */
	public void terminationWaitEnded(Execution execution, ElementInstance instance) {
		ElementContext context = context(execution, instance);
		finishTermination(context);
		this.store.takeDeferredActivations(instance.key()).forEach((key) -> queueActivate(execution, key));
		ElementInstance parent = parentOf(instance);
		if (parent == null) {
			return;
		}
		if (parent.terminating()) {
			if (this.store.activeChildren(parent.key()).isEmpty()
					&& this.store.activeCalledInstances(parent.key()).isEmpty()) {
				terminationWaitEnded(execution, parent);
			}
			return;
		}
		if (!this.store.hasTerminatingChild(parent.key())) {
			this.store.takeDeferredActivations(parent.key()).forEach((key) -> queueActivate(execution, key));
		}
		childLeft(execution, parent.key());
	}

	/** The flow scope, or for a called process instance the calling call activity. */
	private ElementInstance parentOf(ElementInstance instance) {
		Long parentKey = instance.flowScopeKey() != null ? instance.flowScopeKey()
				: this.store.parentElementInstance(instance.processInstanceKey());
		return parentKey == null ? null : this.store.elementInstance(parentKey).orElseThrow();
	}

	private void finishTermination(ElementContext context) {
		ElementInstance instance = context.instance();
		this.processors.of(context.element().type()).onTerminate(context);
		this.listeners.cancel(instance.key());
		this.incidents.resolveAllOf(instance.key());
		this.store.endElementInstance(instance, ElementInstance.TERMINATED);
		this.store.clearJoinTokens(instance.key());
	}

	public RuntimeStore store() {
		return this.store;
	}

	public VariableStore variables() {
		return this.variableBehavior.store();
	}

	public VariableBehavior variableBehavior() {
		return this.variableBehavior;
	}

	public DefinitionStore definitions() {
		return this.definitions;
	}

}

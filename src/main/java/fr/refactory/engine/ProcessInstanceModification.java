package fr.refactory.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.execution.ScopeRef;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.Intent;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.ValueType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process-instance modification (docs.camunda.io, "Process instance modification"):
 * activates elements and terminates element instances of one running instance in one
 * transaction. Every instruction is checked before anything changes; a bad one is a
 * {@link Rejection} naming it. Activated elements run as if a token had arrived (input
 * mappings, listeners, jobs, user tasks, subscriptions, boundary events); a flow scope
 * left without any element instance by the terminations is terminated too, up to the
 * process instance itself (decision 1000).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessInstanceModification {

	/**
	 * The ancestor key a client sends when it names none: the flow scope's only instance
	 * is meant.
	 */
	public static final long NO_ANCESTOR = -1;

	private final ProcessExecutor executor;

	private final RuntimeStore store;

	ProcessInstanceModification(ProcessExecutor executor, RuntimeStore store) {
		this.executor = executor;
		this.store = store;
	}

	@Transactional
	public void modify(long processInstanceKey, Modification modification) {
		this.store.lockRoot(processInstanceKey);
		ElementInstance processInstance = this.store.elementInstance(processInstanceKey)
			.filter(ElementInstance::isActive)
			.orElseThrow(() -> Rejection.notFound("Expected to modify a process instance with key '"
					+ processInstanceKey + "', but no such process instance was found"));
		ExecutableProcess process = this.executor.definitions().executable(processInstance.processDefinitionKey());
		List<PlannedActivation> activations = new ArrayList<>();
		for (Activation activation : modification.activations()) {
			activations.add(plan(process, processInstance, activation));
		}
		List<ElementInstance> terminations = modification.terminations()
			.stream()
			.map((key) -> terminable(process, processInstanceKey, key))
			.toList();
		Execution execution = this.executor.begin();
		activations.forEach((planned) -> activate(execution, process, processInstanceKey, planned));
		terminations.forEach((instance) -> terminate(execution, instance));
		this.store.processInstanceEvent(processInstanceKey, ValueType.PROCESS_INSTANCE_MODIFICATION, Intent.MODIFIED);
		this.executor.drain(execution);
	}

	private PlannedActivation plan(ExecutableProcess process, ElementInstance processInstance, Activation activation) {
		String elementId = activation.elementId();
		String reason = StartInstructions.whyNotStartable(process, elementId);
		if (reason != null) {
			throw invalid(process, "activate instructions with the element '" + elementId + "', which " + reason);
		}
		List<String> flowScopes = flowScopesOf(process, elementId);
		ElementInstance ancestor = ancestor(process, processInstance, activation, flowScopes);
		String child = childOnPath(process, ancestor.elementId(), elementId);
		for (VariableInstruction variables : activation.variableInstructions()) {
			String scopeId = variables.scopeId();
			boolean global = scopeId == null || scopeId.isEmpty();
			boolean reachable = global || scopeId.equals(child) || isAtOrAbove(process, ancestor.elementId(), scopeId);
			if (!reachable || (!global && !flowScopes.contains(scopeId) && !scopeId.equals(elementId))) {
				throw invalid(process,
						"variable instructions for the element '" + elementId + "' with the scope id '" + scopeId
								+ "', which is neither the element nor one of its flow scopes that exists or is"
								+ " created first");
			}
		}
		return new PlannedActivation(process.element(elementId), ancestor, process.element(child), activation);
	}

	/** The ids of the element's flow scopes, nearest first, up to the process. */
	private static List<String> flowScopesOf(ExecutableProcess process, String elementId) {
		List<String> scopes = new ArrayList<>();
		for (String scope = process.element(elementId).flowScopeId(); scope != null; scope = process.element(scope)
			.flowScopeId()) {
			scopes.add(scope);
		}
		return scopes;
	}

	private ElementInstance ancestor(ExecutableProcess process, ElementInstance processInstance, Activation activation,
			List<String> flowScopes) {
		Long chosen = activation.ancestorElementInstanceKey();
		if (chosen != null && chosen != NO_ANCESTOR) {
			return this.store.elementInstance(chosen)
				.filter(ElementInstance::isActive)
				.filter((instance) -> instance.processInstanceKey() == processInstance.key())
				.filter((instance) -> flowScopes.contains(instance.elementId()))
				.orElseThrow(() -> invalid(process,
						"activate instructions with the ancestor element instance key '" + chosen
								+ "', which is not an active flow scope of the element '" + activation.elementId()
								+ "' in this process instance"));
		}
		List<ElementInstance> active = this.store.activeElementInstances(processInstance.key());
		for (String scopeId : flowScopes) {
			if (scopeId.equals(process.processId())) {
				return processInstance;
			}
			List<ElementInstance> instances = active.stream().filter((i) -> i.elementId().equals(scopeId)).toList();
			if (instances.size() > 1) {
				throw invalid(process,
						"activate instructions for the element '" + activation.elementId() + "', whose flow scope '"
								+ scopeId + "' has " + instances.size()
								+ " active instances; name one with ancestorElementInstanceKey");
			}
			if (instances.size() == 1) {
				return instances.get(0);
			}
		}
		return processInstance;
	}

	/**
	 * The element directly inside {@code scopeId} that contains {@code elementId} (or is
	 * it).
	 */
	private static String childOnPath(ExecutableProcess process, String scopeId, String elementId) {
		String current = elementId;
		while (!scopeId.equals(process.element(current).flowScopeId())) {
			current = process.element(current).flowScopeId();
		}
		return current;
	}

	private static boolean isAtOrAbove(ExecutableProcess process, String elementId, String scopeId) {
		for (String current = elementId; current != null; current = process.element(current).flowScopeId()) {
			if (current.equals(scopeId)) {
				return true;
			}
		}
		return false;
	}

	private ElementInstance terminable(ExecutableProcess process, long processInstanceKey, Long key) {
		return this.store.elementInstance(Objects.requireNonNullElse(key, 0L))
			.filter(ElementInstance::isActive)
			.filter((instance) -> instance.processInstanceKey() == processInstanceKey)
			.filter((instance) -> instance.key() != processInstanceKey)
			.orElseThrow(() -> invalid(process,
					"terminate instructions with the element instance key '" + key
							+ "', which is not an active element instance of this process instance (cancel the process"
							+ " instance to end it as a whole)"));
	}

	private void activate(Execution execution, ExecutableProcess process, long processInstanceKey,
			PlannedActivation planned) {
		ElementInstance created = this.executor.createAndActivate(execution,
				new ScopeRef(process, processInstanceKey, planned.ancestor().key()), planned.child());
		if (!planned.child().id().equals(planned.element().id())) {
			execution.startBefore(created.key(), List.of(planned.element().id()));
		}
		for (VariableInstruction variables : planned.activation().variableInstructions()) {
			long scopeKey = scopeKey(planned, created, variables.scopeId());
			variables.variables()
				.forEach(
						(name, value) -> this.executor.variables().setLocal(scopeKey, processInstanceKey, name, value));
		}
	}

	private long scopeKey(PlannedActivation planned, ElementInstance created, String scopeId) {
		if (scopeId == null || scopeId.isEmpty()) {
			return created.processInstanceKey();
		}
		if (scopeId.equals(created.elementId())) {
			return created.key();
		}
		ElementInstance scope = planned.ancestor();
		while (!scope.elementId().equals(scopeId)) {
			scope = this.store.elementInstance(scope.flowScopeKey()).orElseThrow();
		}
		return scope.key();
	}

	/**
	 * Terminates the instance (unless an earlier instruction ended it), then every flow
	 * scope it leaves empty (or with only terminations that wait for canceling listeners,
	 * which the scope's termination then waits for).
	 */
	private void terminate(Execution execution, ElementInstance requested) {
		ElementInstance instance = this.store.elementInstance(requested.key()).orElseThrow();
		if (!instance.isActive()) {
			return;
		}
		this.executor.terminate(execution, instance);
		Long scopeKey = instance.flowScopeKey();
		while (scopeKey != null && this.store.scopeIsIdleBesidesTerminations(scopeKey)) {
			ElementInstance scope = this.store.elementInstance(scopeKey).orElseThrow();
			if (!scope.isActive()) {
				return;
			}
			if (scope.key() == scope.processInstanceKey() && this.store.parentElementInstance(scope.key()) != null) {
				throw Rejection.invalidArgument("Expected to modify the process instance '" + scope.key() + "', but"
						+ " its terminate instructions leave no element instance in it, and it was created by a call"
						+ " activity: modify or cancel the root process instance instead");
			}
			this.executor.terminate(execution, scope);
			scopeKey = scope.flowScopeKey();
		}
	}

	private static Rejection invalid(ExecutableProcess process, String detail) {
		return Rejection.invalidArgument("Expected to modify instance of process '" + process.processId()
				+ "' but it contains one or more " + detail);
	}

	/** What to change: elements to activate, element instances (keys) to terminate. */
	public record Modification(List<Activation> activations, List<Long> terminations) {

		public Modification {
			activations = activations == null ? List.of() : List.copyOf(activations);
			terminations = terminations == null ? List.of() : List.copyOf(terminations);
		}

	}

	/**
	 * Activate {@code elementId} inside the ancestor instance (null or
	 * {@link #NO_ANCESTOR}: the only active instance of its nearest flow scope that has
	 * one), with variables set in the named scopes before it activates.
	 */
	public record Activation(String elementId, Long ancestorElementInstanceKey,
			List<VariableInstruction> variableInstructions) {

		public Activation {
			variableInstructions = variableInstructions == null ? List.of() : List.copyOf(variableInstructions);
		}

	}

	/**
	 * Variables to set in the scope of the element with {@code scopeId} (empty: the
	 * process instance).
	 */
	public record VariableInstruction(String scopeId, Map<String, Object> variables) {

		public VariableInstruction {
			variables = variables == null ? Map.of() : variables;
		}

	}

	private record PlannedActivation(ExecutableElement element, ElementInstance ancestor, ExecutableElement child,
			Activation activation) {
	}

}

package fr.refactory.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.refactory.engine.execution.Execution;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.DefinitionStore.ProcessDefinitionRow;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.RuntimeStore;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and cancels process instances; each call is one transaction that runs until
 * every token waits.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessInstances {

	private final DefinitionStore definitions;

	private final ProcessExecutor executor;

	private final RuntimeStore store;

	ProcessInstances(DefinitionStore definitions, ProcessExecutor executor, RuntimeStore store) {
		this.definitions = definitions;
		this.executor = executor;
		this.store = store;
	}

	@Transactional
	public Created create(Long processDefinitionKey, String processDefinitionId, Integer version,
			Map<String, Object> variables, List<String> startBefore, Set<String> tags,
			List<RuntimeInstructions.Instruction> instructions) {
		RuntimeInstructions.validateTags(tags);
		ProcessDefinitionRow definition = definition(processDefinitionKey, processDefinitionId, version);
		ExecutableProcess process = this.definitions.executable(definition.key());
		if (startBefore.isEmpty() && process.root().startEventId() == null) {
			throw Rejection.invalidArgument("Expected to create instance of process with none start event, but there"
					+ " is no such event in process '" + process.processId() + "'");
		}
		StartInstructions.validate(process, startBefore);
		RuntimeInstructions.validate(process, instructions);
		Execution execution = this.executor.begin();
		long key = this.executor.startProcessInstance(execution, process, variables, null);
		this.store.tagProcessInstance(key, tags);
		instructions.forEach((instruction) -> this.store.terminateAfter(key, instruction.afterElementId()));
		if (!startBefore.isEmpty()) {
			execution.startBefore(key, startBefore);
		}
		this.executor.drain(execution);
		return new Created(key, definition, Set.copyOf(tags));
	}

	@Transactional
	public void cancel(long processInstanceKey) {
		this.store.lockRoot(processInstanceKey);
		String state = this.store.processInstanceState(processInstanceKey).orElse("");
		if (!ElementInstance.ACTIVE.equals(state)) {
			throw Rejection.notFound("Expected to cancel a process instance with key '" + processInstanceKey
					+ "', but no such process was found");
		}
		if (this.store.parentElementInstance(processInstanceKey) != null) {
			throw Rejection.invalidState("Expected to cancel a process instance with key '" + processInstanceKey
					+ "', but it is created by a parent process instance. Cancel the root process instance instead.");
		}
		Execution execution = this.executor.begin();
		this.executor.terminate(execution, this.store.elementInstance(processInstanceKey).orElseThrow());
		this.executor.drain(execution);
	}

	/** Root-scope variables, filtered by name when names are given. */
	@Transactional(readOnly = true)
	public Map<String, Object> rootVariables(long processInstanceKey, List<String> names) {
		Map<String, Object> all = this.executor.variables().local(processInstanceKey);
		if (names == null || names.isEmpty()) {
			return all;
		}
		Map<String, Object> selected = new LinkedHashMap<>();
		names.stream().filter(all::containsKey).forEach((name) -> selected.put(name, all.get(name)));
		return selected;
	}

	public boolean isEnded(long processInstanceKey) {
		return !this.store.processInstanceState(processInstanceKey).map(ElementInstance.ACTIVE::equals).orElse(false);
	}

	private ProcessDefinitionRow definition(Long key, String id, Integer version) {
		if (key != null) {
			return this.definitions.process(key)
				.orElseThrow(() -> Rejection
					.notFound("Expected to find process definition with key '" + key + "', but none found"));
		}
		if (id == null || id.isBlank()) {
			throw Rejection.invalidArgument(
					"Expected either a processDefinitionId or a processDefinitionKey, but neither was given");
		}
		if (version == null || version < 0) {
			return this.definitions.latestProcess(id)
				.orElseThrow(() -> Rejection
					.notFound("Expected to find process definition with process ID '" + id + "', but none found"));
		}
		return this.definitions.process(id, version)
			.orElseThrow(() -> Rejection.notFound("Expected to find process definition with process ID '" + id
					+ "' and version '" + version + "', but none found"));
	}

	/** A created instance and its definition. */
	public record Created(long processInstanceKey, ProcessDefinitionRow definition, Set<String> tags) {
	}

}

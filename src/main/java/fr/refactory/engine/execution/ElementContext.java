package fr.refactory.engine.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;

/** What a processor sees of one element instance while a command runs. */
public final class ElementContext {

	private final ProcessExecutor executor;

	private final Execution execution;

	private final ExecutableProcess process;

	private final ExecutableElement element;

	private final ElementInstance instance;

	private boolean completedWhileActivating;

	ElementContext(ProcessExecutor executor, Execution execution, ExecutableProcess process, ExecutableElement element,
			ElementInstance instance) {
		this.executor = executor;
		this.execution = execution;
		this.process = process;
		this.element = element;
		this.instance = instance;
	}

	public ExecutableProcess process() {
		return this.process;
	}

	public ExecutableElement element() {
		return this.element;
	}

	public ElementInstance instance() {
		return this.instance;
	}

	boolean completedWhileActivating() {
		return this.completedWhileActivating;
	}

	void markCompletedWhileActivating() {
		this.completedWhileActivating = true;
	}

	public Execution execution() {
		return this.execution;
	}

	public ProcessExecutor executor() {
		return this.executor;
	}

	/** Variables visible from this element instance, read now. */
	public Map<String, Object> variables() {
		return this.executor.variables().visible(this.instance.key());
	}

	/**
	 * Leave the element taking every outgoing flow (or the processor's choice at
	 * completion).
	 */
	public void complete() {
		this.executor.queueComplete(this.execution, this.instance.key(), null);
	}

	/** Leave the element taking exactly these flows. */
	public void completeTaking(List<String> flowIds) {
		this.executor.queueComplete(this.execution, this.instance.key(), flowIds);
	}

	/**
	 * For containers: activate the start event inside this element, or, when the instance
	 * was told to start elsewhere (a message start event, start instructions), those
	 * elements: the children on their paths are created here and pass the deeper elements
	 * on to their own start.
	 */
	public void activateStartEvent() {
		List<String> targets = this.execution.takeStartElements(this.instance.key());
		if (targets.isEmpty()) {
			activateInside(this.element.startEventId());
			return;
		}
		Map<String, List<String>> deeperByChild = new LinkedHashMap<>();
		for (String target : targets) {
			String child = childOnPathTo(target);
			if (child.equals(target)) {
				activateInside(target);
			}
			else {
				deeperByChild.computeIfAbsent(child, (id) -> new ArrayList<>()).add(target);
			}
		}
		deeperByChild.forEach((child, deeper) -> this.execution.startBefore(activateInside(child).key(), deeper));
	}

	private ElementInstance activateInside(String childId) {
		return this.executor.createAndActivate(this.execution, childScope(), this.process.element(childId));
	}

	/**
	 * The element directly inside this one that contains {@code elementId} (or is it).
	 */
	private String childOnPathTo(String elementId) {
		String current = elementId;
		while (!this.element.id().equals(this.process.element(current).flowScopeId())) {
			current = this.process.element(current).flowScopeId();
		}
		return current;
	}

	/**
	 * For containers: creates an instance of {@code child} inside this one with these
	 * local variables, set before its activation (and its input mappings) runs.
	 */
	public ElementInstance activateChild(ExecutableElement child, Map<String, Object> localVariables) {
		ElementInstance created = this.executor.createAndActivate(this.execution, childScope(), child);
		localVariables.forEach((name, value) -> this.executor.variables()
			.setLocal(created.key(), created.processInstanceKey(), name, value));
		return created;
	}

	/** The element instance this one is inside of (not for the process itself). */
	public ElementContext flowScope() {
		return this.executor.context(this.execution,
				this.executor.store().elementInstance(this.instance.flowScopeKey()).orElseThrow());
	}

	public ScopeRef childScope() {
		return new ScopeRef(this.process, this.instance.processInstanceKey(), this.instance.key());
	}

}

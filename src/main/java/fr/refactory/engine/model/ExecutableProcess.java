package fr.refactory.engine.model;

import java.util.Map;

/** A deployed process version, parsed once: its elements and flows by id. */
public record ExecutableProcess(long key, String processId, int version, String name,
		Map<String, ExecutableElement> elements, Map<String, ExecutableFlow> flows) {

	public ExecutableElement root() {
		return this.elements.get(this.processId);
	}

	public ExecutableElement element(String id) {
		return this.elements.get(id);
	}

	public ExecutableFlow flow(String id) {
		return this.flows.get(id);
	}

}

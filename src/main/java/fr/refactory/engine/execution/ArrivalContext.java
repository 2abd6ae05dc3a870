package fr.refactory.engine.execution;

import java.util.List;

import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.state.RuntimeStore;

/**
 * A token arriving at an element: gateways decide whether to join, everything else
 * activates.
 */
public record ArrivalContext(ProcessExecutor executor, Execution execution, ScopeRef scope, ExecutableElement element) {

	public void activate() {
		this.executor.createAndActivate(this.execution, this.scope, this.element);
	}

	public RuntimeStore store() {
		return this.executor.store();
	}

	public long flowScopeKey() {
		return this.scope.flowScopeKey();
	}

	public List<String> incoming() {
		return this.element.incoming();
	}

	public boolean scopeHasOtherActiveElements() {
		return !this.executor.store().activeChildren(this.scope.flowScopeKey()).isEmpty();
	}

}

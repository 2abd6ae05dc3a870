package fr.refactory.engine.execution.processor;

import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.behavior.MultiInstanceBehavior;
import fr.refactory.engine.execution.behavior.MultiInstanceBehavior.Counts;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * Multi-instance body: one inner instance per item of the input collection, all at once
 * (parallel) or one after the other (sequential); completes when no inner instance is
 * left, or earlier when the completion condition holds (the remaining inner instances are
 * terminated). An empty collection completes it at once.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MultiInstanceBodyProcessor implements ElementProcessor {

	private final MultiInstanceBehavior multiInstance;

	MultiInstanceBodyProcessor(MultiInstanceBehavior multiInstance) {
		this.multiInstance = multiInstance;
	}

	@Override
	public void onActivate(ElementContext body) {
		List<Object> items = this.multiInstance.start(body);
		if (items.isEmpty()) {
			body.complete();
			return;
		}
		int first = isSequential(body) ? 1 : items.size();
		for (int loopCounter = 1; loopCounter <= first; loopCounter++) {
			this.multiInstance.activateInner(body, items, loopCounter);
		}
	}

	@Override
	public void onChildCompleting(ElementContext inner) {
		ElementContext body = inner.flowScope();
		this.multiInstance.collectOutput(body, inner);
		List<Object> items = this.multiInstance.items(body);
		Counts counts = this.multiInstance.countsAfterCompleting(body, items.size());
		if (this.multiInstance.completionConditionMet(body, inner, counts)) {
			terminateOtherInnerInstances(body, inner);
		}
		else if (isSequential(body) && counts.created() < items.size()) {
			this.multiInstance.activateInner(body, items, counts.created() + 1);
		}
	}

	@Override
	public void onChildLeft(ElementContext body) {
		body.complete();
	}

	@Override
	public void onComplete(ElementContext body) {
		this.multiInstance.propagateOutputCollection(body);
		this.multiInstance.forget(body);
	}

	@Override
	public void onTerminate(ElementContext body) {
		this.multiInstance.forget(body);
	}

	private static void terminateOtherInnerInstances(ElementContext body, ElementContext completing) {
		for (ElementInstance other : body.executor().store().activeChildren(body.instance().key())) {
			if (other.key() != completing.instance().key()) {
				body.executor().terminate(body.execution(), other);
			}
		}
	}

	private static boolean isSequential(ElementContext body) {
		return body.element().multiInstance().sequential();
	}

}

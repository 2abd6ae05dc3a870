package fr.refactory.engine.execution.processor;

import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementProcessor;
import fr.refactory.engine.execution.ProcessCompletions;
import fr.refactory.engine.execution.behavior.MessageStartEvents;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.RuntimeStore;

import org.springframework.stereotype.Component;

/**
 * The process itself: starts at its none start event, completes when no token is left,
 * and then lets a calling call activity continue (or a buffered message start the next
 * instance for its message start correlation key).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessProcessor implements ElementProcessor {

	private final RuntimeStore store;

	private final ProcessCompletions completions;

	private final CallActivityProcessor callActivities;

	private final MessageStartEvents messageStarts;

	ProcessProcessor(RuntimeStore store, ProcessCompletions completions, CallActivityProcessor callActivities,
			MessageStartEvents messageStarts) {
		this.store = store;
		this.completions = completions;
		this.callActivities = callActivities;
		this.messageStarts = messageStarts;
	}

	@Override
	public void onActivate(ElementContext context) {
		context.activateStartEvent();
	}

	@Override
	public void onChildLeft(ElementContext context) {
		context.complete();
	}

	@Override
	public void onCompleted(ElementContext context) {
		long key = context.instance().processInstanceKey();
		this.store.endProcessInstance(key, ElementInstance.COMPLETED);
		context.execution().afterCommit(() -> this.completions.completed(key));
		this.messageStarts.instanceEnded(context);
		Long parentKey = this.store.parentElementInstance(key);
		if (parentKey != null) {
			ElementInstance parent = this.store.elementInstance(parentKey).orElseThrow();
			Map<String, Object> childVariables = context.executor().variables().local(key);
			this.callActivities.childCompleted(context.executor().context(context.execution(), parent), childVariables);
		}
	}

	@Override
	public void onTerminate(ElementContext context) {
		long key = context.instance().processInstanceKey();
		this.store.endProcessInstance(key, ElementInstance.TERMINATED);
		context.execution().afterCommit(() -> this.completions.terminated(key));
		this.messageStarts.instanceEnded(context);
	}

}

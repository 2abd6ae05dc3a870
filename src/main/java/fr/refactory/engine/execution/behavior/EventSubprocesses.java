package fr.refactory.engine.execution.behavior;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ProcessExecutor;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.ElementInstance;

import org.springframework.stereotype.Component;

/**
 * Event subprocesses of a process or subprocess. The subscriptions of their message,
 * timer and signal start events open when the enclosing scope activates (correlation keys
 * and timers evaluated then, in the scope) and close when it ends; error and escalation
 * starts open nothing: {@link ErrorCatchResolver} finds them when thrown. When a start
 * event occurs, an interrupting one closes the scope's other event-subprocess
 * subscriptions, terminates everything else running in the scope and runs the event
 * subprocess, after which the scope completes; a non-interrupting one runs the event
 * subprocess alongside, and may occur again. A scope does not complete while an event
 * subprocess runs in it.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EventSubprocesses {

	private final CatchEventSubscriptions subscriptions;

	EventSubprocesses(CatchEventSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	/** Fails as {@link #open} would, before the scope does anything. */
	public void check(ElementContext scope) {
		startsIn(scope).forEach((start) -> this.subscriptions.check(scope, start));
	}

	public void open(ElementContext scope) {
		for (ExecutableElement start : startsIn(scope)) {
			Optional<Map<String, Object>> occurred = this.subscriptions.open(scope, start);
			if (occurred.isPresent()) {
				trigger(scope, start, occurred.get());
				if (!start.isNonInterruptingEvent()) {
					return;
				}
			}
		}
	}

	public void close(ElementContext scope) {
		if (!startsIn(scope).isEmpty()) {
			this.subscriptions.closeAll(scope);
		}
	}

	/**
	 * The start event {@code start} of an event subprocess in the (active) scope
	 * occurred.
	 */
	public void trigger(ElementContext scope, ExecutableElement start, Map<String, Object> variables) {
		boolean interrupting = !start.isNonInterruptingEvent();
		if (interrupting) {
			interrupt(scope);
		}
		ProcessExecutor executor = scope.executor();
		ExecutableElement eventSubprocess = scope.process().element(start.flowScopeId());
		ElementInstance instance = executor.create(scope.childScope(), eventSubprocess);
		if (interrupting) {
			executor.activateAfterTerminations(scope.execution(), scope.instance().key(), instance.key());
		}
		else {
			executor.queueActivate(scope.execution(), instance.key());
		}
		setStartVariables(executor, instance, start, variables);
	}

	/**
	 * Whether an interrupting event subprocess runs in the scope: nothing else can start
	 * an event subprocess there any more.
	 */
	public static boolean isInterrupted(ExecutableProcess process, List<ElementInstance> children) {
		return children.stream()
			.anyMatch((child) -> child.type() == ElementType.EVENT_SUB_PROCESS
					&& !process.element(process.element(child.elementId()).startEventId()).isNonInterruptingEvent());
	}

	private void interrupt(ElementContext scope) {
		startsIn(scope).forEach((start) -> this.subscriptions.close(scope, start));
		ProcessExecutor executor = scope.executor();
		long scopeKey = scope.instance().key();
		for (ElementInstance child : executor.store().activeChildren(scopeKey)) {
			executor.terminate(scope.execution(), child);
		}
		executor.store().clearJoinTokens(scopeKey);
	}

	/**
	 * The event's variables are merged at the start event, as at a catch event: with
	 * output mappings on the start event they are its input (locals of the event
	 * subprocess), else they propagate to the scopes that have them.
	 */
	private static void setStartVariables(ProcessExecutor executor, ElementInstance eventSubprocess,
			ExecutableElement start, Map<String, Object> variables) {
		if (variables == null || variables.isEmpty()) {
			return;
		}
		if (start.outputs().isEmpty()) {
			executor.variables().propagate(eventSubprocess.key(), eventSubprocess.processInstanceKey(), variables);
		}
		else {
			variables.forEach((name, value) -> executor.variables()
				.setLocal(eventSubprocess.key(), eventSubprocess.processInstanceKey(), name, value));
		}
	}

	private static List<ExecutableElement> startsIn(ElementContext scope) {
		return scope.process().eventSubprocessStartsIn(scope.element().id(), scope.instance().type());
	}

}

package fr.refactory.engine.execution;

import fr.refactory.engine.model.ExecutableFlow;

/**
 * The behaviour of one BPMN element type. Defaults describe a pass-through element:
 * activation completes it, a token arriving activates a new instance, completion takes
 * every outgoing flow.
 */
public interface ElementProcessor {

	/** Called once the element instance exists and its input mappings are applied. */
	default void onActivate(ElementContext context) {
		context.complete();
	}

	/** Called before output mappings when the element completes. */
	default void onComplete(ElementContext context) {
	}

	/**
	 * Called once the element's end listeners have run, right before it leaves (the
	 * process ends its instance here).
	 */
	default void onCompleted(ElementContext context) {
	}

	/**
	 * Called when the element instance's termination begins, its children terminated or
	 * terminating: starts what the termination waits for (a user task's canceling
	 * listeners, a called process instance's termination).
	 * @return whether the termination waits; it ends later through
	 * {@link ProcessExecutor#terminationWaitEnded}
	 */
	default boolean onTerminating(ElementContext context) {
		return false;
	}

	/**
	 * Called when the element instance is terminated (cancel): release jobs, tasks,
	 * children.
	 */
	default void onTerminate(ElementContext context) {
	}

	/** A token arrives over {@code flow} in the scope {@code flowScopeKey}. */
	default void onArrive(ArrivalContext arrival, ExecutableFlow flow) {
		arrival.activate();
	}

	/**
	 * For containers: {@code child} is completing, its output mappings applied, before it
	 * leaves. A failure here becomes an incident of the child; resolving it runs the
	 * child's completion again.
	 */
	default void onChildCompleting(ElementContext child) {
	}

	/** For containers: a child left and the scope may have become idle. */
	default void onChildLeft(ElementContext context) {
	}

}

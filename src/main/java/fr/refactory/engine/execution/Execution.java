package fr.refactory.engine.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The follow-up work of one command, drained inside the command's transaction, and what
 * to announce once it commits (new jobs, finished process instances).
 */
public final class Execution {

	private final Deque<Step> steps = new ArrayDeque<>();

	private final Set<String> createdJobTypes = new LinkedHashSet<>();

	private final List<Runnable> afterCommit = new ArrayList<>();

	private final Map<Long, List<String>> startElements = new HashMap<>();

	private final Map<String, Map<String, Object>> eventsAhead = new HashMap<>();

	Execution() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Execution.this.afterCommit.forEach(Runnable::run);
				}
			});
		}
	}

	void push(Step step) {
		this.steps.addLast(step);
	}

	Step next() {
		return this.steps.pollFirst();
	}

	public Set<String> createdJobTypes() {
		return this.createdJobTypes;
	}

	/**
	 * The process instance starts at this start event (a message start event) instead of
	 * its none start event.
	 */
	public void startAt(long processInstanceKey, String startEventId) {
		startBefore(processInstanceKey, List.of(startEventId));
	}

	/**
	 * The container instance (process or subprocess) starts at these elements, which lie
	 * inside it at any depth, instead of at its none start event (start instructions).
	 */
	public void startBefore(long containerInstanceKey, List<String> elementIds) {
		this.startElements.put(containerInstanceKey, List.copyOf(elementIds));
	}

	List<String> takeStartElements(long containerInstanceKey) {
		List<String> elements = this.startElements.remove(containerInstanceKey);
		return elements == null ? List.of() : elements;
	}

	/**
	 * The catch event {@code elementId} in the scope {@code flowScopeKey} has already
	 * occurred with these variables (it won at an event-based gateway): when the token
	 * reaches it, it completes at once instead of waiting.
	 */
	public void eventOccurredAhead(long flowScopeKey, String elementId, Map<String, Object> variables) {
		this.eventsAhead.put(flowScopeKey + "/" + elementId, variables);
	}

	public Optional<Map<String, Object>> takeEventOccurredAhead(long flowScopeKey, String elementId) {
		return Optional.ofNullable(this.eventsAhead.remove(flowScopeKey + "/" + elementId));
	}

	public void afterCommit(Runnable action) {
		this.afterCommit.add(action);
	}

	/** One unit of follow-up work on one element instance. */
	record Step(Kind kind, long elementInstanceKey, List<String> flowIds) {

		enum Kind {

			ACTIVATE, COMPLETE,

			/**
			 * The element's work after its start listeners (an incident there was
			 * resolved).
			 */
			RESUME_ACTIVATION

		}

	}

}

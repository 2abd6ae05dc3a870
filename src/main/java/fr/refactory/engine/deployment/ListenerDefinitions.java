package fr.refactory.engine.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import fr.refactory.engine.model.ElementListeners;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ErrorDefinition;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutionListener;
import fr.refactory.engine.model.ExecutionListener.EventType;
import fr.refactory.engine.model.TaskListener;
import fr.refactory.engine.model.TerminateDefinition;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;

/**
 * Reads {@code zeebe:executionListeners} of a process's elements, rejecting what Camunda
 * 8.8 documents as unsupported (start listeners of start and boundary events, end
 * listeners of gateways and error end events, duplicate eventType and type) and what the
 * embedded engine does not run (end listeners of terminate end events, ADR 0285).
 */
final class ListenerDefinitions {

	private static final Map<String, String> LEGACY_TASK_EVENTS = Map.of("create", "creating", "assignment",
			"assigning", "update", "updating", "complete", "completing", "cancel", "canceling");

	private static final Set<String> RUNNING_TASK_EVENTS = Set.of("creating", "assigning", "updating", "completing",
			"canceling");

	private static final Set<ElementType> GATEWAYS = Set.of(ElementType.EXCLUSIVE_GATEWAY, ElementType.PARALLEL_GATEWAY,
			ElementType.INCLUSIVE_GATEWAY, ElementType.EVENT_BASED_GATEWAY);

	private final ZeebeExtensions.ExpressionParser parser;

	private final BiFunction<String, String, RuntimeException> reject;

	private Map<String, List<ExecutionListener>> execution = new LinkedHashMap<>();

	private Map<String, List<TaskListener>> task = new LinkedHashMap<>();

	ListenerDefinitions(ZeebeExtensions.ExpressionParser parser, BiFunction<String, String, RuntimeException> reject) {
		this.parser = parser;
		this.reject = reject;
	}

	/** Starts collecting the listeners of the next process. */
	void reset() {
		this.execution = new LinkedHashMap<>();
		this.task = new LinkedHashMap<>();
	}

	ElementListeners collected() {
		return new ElementListeners(Map.copyOf(this.execution), Map.copyOf(this.task));
	}

	void collect(BaseElement node, ExecutableElement element) {
		collectExecutionListeners(node, element);
		collectTaskListeners(node, element);
	}

	/**
	 * Task listeners of Camunda user tasks; the 8.8 model's older event names (create,
	 * assignment, update, complete, cancel) mean the same events; all five events run
	 * (canceling ones since ADR 1602).
	 */
	private void collectTaskListeners(BaseElement node, ExecutableElement element) {
		ZeebeTaskListeners listeners = node.getSingleExtensionElement(ZeebeTaskListeners.class);
		if (listeners == null || listeners.getTaskListeners().isEmpty()) {
			return;
		}
		List<TaskListener> result = new ArrayList<>();
		for (ZeebeTaskListener listener : listeners.getTaskListeners()) {
			String eventType = LEGACY_TASK_EVENTS.getOrDefault(String.valueOf(listener.getEventType()),
					String.valueOf(listener.getEventType()));
			if (!RUNNING_TASK_EVENTS.contains(eventType)) {
				throw this.reject.apply(element.id(),
						"Task listeners of type '" + eventType
								+ "' (zeebe:taskListener eventType) are not supported by the embedded engine;"
								+ " 'creating', 'assigning', 'updating', 'completing' and 'canceling' listeners run");
			}
			if (listener.getType() == null || listener.getType().isBlank()) {
				throw this.reject.apply(element.id(), "zeebe:taskListener must have a non-empty attribute 'type'");
			}
			String retries = listener.getRetries() == null || listener.getRetries().isBlank() ? "3"
					: listener.getRetries();
			result.add(new TaskListener(eventType.toUpperCase(Locale.ROOT),
					this.parser.feel(element.id(), listener.getType(), false),
					this.parser.feel(element.id(), retries, false)));
		}
		this.task.put(element.id(), List.copyOf(result));
	}

	private void collectExecutionListeners(BaseElement node, ExecutableElement element) {
		ZeebeExecutionListeners listeners = node.getSingleExtensionElement(ZeebeExecutionListeners.class);
		if (listeners == null || listeners.getExecutionListeners().isEmpty()) {
			return;
		}
		List<ExecutionListener> result = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ZeebeExecutionListener listener : listeners.getExecutionListeners()) {
			EventType eventType = listener.getEventType() == null ? EventType.START
					: EventType.valueOf(listener.getEventType().name().toUpperCase(java.util.Locale.ROOT));
			String unsupported = unsupported(element, eventType);
			if (unsupported != null) {
				throw this.reject.apply(element.id(),
						"Execution listeners of type '" + eventType.name().toLowerCase(java.util.Locale.ROOT)
								+ "' (zeebe:executionListener eventType) " + unsupported);
			}
			if (listener.getType() == null || listener.getType().isBlank()) {
				throw this.reject.apply(element.id(), "zeebe:executionListener must have a non-empty attribute 'type'");
			}
			if (!seen.add(eventType + "/" + listener.getType())) {
				throw this.reject.apply(element.id(),
						"zeebe:executionListener with eventType '" + eventType.name().toLowerCase(java.util.Locale.ROOT)
								+ "' and type '" + listener.getType()
								+ "' is defined twice; the combination of eventType and type must be unique");
			}
			String retries = listener.getRetries() == null || listener.getRetries().isBlank() ? "3"
					: listener.getRetries();
			result.add(new ExecutionListener(eventType, this.parser.feel(element.id(), listener.getType(), false),
					this.parser.feel(element.id(), retries, false)));
		}
		this.execution.put(element.id(), List.copyOf(result));
	}

	/**
	 * @return why the element cannot have listeners of this event type, or null when it
	 * can
	 */
	private static String unsupported(ExecutableElement element, EventType eventType) {
		if (eventType == EventType.START && element.type() == ElementType.START_EVENT) {
			return "are not supported on a start event; use a start listener of the process or subprocess";
		}
		if (eventType == EventType.START && element.type() == ElementType.BOUNDARY_EVENT) {
			return "are not supported on a boundary event; use a start listener of the activity it is attached to";
		}
		if (eventType == EventType.END && GATEWAYS.contains(element.type())) {
			return "are not supported on a gateway; use a start listener of the element after the gateway";
		}
		if (eventType == EventType.END && element.eventDefinition() instanceof ErrorDefinition
				&& element.type() == ElementType.END_EVENT) {
			return "are not supported on an error end event; place the listener on the error catch event";
		}
		if (eventType == EventType.END && element.eventDefinition() instanceof TerminateDefinition) {
			return "are not supported on a terminate end event by the embedded engine";
		}
		return null;
	}

}

package fr.refactory.engine.deployment;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import fr.refactory.engine.expression.Expression;
import fr.refactory.engine.model.BoundaryDefinition;
import fr.refactory.engine.model.CompensationDefinition;
import fr.refactory.engine.model.ErrorDefinition;
import fr.refactory.engine.model.EscalationDefinition;
import fr.refactory.engine.model.EventDefinition;
import fr.refactory.engine.model.LinkDefinition;
import fr.refactory.engine.model.SignalDefinition;
import fr.refactory.engine.model.TerminateDefinition;
import fr.refactory.engine.model.TimerDefinition;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;

/**
 * Reads the timer, error, signal, link, terminate and compensation event definitions and
 * boundary attachments, and knows which event definition each event type may carry in the
 * embedded engine.
 */
final class EventDefinitions {

	/**
	 * The event definitions each event type supports (by BPMN name); an event without
	 * definition is always fine.
	 */
	private static final Map<String, Set<Class<?>>> SUPPORTED = Map.of("startEvent",
			Set.of(MessageEventDefinition.class, TimerEventDefinition.class, SignalEventDefinition.class),
			"eventSubprocessStartEvent", Set.of(MessageEventDefinition.class, TimerEventDefinition.class,
					SignalEventDefinition.class, ErrorEventDefinition.class, EscalationEventDefinition.class),
			"intermediateCatchEvent",
			Set.of(MessageEventDefinition.class, TimerEventDefinition.class, SignalEventDefinition.class,
					LinkEventDefinition.class),
			"boundaryEvent",
			Set.of(MessageEventDefinition.class, TimerEventDefinition.class, ErrorEventDefinition.class,
					SignalEventDefinition.class, EscalationEventDefinition.class, CompensateEventDefinition.class),
			"intermediateThrowEvent",
			Set.of(SignalEventDefinition.class, LinkEventDefinition.class, EscalationEventDefinition.class,
					MessageEventDefinition.class, CompensateEventDefinition.class),
			"endEvent", Set.of(ErrorEventDefinition.class, TerminateEventDefinition.class, SignalEventDefinition.class,
					EscalationEventDefinition.class, MessageEventDefinition.class, CompensateEventDefinition.class));

	private final ZeebeExtensions.ExpressionParser parser;

	EventDefinitions(ZeebeExtensions.ExpressionParser parser) {
		this.parser = parser;
	}

	/**
	 * @return why the event's definitions cannot run here, or null when they can
	 */
	String unsupportedEvent(FlowNode node, String typeName) {
		Collection<io.camunda.zeebe.model.bpmn.instance.EventDefinition> definitions = node
			.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.EventDefinition.class);
		if (definitions.isEmpty()) {
			return typeName.equals("intermediateCatchEvent") || typeName.equals("boundaryEvent")
					? "expected an event definition on '" + typeName + "'" : null;
		}
		io.camunda.zeebe.model.bpmn.instance.EventDefinition definition = definitions.iterator().next();
		boolean inEventSubprocess = typeName.equals("startEvent")
				&& node.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent();
		Set<Class<?>> supported = SUPPORTED.getOrDefault(inEventSubprocess ? "eventSubprocessStartEvent" : typeName,
				Set.of());
		if (definitions.size() > 1 || supported.stream().noneMatch((type) -> type.isInstance(definition))) {
			return definition.getElementType().getTypeName() + " on '" + typeName
					+ "' is not supported by the embedded engine";
		}
		if (typeName.equals("startEvent") && !(node.getParentElement() instanceof Process) && !inEventSubprocess) {
			return "start events with an event definition are only supported at the top level of a process and in"
					+ " event subprocesses";
		}
		if (definition instanceof SignalEventDefinition signal && (signal.getSignal() == null
				|| signal.getSignal().getName() == null || signal.getSignal().getName().isBlank())) {
			return "expected a signal with a name";
		}
		if (definition instanceof EscalationEventDefinition escalation) {
			return unsupportedEscalation(escalation, inEventSubprocess || typeName.equals("boundaryEvent"));
		}
		if (definition instanceof LinkEventDefinition link && (link.getName() == null || link.getName().isBlank())) {
			return "expected a link event with a name";
		}
		return null;
	}

	/**
	 * Timer, error, signal, link and terminate definitions (messages are read with the
	 * message).
	 */
	EventDefinition definitionOf(FlowNode node) {
		for (io.camunda.zeebe.model.bpmn.instance.EventDefinition definition : node
			.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.EventDefinition.class)) {
			if (definition instanceof TimerEventDefinition timer) {
				return timer(node, timer);
			}
			if (definition instanceof ErrorEventDefinition error) {
				return error(node, error);
			}
			if (definition instanceof SignalEventDefinition signal) {
				return new SignalDefinition(this.parser.feel(node.getId(), signal.getSignal().getName(), false));
			}
			if (definition instanceof EscalationEventDefinition escalation) {
				return escalation(node, escalation);
			}
			if (definition instanceof LinkEventDefinition link) {
				return new LinkDefinition(link.getName().trim());
			}
			if (definition instanceof TerminateEventDefinition) {
				return new TerminateDefinition();
			}
			if (definition instanceof CompensateEventDefinition compensation) {
				return compensation(node, compensation);
			}
		}
		return null;
	}

	/**
	 * Throw events need a code (static or FEEL); a catch event's code is static, or
	 * absent to catch all.
	 */
	private static String unsupportedEscalation(EscalationEventDefinition definition, boolean catching) {
		String code = definition.getEscalation() == null ? null : definition.getEscalation().getEscalationCode();
		if (!catching && (code == null || code.isBlank())) {
			return "expected an escalation with an escalation code";
		}
		if (catching && code != null && code.trim().startsWith("=")) {
			return "the escalation code of a catch event must be static, not '" + code + "'";
		}
		return null;
	}

	private EscalationDefinition escalation(FlowNode node, EscalationEventDefinition definition) {
		String code = definition.getEscalation() == null ? null : definition.getEscalation().getEscalationCode();
		if (code == null || code.isBlank()) {
			return new EscalationDefinition(null);
		}
		boolean caught = node instanceof BoundaryEvent || node instanceof StartEvent;
		return new EscalationDefinition(
				caught ? new Expression(code, null) : this.parser.feel(node.getId(), code, false));
	}

	/**
	 * A compensation boundary event names the handler it is associated with (Zeebe's
	 * validation requires exactly one); a throw or end event the activity it compensates,
	 * if any.
	 */
	private static CompensationDefinition compensation(FlowNode node, CompensateEventDefinition definition) {
		if (node instanceof BoundaryEvent) {
			return CompensationDefinition.boundary(node.getModelInstance()
				.getModelElementsByType(Association.class)
				.stream()
				.filter((association) -> association.getSource() == node)
				.map((association) -> association.getTarget().getId())
				.findFirst()
				.orElseThrow());
		}
		return CompensationDefinition
			.thrown(definition.getActivity() == null ? null : definition.getActivity().getId());
	}

	BoundaryDefinition boundaryOf(FlowNode node) {
		if (node instanceof BoundaryEvent boundary) {
			return new BoundaryDefinition(boundary.getAttachedTo().getId(), boundary.cancelActivity());
		}
		return null;
	}

	private TimerDefinition timer(FlowNode node, TimerEventDefinition timer) {
		if (timer.getTimeDate() != null) {
			return new TimerDefinition(TimerDefinition.Kind.DATE, text(node, timer.getTimeDate().getTextContent()));
		}
		if (timer.getTimeDuration() != null) {
			return new TimerDefinition(TimerDefinition.Kind.DURATION,
					text(node, timer.getTimeDuration().getTextContent()));
		}
		if (timer.getTimeCycle() != null) {
			return new TimerDefinition(TimerDefinition.Kind.CYCLE, text(node, timer.getTimeCycle().getTextContent()));
		}
		throw new IllegalStateException("a timer without date, duration or cycle passed the validation");
	}

	private Expression text(FlowNode node, String source) {
		return this.parser.feel(node.getId(), source == null ? "" : source.trim(), false);
	}

	/**
	 * Throw events may compute the code with FEEL; catch events match a static code or,
	 * without one, everything.
	 */
	private ErrorDefinition error(FlowNode node, ErrorEventDefinition definition) {
		String code = definition.getError() == null ? null : definition.getError().getErrorCode();
		if (code == null || code.isBlank()) {
			return new ErrorDefinition(null);
		}
		boolean thrown = "endEvent".equals(node.getElementType().getTypeName());
		return new ErrorDefinition(thrown ? this.parser.feel(node.getId(), code, false) : new Expression(code, null));
	}

}

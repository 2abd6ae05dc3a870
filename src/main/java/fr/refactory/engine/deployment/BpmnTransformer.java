package fr.refactory.engine.deployment;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.Expression;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.Binding;
import fr.refactory.engine.model.CalledDecision;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.EventSubprocessStart;
import fr.refactory.engine.model.EventDefinition;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableFlow;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.model.LinkDefinition;
import fr.refactory.engine.model.MessageDefinition;
import fr.refactory.engine.model.MultiInstanceLoop;
import fr.refactory.engine.model.TimerDefinition;
import fr.refactory.engine.timer.TimerExpressions;
import fr.refactory.engine.model.UserTaskDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CompletionCondition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;

/**
 * BPMN XML to executable model, once, at deployment: Zeebe design-time validation, a FEEL
 * parse of every expression, and a rejection naming resource, element and reason for
 * anything the engine cannot run.
 */
public final class BpmnTransformer {

	private static final Map<String, ElementType> TYPES = Map.ofEntries(
			Map.entry("startEvent", ElementType.START_EVENT), Map.entry("endEvent", ElementType.END_EVENT),
			Map.entry("serviceTask", ElementType.SERVICE_TASK), Map.entry("sendTask", ElementType.SEND_TASK),
			Map.entry("userTask", ElementType.USER_TASK), Map.entry("manualTask", ElementType.MANUAL_TASK),
			Map.entry("task", ElementType.TASK), Map.entry("scriptTask", ElementType.SCRIPT_TASK),
			Map.entry("businessRuleTask", ElementType.BUSINESS_RULE_TASK),
			Map.entry("callActivity", ElementType.CALL_ACTIVITY), Map.entry("subProcess", ElementType.SUB_PROCESS),
			Map.entry("exclusiveGateway", ElementType.EXCLUSIVE_GATEWAY),
			Map.entry("parallelGateway", ElementType.PARALLEL_GATEWAY),
			Map.entry("inclusiveGateway", ElementType.INCLUSIVE_GATEWAY),
			Map.entry("eventBasedGateway", ElementType.EVENT_BASED_GATEWAY),
			Map.entry("intermediateCatchEvent", ElementType.INTERMEDIATE_CATCH_EVENT),
			Map.entry("receiveTask", ElementType.RECEIVE_TASK), Map.entry("boundaryEvent", ElementType.BOUNDARY_EVENT),
			Map.entry("intermediateThrowEvent", ElementType.INTERMEDIATE_THROW_EVENT));

	private static final java.util.regex.Pattern VARIABLE_PATH = java.util.regex.Pattern
		.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

	private final String resourceName;

	private final Predicate<String> decisionExists;

	private final EventDefinitions events = new EventDefinitions(this::feel);

	private final ListenerDefinitions listeners = new ListenerDefinitions(this::feel, this::reject);

	public BpmnTransformer(String resourceName, Predicate<String> decisionExists) {
		this.resourceName = resourceName;
		this.decisionExists = decisionExists;
	}

	public static BpmnModelInstance read(String resourceName, byte[] xml) {
		try {
			return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
		}
		catch (RuntimeException ex) {
			throw new DeploymentRejected("Expected to deploy a valid BPMN resource '" + resourceName
					+ "', but it could not be parsed: " + rootMessage(ex));
		}
	}

	/**
	 * @return the executable processes of the model, without keys and versions yet
	 */
	public List<ExecutableProcess> transform(BpmnModelInstance model) {
		validate(model);
		List<ExecutableProcess> processes = new ArrayList<>();
		for (Process process : model.getModelElementsByType(Process.class)) {
			if (process.isExecutable()) {
				processes.add(transformProcess(process));
			}
		}
		if (processes.isEmpty()) {
			throw reject(null, "it contains no executable process");
		}
		return processes;
	}

	private void validate(BpmnModelInstance model) {
		UnimplementedExtensions.find(model).ifPresent((finding) -> {
			throw reject(finding.elementId(), finding.reason());
		});
		ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
		for (Map.Entry<ModelElementInstance, List<ValidationResult>> entry : results.getResults().entrySet()) {
			for (ValidationResult result : entry.getValue()) {
				if (result.getType() == ValidationResultType.ERROR) {
					throw reject(idOf(entry.getKey()), result.getMessage());
				}
			}
		}
	}

	private ExecutableProcess transformProcess(Process process) {
		Map<String, ExecutableElement> elements = new LinkedHashMap<>();
		Map<String, ExecutableFlow> flows = new LinkedHashMap<>();
		this.listeners.reset();
		String start = collect(process.getId(), process.getFlowElements(), elements, flows);
		ExecutableElement root = new ExecutableElement(process.getId(), process.getName(), ElementType.PROCESS, null,
				List.of(), List.of(), null, List.of(), List.of(), null, null, null, null, null, null, start, null, null,
				null, null, null);
		elements.put(process.getId(), root);
		this.listeners.collect(process, root);
		ExecutableProcess executable = new ExecutableProcess(0, process.getId(), 0, process.getName(),
				Map.copyOf(elements), Map.copyOf(flows), this.listeners.collected());
		checkLinks(executable);
		return executable;
	}

	/**
	 * Every link throw event needs exactly one link catch event with its name in the same
	 * scope.
	 */
	private void checkLinks(ExecutableProcess process) {
		Map<String, String> catches = new HashMap<>();
		for (ExecutableElement element : process.elements().values()) {
			if (element.type() == ElementType.INTERMEDIATE_CATCH_EVENT
					&& element.eventDefinition() instanceof LinkDefinition link
					&& catches.put(element.flowScopeId() + "/" + link.name(), element.id()) != null) {
				throw reject(element.id(), "link catch events in one scope must have distinct names, but '"
						+ link.name() + "' is used twice");
			}
		}
		for (ExecutableElement element : process.elements().values()) {
			if (element.type() == ElementType.INTERMEDIATE_THROW_EVENT
					&& element.eventDefinition() instanceof LinkDefinition link
					&& !catches.containsKey(element.flowScopeId() + "/" + link.name())) {
				throw reject(element.id(),
						"expected a link catch event named '" + link.name() + "' in the same scope, but found none");
			}
		}
	}

	private String collect(String scopeId, Collection<FlowElement> children, Map<String, ExecutableElement> elements,
			Map<String, ExecutableFlow> flows) {
		String noneStart = null;
		int eventStarts = 0;
		for (FlowElement child : children) {
			if (child instanceof SequenceFlow flow) {
				flows.put(flow.getId(), transformFlow(flow));
			}
			else if (child instanceof FlowNode node) {
				ExecutableElement element = transformNode(scopeId, node, elements, flows);
				elements.put(element.id(), element);
				if (node instanceof StartEvent && element.eventDefinition() == null) {
					noneStart = node.getId();
				}
				else if (node instanceof StartEvent) {
					eventStarts++;
				}
			}
			else if (!isIgnorable(child)) {
				throw reject(child.getId(), "elements of type '" + child.getElementType().getTypeName()
						+ "' are not supported by the embedded engine");
			}
		}
		if (noneStart == null && eventStarts == 0) {
			throw reject(scopeId, "expected a none start event, but found none");
		}
		return noneStart;
	}

	private static boolean isIgnorable(FlowElement element) {
		String type = element.getElementType().getTypeName();
		return type.equals("dataObject") || type.equals("dataObjectReference") || type.equals("dataStoreReference");
	}

	private ExecutableFlow transformFlow(SequenceFlow flow) {
		Expression condition = null;
		if (flow.getConditionExpression() != null && flow.getConditionExpression().getTextContent() != null
				&& !flow.getConditionExpression().getTextContent().isBlank()) {
			condition = feel(flow.getId(), flow.getConditionExpression().getTextContent(), true);
		}
		return new ExecutableFlow(flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), condition);
	}

	private ExecutableElement transformNode(String scopeId, FlowNode node, Map<String, ExecutableElement> elements,
			Map<String, ExecutableFlow> flows) {
		String typeName = node.getElementType().getTypeName();
		ElementType type = isEventSubprocess(node) ? ElementType.EVENT_SUB_PROCESS : TYPES.get(typeName);
		if (type == null) {
			throw reject(node.getId(), "elements of type '" + typeName + "' are not supported by the embedded engine");
		}
		rejectUnsupportedDetails(node, typeName);
		String start = null;
		if (node instanceof SubProcess subProcess) {
			start = collect(node.getId(), subProcess.getFlowElements(), elements, flows);
			if (subProcess.triggeredByEvent()) {
				start = eventSubprocessStartOf(subProcess);
			}
		}
		String defaultFlow = (node instanceof Gateway gateway) ? defaultFlowOf(gateway) : null;
		ZeebeExtensions extensions = new ZeebeExtensions(node, this::feel);
		MessageDefinition message = message(node);
		EventDefinition eventDefinition = message != null && !(node instanceof ReceiveTask) ? message
				: this.events.definitionOf(node);
		if (eventDefinition instanceof TimerDefinition timer) {
			rejectInvalidStaticTimer(node.getId(), timer);
		}
		ExecutableElement element = new ExecutableElement(node.getId(), node.getName(), type, scopeId,
				ids(node.getIncoming()), ids(node.getOutgoing()), defaultFlow, extensions.mappings(true),
				extensions.mappings(false), extensions.job(), userTask(node, extensions), calledDecision(node),
				extensions.calledElement(), extensions.script(), extensions.resultVariable(), start, message,
				eventDefinition, this.events.boundaryOf(node), null, eventSubprocessStart(node));
		this.listeners.collect(node, element);
		return multiInstanceBodyOr(node, element);
	}

	private static boolean isEventSubprocess(ModelElementInstance node) {
		return node instanceof SubProcess subProcess && subProcess.triggeredByEvent();
	}

	/**
	 * The one start event of an event subprocess (Zeebe's validation requires exactly
	 * one, with a definition).
	 */
	private String eventSubprocessStartOf(SubProcess subProcess) {
		return subProcess.getFlowElements()
			.stream()
			.filter(StartEvent.class::isInstance)
			.map(FlowElement::getId)
			.findFirst()
			.orElseThrow(() -> reject(subProcess.getId(), "expected an event subprocess to have a start event"));
	}

	private static EventSubprocessStart eventSubprocessStart(FlowNode node) {
		if (node instanceof StartEvent start && isEventSubprocess(node.getParentElement())) {
			return new EventSubprocessStart(start.isInterrupting());
		}
		return null;
	}

	/**
	 * A multi-instance activity becomes its body, holding the activity as its inner
	 * element.
	 */
	private ExecutableElement multiInstanceBodyOr(FlowNode node, ExecutableElement activity) {
		if (!(node instanceof Activity a)
				|| !(a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics characteristics)) {
			return activity;
		}
		ZeebeLoopCharacteristics zeebe = characteristics.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
		if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
			throw reject(node.getId(), "expected a multi-instance activity to define zeebe:loopCharacteristics with an"
					+ " inputCollection");
		}
		String id = node.getId();
		Expression outputElement = feel(id, blankToNull(zeebe.getOutputElement()), true);
		CompletionCondition condition = characteristics.getCompletionCondition();
		String conditionText = condition == null ? null : blankToNull(condition.getTextContent());
		return activity.asMultiInstanceBody(
				new MultiInstanceLoop(characteristics.isSequential(), feel(id, zeebe.getInputCollection(), true),
						blankToNull(zeebe.getInputElement()), blankToNull(zeebe.getOutputCollection()), outputElement,
						onlyReadVariable(outputElement), feel(id, conditionText, true), activity.asInnerActivity()));
	}

	/**
	 * The variable an expression like {@code =result} or {@code =result.value} reads,
	 * else null.
	 */
	private static String onlyReadVariable(Expression expression) {
		if (expression == null) {
			return null;
		}
		String source = expression.source().trim();
		source = source.startsWith("=") ? source.substring(1).trim() : source;
		return VARIABLE_PATH.matcher(source).matches() ? source.split("\\.")[0] : null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * A static timer value that can never be scheduled (e.g. {@code PTX-1}) fails here,
	 * not at run time.
	 */
	private void rejectInvalidStaticTimer(String elementId, TimerDefinition timer) {
		if (!timer.expression().isStatic()) {
			return;
		}
		try {
			TimerExpressions.schedule(timer, Map.of(), Instant.now());
		}
		catch (ElementFailure ex) {
			throw reject(elementId, ex.getMessage());
		}
	}

	private void rejectUnsupportedDetails(FlowNode node, String typeName) {
		String unsupported = this.events.unsupportedEvent(node, typeName);
		if (unsupported != null) {
			throw reject(node.getId(), unsupported);
		}
		if (node instanceof Activity activity && activity.getLoopCharacteristics() != null
				&& !(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics)) {
			throw reject(node.getId(), "standard loop characteristics are not supported (use multi-instance)");
		}
	}

	private MessageDefinition message(FlowNode node) {
		io.camunda.zeebe.model.bpmn.instance.Message message = null;
		if (node instanceof ReceiveTask receiveTask) {
			message = receiveTask.getMessage();
		}
		else if (node instanceof ThrowEvent) {
			return null;
		}
		else if (!node.getChildElementsByType(MessageEventDefinition.class).isEmpty()) {
			message = node.getChildElementsByType(MessageEventDefinition.class).iterator().next().getMessage();
		}
		else {
			return null;
		}
		if (message == null || message.getName() == null || message.getName().isBlank()) {
			throw reject(node.getId(), "expected a message with a name");
		}
		if (node instanceof StartEvent && !isEventSubprocess(node.getParentElement())) {
			return new MessageDefinition(feel(node.getId(), message.getName(), false), null);
		}
		ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
		if (subscription == null || subscription.getCorrelationKey() == null
				|| subscription.getCorrelationKey().isBlank()) {
			throw reject(node.getId(), "expected a message subscription with a correlation key");
		}
		return new MessageDefinition(feel(node.getId(), message.getName(), false),
				feel(node.getId(), subscription.getCorrelationKey(), true));
	}

	private static String defaultFlowOf(Gateway gateway) {
		ModelElementInstance flow = gateway.getAttributeValue("default") == null ? null
				: gateway.getModelInstance().getModelElementById(gateway.getAttributeValue("default"));
		return flow == null ? null : ((BaseElement) flow).getId();
	}

	private UserTaskDefinition userTask(FlowNode node, ZeebeExtensions extensions) {
		if (!"userTask".equals(node.getElementType().getTypeName())) {
			return null;
		}
		boolean jobWorker = node.getSingleExtensionElement(ZeebeUserTask.class) == null;
		ZeebeAssignmentDefinition assignment = node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
		ZeebeTaskSchedule schedule = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
		ZeebePriorityDefinition priority = node.getSingleExtensionElement(ZeebePriorityDefinition.class);
		ZeebeFormDefinition form = node.getSingleExtensionElement(ZeebeFormDefinition.class);
		String id = node.getId();
		if (jobWorker) {
			rejectCamundaUserTaskOnly(node, priority, form);
		}
		return new UserTaskDefinition(feel(id, assignment == null ? null : assignment.getAssignee(), false),
				feel(id, assignment == null ? null : assignment.getCandidateGroups(), false),
				feel(id, assignment == null ? null : assignment.getCandidateUsers(), false),
				feel(id, schedule == null ? null : schedule.getDueDate(), false),
				feel(id, schedule == null ? null : schedule.getFollowUpDate(), false),
				feel(id, priority == null ? null : priority.getPriority(), false),
				feel(id, form == null ? null : form.getFormId(), false),
				form == null ? Binding.LATEST : ZeebeExtensions.binding(form.getBindingType(), form.getVersionTag()),
				extensions.headers(), jobWorker, form == null ? null : blankToNull(form.getFormKey()));
	}

	/**
	 * A job-based user task (no zeebe:userTask) runs as a job whose headers carry its
	 * assignment, schedule and custom form key (ADR 0287); what such a job cannot carry
	 * rejects the deployment rather than being dropped (zeebe-bpmn-model's validation
	 * already rejects its task listeners).
	 */
	private void rejectCamundaUserTaskOnly(FlowNode node, ZeebePriorityDefinition priority, ZeebeFormDefinition form) {
		String onlyCamunda = " is only supported on Camunda user tasks (zeebe:userTask), not on job-based user tasks";
		if (priority != null) {
			throw reject(node.getId(), "zeebe:priorityDefinition priority" + onlyCamunda);
		}
		if (form != null && form.getFormId() != null) {
			throw reject(node.getId(), "zeebe:formDefinition formId" + onlyCamunda);
		}
		if (node.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
			throw reject(node.getId(), "zeebe:taskDefinition: a job-based user task's job type is always '"
					+ UserTaskDefinition.JOB_TYPE + "'");
		}
	}

	private CalledDecision calledDecision(FlowNode node) {
		ZeebeCalledDecision called = node.getSingleExtensionElement(ZeebeCalledDecision.class);
		if (called == null) {
			return null;
		}
		Expression decisionId = feel(node.getId(), called.getDecisionId(), false);
		if (decisionId.isStatic() && !this.decisionExists.test(decisionId.source())) {
			throw reject(node.getId(), "expected to call decision '" + decisionId.source()
					+ "', but no decision with this id is deployed");
		}
		return new CalledDecision(decisionId, called.getResultVariable(),
				ZeebeExtensions.binding(called.getBindingType(), called.getVersionTag()));
	}

	Expression feel(String elementId, String source, boolean alwaysFeel) {
		if (source == null) {
			return null;
		}
		try {
			return alwaysFeel ? FeelExpressions.parseFeel(source) : FeelExpressions.parse(source);
		}
		catch (IllegalArgumentException ex) {
			throw reject(elementId, "the expression '" + source + "' is not valid FEEL: " + ex.getMessage());
		}
	}

	private static List<String> ids(Collection<SequenceFlow> flows) {
		return flows.stream().map(SequenceFlow::getId).toList();
	}

	private DeploymentRejected reject(String elementId, String reason) {
		String where = elementId == null ? "" : " at element '" + elementId + "'";
		return new DeploymentRejected(
				"Expected to deploy resource '" + this.resourceName + "', but it is invalid" + where + ": " + reason);
	}

	private static String idOf(ModelElementInstance element) {
		ModelElementInstance current = element;
		while (current != null) {
			if (current instanceof BaseElement base && base.getId() != null) {
				return base.getId();
			}
			current = current.getParentElement();
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		return current.getMessage();
	}

}

package fr.refactory.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.Signal;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Static checks of every model in {@code processes/}: Zeebe design-time rules, FEEL
 * syntax, diagram, conventions.
 */
class ProcessModelsTest {

	private static final Pattern MODELER_DEFAULT_ID = Pattern
		.compile("^(Activity|Flow|Gateway|Event|StartEvent|EndEvent)_[0-9a-z]{7}$");

	private static final Pattern ELEMENT_ID = Pattern
		.compile("^(start|end|task|gw|timer|msg|call|sub|error|signal|send|boundary)-[a-z0-9]+(-[a-z0-9]+)*$");

	private static final Pattern FLOW_ID = Pattern.compile("^flow-[a-z0-9]+(-[a-z0-9]+)*$");

	private static final Pattern JOB_TYPE = Pattern.compile("^[a-z]+\\.[a-z][a-zA-Z]+$");

	private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

	private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

	private static FeelEngineApi feel;

	@BeforeAll
	static void feelEngine() {
		feel = FeelEngineBuilder.forJava().build();
	}

	static Stream<Path> models() {
		return ProcessModels.bpmnFiles();
	}

	@Test
	void shouldProvideEveryProcessOfTheBrief() {
		List<String> ids = models().map(ProcessModels::processId).toList();

		assertThat(ids).containsExactlyInAnyOrderElementsOf(ProcessModels.EXPECTED_PROCESS_IDS);
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldPassZeebeDesignTimeValidation(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);

		List<String> errors = new ArrayList<>();
		results.getResults()
			.forEach((element, list) -> list.stream()
				.filter(r -> r.getType() == org.camunda.bpm.model.xml.validation.ValidationResultType.ERROR)
				.forEach(r -> errors.add(describe(element) + ": " + r.getMessage())));
		assertThat(errors).as("Zeebe design-time errors in %s", file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldNameProcessAfterFileAndTargetCamundaCloud(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);
		Definitions definitions = model.getDefinitions();

		Collection<Process> processes = model.getModelElementsByType(Process.class);

		assertThat(processes).singleElement().satisfies(p -> {
			assertThat(p.getId()).isEqualTo(ProcessModels.processId(file));
			assertThat(p.isExecutable()).isTrue();
			assertThat(p.getName()).isNotBlank();
		});
		assertThat(definitions.getAttributeValueNs(MODELER_NS, "executionPlatform")).isEqualTo("Camunda Cloud");
		assertThat(definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion")).isEqualTo("8.8.0");
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldParseEveryFeelExpressionAndTimer(Path file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		Document dom = factory.newDocumentBuilder().parse(file.toFile());
		List<String> problems = new ArrayList<>();
		int expressions = 0;

		NodeList all = dom.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			NamedNodeMap attributes = element.getAttributes();
			for (int a = 0; a < attributes.getLength(); a++) {
				Node attribute = attributes.item(a);
				if (attribute.getNodeValue().startsWith("=")) {
					expressions++;
					check(problems, element.getLocalName() + "@" + attribute.getNodeName(), attribute.getNodeValue());
				}
			}
			String local = element.getLocalName();
			if (List.of("conditionExpression", "timeDuration", "timeDate", "timeCycle").contains(local)) {
				String text = element.getTextContent().trim();
				if (text.startsWith("=")) {
					expressions++;
					check(problems, local, text);
				}
				else if (!isIsoTimer(local, text)) {
					problems.add(local + " is neither FEEL nor ISO-8601: " + text);
				}
				if (local.equals("conditionExpression")) {
					assertThat(text).as("conditions are FEEL expressions").startsWith("=");
				}
			}
		}
		assertThat(problems).as("FEEL problems in %s", file).isEmpty();
		assertThat(expressions).isPositive();
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldDrawEveryFlowNodeAndSequenceFlow(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);
		Map<String, Bounds> shapes = new HashMap<>();
		model.getModelElementsByType(BpmnShape.class)
			.forEach(s -> shapes.put(s.getBpmnElement().getId(), s.getBounds()));
		Map<String, BpmnEdge> edges = new HashMap<>();
		model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.put(e.getBpmnElement().getId(), e));

		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			assertThat(shapes).as("shape of %s", node.getId()).containsKey(node.getId());
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			assertThat(edges).as("edge of %s", flow.getId()).containsKey(flow.getId());
			assertThat(edges.get(flow.getId()).getWaypoints()).hasSizeGreaterThanOrEqualTo(2);
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldLayOutShapesWithoutOverlapAndBoundaryEventsOnTheirHost(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);
		Map<String, Bounds> shapes = new HashMap<>();
		model.getModelElementsByType(BpmnShape.class)
			.forEach(s -> shapes.put(s.getBpmnElement().getId(), s.getBounds()));

		for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
			Bounds host = shapes.get(event.getAttachedTo().getId());
			Bounds own = shapes.get(event.getId());
			double cx = own.getX() + own.getWidth() / 2;
			double cy = own.getY() + own.getHeight() / 2;
			boolean onBottomBorder = Math.abs(cy - (host.getY() + host.getHeight())) < 1 && cx > host.getX()
					&& cx < host.getX() + host.getWidth();
			assertThat(onBottomBorder).as("%s sits on the border of its host", event.getId()).isTrue();
		}
		List<FlowNode> nodes = model.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(n -> !(n instanceof BoundaryEvent))
			.toList();
		for (FlowNode a : nodes) {
			for (FlowNode b : nodes) {
				if (a == b || a.getParentElement() != b.getParentElement()) {
					continue;
				}
				assertThat(overlap(shapes.get(a.getId()), shapes.get(b.getId())))
					.as("%s overlaps %s", a.getId(), b.getId())
					.isFalse();
			}
			if (a.getParentElement() instanceof SubProcess parent) {
				Bounds outer = shapes.get(parent.getId());
				Bounds inner = shapes.get(a.getId());
				assertThat(inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
						&& inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
						&& inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight())
					.as("%s lies inside sub-process %s", a.getId(), parent.getId())
					.isTrue();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldRouteSequenceFlowsAroundShapes(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);
		Map<String, Bounds> shapes = new HashMap<>();
		model.getModelElementsByType(BpmnShape.class)
			.forEach(s -> shapes.put(s.getBpmnElement().getId(), s.getBounds()));
		List<String> crossings = new ArrayList<>();

		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
			List<String> own = new ArrayList<>(List.of(flow.getSource().getId(), flow.getTarget().getId()));
			if (flow.getSource() instanceof BoundaryEvent boundary) {
				own.add(boundary.getAttachedTo().getId());
			}
			var points = edge.getWaypoints().stream().toList();
			for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
				if (own.contains(node.getId()) || node instanceof SubProcess || node instanceof BoundaryEvent) {
					continue;
				}
				Bounds b = shapes.get(node.getId());
				for (int i = 1; i < points.size(); i++) {
					double x1 = points.get(i - 1).getX(), y1 = points.get(i - 1).getY();
					double x2 = points.get(i).getX(), y2 = points.get(i).getY();
					boolean vertical = x1 == x2 && x1 > b.getX() + 2 && x1 < b.getX() + b.getWidth() - 2
							&& Math.min(y1, y2) < b.getY() + b.getHeight() - 2 && Math.max(y1, y2) > b.getY() + 2;
					boolean horizontal = y1 == y2 && y1 > b.getY() + 2 && y1 < b.getY() + b.getHeight() - 2
							&& Math.min(x1, x2) < b.getX() + b.getWidth() - 2 && Math.max(x1, x2) > b.getX() + 2;
					if (vertical || horizontal) {
						crossings.add(flow.getId() + " crosses " + node.getId());
						break;
					}
				}
			}
		}
		assertThat(crossings).as("edges through shapes in %s", file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldUseReadableIds(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			if (element.getId() != null) {
				assertThat(element.getId()).as("id of %s", element.getElementType().getTypeName())
					.doesNotMatch(MODELER_DEFAULT_ID);
			}
		}
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			assertThat(node.getId()).matches(ELEMENT_ID);
			assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			assertThat(flow.getId()).matches(FLOW_ID);
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldAssignUserTasksToBriefGroupsWithExistingForms(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getSingleExtensionElement(ZeebeUserTask.class))
				.as("%s is a Camunda user task", task.getId())
				.isNotNull();
			ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
			assertThat(assignment).as("assignment of %s", task.getId()).isNotNull();
			// an expression (the escalation ladder's level group) is checked against the
			// ladders' table instead
			if (!assignment.getCandidateGroups().startsWith("=")) {
				assertThat(assignment.getCandidateGroups().split(",")).as("candidate groups of %s", task.getId())
					.isNotEmpty()
					.allSatisfy(g -> assertThat(ProcessModels.CANDIDATE_GROUPS).contains(g.trim()));
			}
			ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
			assertThat(form).as("form of %s", task.getId()).isNotNull();
			Path formFile = ProcessModels.FORMS.resolve(form.getFormId() + ".form");
			assertThat(formFile).as("form file of %s", task.getId()).exists();
			assertThat(FormsTest.formId(formFile)).isEqualTo(form.getFormId());
		}
	}

	/**
	 * The console's claim guard (ADR 0400) reads the D5 operation type from the user
	 * task's headers; a value outside D5's enum would make the decision answer
	 * INCOMPLETE_DATA and lock everyone out of the task.
	 */
	@ParameterizedTest
	@MethodSource("models")
	void shouldDeclareHvOperationsOfUserTasksWithD5Values(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			Map<String, String> headers = userTaskHeaders(task);
			if (headers.containsKey("operationType")) {
				assertThat(ProcessModels.HV_OPERATION_TYPES).as("operationType of %s", task.getId())
					.contains(headers.get("operationType"));
			}
			if (headers.containsKey("vehicleHasHvSystem")) {
				assertThat(headers.get("vehicleHasHvSystem")).as("vehicleHasHvSystem of %s", task.getId())
					.isIn("true", "false");
			}
		}
	}

	@Test
	void shouldMarkTheHvStepsTheBriefAssignsASymbol() {
		Map<String, String> expected = Map.of("hv-lockout/task-lock-out-hv-system", "LOCKOUT",
				"hv-lockout/task-unlock-and-re-energise", "LOCKOUT", "lcv-retrofit/task-install-kit", "HV_WORK_EXECUTE",
				"lcv-retrofit/task-commission-hv-system", "HV_WORK_LEAD", "lcv-retrofit/task-fix-hv-fault",
				"HV_WORK_LEAD", "battery-triage/task-triage-battery-safety", "BATTERY_OPERATION",
				"battery-triage/task-replace-modules", "BATTERY_OPERATION", "dismantling/task-remove-battery",
				"DECONSTRUCTION");
		Map<String, String> declared = new HashMap<>();
		ProcessModels.bpmnFiles().forEach((file) -> {
			for (UserTask task : ProcessModels.read(file).getModelElementsByType(UserTask.class)) {
				String type = userTaskHeaders(task).get("operationType");
				if (type != null) {
					declared.put(ProcessModels.processId(file) + "/" + task.getId(), type);
				}
			}
		});

		assertThat(declared).containsAllEntriesOf(expected);
	}

	private static Map<String, String> userTaskHeaders(UserTask task) {
		ZeebeTaskHeaders headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
		Map<String, String> result = new HashMap<>();
		if (headers != null) {
			headers.getHeaders().forEach((header) -> result.put(header.getKey(), header.getValue()));
		}
		return result;
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldCallOnlyBriefDecisionsAndExistingProcesses(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
			assertThat(decision).as("called decision of %s", task.getId()).isNotNull();
			assertThat(ProcessModels.DECISION_IDS).as("decision of %s", task.getId())
				.contains(decision.getDecisionId());
			assertThat(decision.getResultVariable()).matches("^[a-z][a-zA-Z0-9]*$");
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
			assertThat(ProcessModels.PROCESSES.resolve(called.getProcessId() + ".bpmn"))
				.as("process called by %s", call.getId())
				.exists();
			assertThat(called.getProcessId()).isNotEqualTo(ProcessModels.processId(file));
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldUseCatalogueJobTypesMessagesErrorsAndSignals(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).matches(JOB_TYPE);
		}
		for (SendTask task : model.getModelElementsByType(SendTask.class)) {
			assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
				.isEqualTo("process.publishMessage");
			ZeebeTaskHeaders headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
			assertThat(headers.getHeaders()).anySatisfy(h -> {
				assertThat(h.getKey()).isEqualTo("messageName");
				assertThat(ProcessModels.MESSAGE_NAMES).contains(h.getValue());
			});
		}
		for (Message message : model.getModelElementsByType(Message.class)) {
			assertThat(ProcessModels.MESSAGE_NAMES).contains(message.getName());
		}
		for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
			event.getEventDefinitions()
				.stream()
				.filter(MessageEventDefinition.class::isInstance)
				.map(d -> ((MessageEventDefinition) d).getMessage())
				.forEach(m -> assertThat(m.getExtensionElements()
					.getElementsQuery()
					.filterByType(ZeebeSubscription.class)
					.singleResult()
					.getCorrelationKey()).as("correlation key of %s", m.getName()).startsWith("="));
		}
		for (Error error : model.getModelElementsByType(Error.class)) {
			assertThat(ProcessModels.ERROR_CODES).contains(error.getErrorCode());
		}
		for (Signal signal : model.getModelElementsByType(Signal.class)) {
			assertThat(ProcessModels.SIGNAL_NAMES).contains(signal.getName());
		}
		assertThat(model.getModelElementsByType(StartEvent.class)).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldGuardEveryBranchOfDecidingGateways(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
			if (!(gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway)
					|| gateway.getOutgoing().size() < 2) {
				continue;
			}
			String defaultFlow = gateway instanceof ExclusiveGateway x && x.getDefault() != null
					? x.getDefault().getId()
					: gateway instanceof InclusiveGateway i && i.getDefault() != null ? i.getDefault().getId() : null;
			for (SequenceFlow flow : gateway.getOutgoing()) {
				if (!flow.getId().equals(defaultFlow)) {
					assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).isNotNull();
				}
				assertThat(flow.getName()).as("label of %s", flow.getId()).isNotBlank();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldCorrelateMessagesOnTheBriefBusinessKeys(Path file) {
		BpmnModelInstance model = ProcessModels.read(file);

		for (Message message : model.getModelElementsByType(Message.class)) {
			ZeebeSubscription subscription = message.getExtensionElements() == null ? null
					: message.getExtensionElements()
						.getElementsQuery()
						.filterByType(ZeebeSubscription.class)
						.singleResult();
			assertThat(subscription).as("subscription of %s", message.getName()).isNotNull();
			assertThat(subscription.getCorrelationKey()).as("correlation key of %s", message.getName())
				.contains(ProcessModels.CORRELATION_VARIABLES.get(message.getName()));
		}
		for (SendTask task : model.getModelElementsByType(SendTask.class)) {
			String messageName = task.getSingleExtensionElement(ZeebeTaskHeaders.class)
				.getHeaders()
				.stream()
				.filter(h -> h.getKey().equals("messageName"))
				.findFirst()
				.orElseThrow()
				.getValue();
			assertThat(task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
				.getInputs()).as("message variables of %s carry the receiver's business key", task.getId())
				.anySatisfy(input -> {
					assertThat(input.getTarget()).isEqualTo("messageVariables");
					assertThat(input.getSource()).contains(ProcessModels.CORRELATION_VARIABLES.get(messageName) + ":");
				});
			assertThat(task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
				.getInputs()).anySatisfy(input -> assertThat(input.getTarget()).isEqualTo("correlationKey"));
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldDocumentEveryJobTypeInTheProcessesReadme(Path file) throws Exception {
		BpmnModelInstance model = ProcessModels.read(file);
		String readme = Files.readString(ProcessModels.PROCESSES.resolve("README.md"));

		for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
			assertThat(readme).as("README lists job type %s", definition.getType())
				.contains("`" + definition.getType() + "`");
		}
	}

	private static void check(List<String> problems, String where, String expression) {
		ParseResult result = feel.parseExpression(expression.substring(1));
		if (!result.isSuccess()) {
			problems.add(where + " '" + expression + "': " + result.failure().message());
		}
	}

	private static boolean isIsoTimer(String kind, String text) {
		try {
			if (kind.equals("timeCycle")) {
				String[] parts = text.split("/");
				return parts.length == 2 && parts[0].matches("R\\d*") && isIsoTimer("timeDuration", parts[1]);
			}
			if (kind.equals("timeDate")) {
				java.time.OffsetDateTime.parse(text);
				return true;
			}
			if (text.contains("T")) {
				Duration.parse(text);
			}
			else {
				Period.parse(text);
			}
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

	private static String describe(Object element) {
		return element instanceof BaseElement b ? b.getElementType().getTypeName() + "#" + b.getId()
				: String.valueOf(element);
	}

}

package fr.refactory.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.refactory.test.EngineTestSupport;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.type.ModelElementType;
import org.camunda.bpm.model.xml.type.attribute.Attribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No silent ignore: every Zeebe extension element and attribute that zeebe-bpmn-model
 * defines (read from its own type registry, so a new one cannot be missed) has a row in
 * docs/engine-compatibility.md saying the engine implements it (and which test shows it)
 * or rejects a deployment using it — which this test then checks, through the real
 * client, for each rejected row.
 */
class ZeebeExtensionCoverageTest extends EngineTestSupport {

	private static final Path TABLE = Path.of("docs/engine-compatibility.md");

	private static final Path TESTS = Path.of("src/test/java/fr/refactory/engine");

	private static final Pattern ROW = Pattern
		.compile("^\\| `zeebe:(\\w+)` \\| (?:`(\\w+)`|—) \\| (implemented|rejected) \\| `([\\w/]+)` \\|$");

	private static final String ELEMENT_ITSELF = "—";

	@Test
	void shouldListEveryExtensionElementAndAttributeOfTheModelOnceAndNothingElse() throws IOException {
		assertThat(documented().keySet()).containsExactlyInAnyOrderElementsOf(definedByTheModel().keySet());
	}

	@Test
	void shouldNameAnExistingTestForEveryImplementedRow() throws IOException {
		documented().forEach((row, line) -> {
			if (line.implemented()) {
				assertThat(TESTS.resolve(line.test() + ".java")).as(row + " is implemented by " + line.test()).exists();
			}
		});
	}

	@Test
	void shouldRejectADeploymentUsingARejectedRowNamingTheElementAndTheAttribute() throws IOException {
		Map<String, ModelElementType> types = zeebeTypes();
		documented().forEach((row, line) -> {
			if (line.implemented()) {
				return;
			}
			String detail = problem(() -> this.client.newDeployResourceCommand()
				.addProcessModel(using(types.get(line.element()), line.attribute()), "coverage.bpmn")
				.send()
				.join(), 400).details().getDetail();
			assertThat(detail).as(row).contains("zeebe:" + line.element()).contains("'task'");
			if (!ELEMENT_ITSELF.equals(line.attribute())) {
				assertThat(detail).as(row).contains(line.attribute());
			}
		});
	}

	@Test
	void shouldAcceptPropertiesAndModelerTemplateMetadataWhichCamundaAlsoRunsWithoutEffect() {
		String id = uniqueId("templated");
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(uniqueId("templated-work")).zeebeProperty("inbound.type", "x"))
			.endEvent()
			.done();
		ServiceTask task = model.getModelElementById("task");
		task.setAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplate", "io.camunda.connectors.HttpJson.v2");
		task.setAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateVersion", "8");

		assertThat(deploy(model).getProcesses()).singleElement()
			.satisfies((process) -> assertThat(process.getBpmnProcessId()).isEqualTo(id));
	}

	/**
	 * An attribute row says "implemented" for all its values; the listeners' event types
	 * are where values once differed (canceling task listeners were rejected until ADR
	 * 1602): every value zeebe-bpmn-model defines deploys.
	 */
	@Test
	void shouldDeployAListenerOfEveryEventTypeTheModelDefines() {
		for (ZeebeTaskListenerEventType eventType : ZeebeTaskListenerEventType.values()) {
			BpmnModelInstance model = Bpmn.createExecutableProcess(uniqueId("task-listener"))
				.startEvent()
				.userTask("task", (t) -> t.zeebeUserTask().zeebeTaskListener((l) -> l.eventType(eventType).type("x")))
				.endEvent()
				.done();
			assertThat(deploy(model).getProcesses()).as(eventType.name()).hasSize(1);
		}
		for (ZeebeExecutionListenerEventType eventType : ZeebeExecutionListenerEventType.values()) {
			BpmnModelInstance model = Bpmn.createExecutableProcess(uniqueId("execution-listener"))
				.startEvent()
				.serviceTask("task",
						(t) -> t.zeebeJobType("coverage")
							.zeebeExecutionListener((l) -> l.eventType(eventType).type("x")))
				.endEvent()
				.done();
			assertThat(deploy(model).getProcesses()).as(eventType.name()).hasSize(1);
		}
	}

	@Test
	void shouldRejectAZeebeElementOrAttributeTheModelDoesNotDefine() {
		String unknownElement = process(
				"<bpmn:extensionElements><zeebe:futureThing depth=\"2\"/>" + "</bpmn:extensionElements>", "");
		String unknownAttribute = process("", " zeebe:retryBudget=\"3\"");

		assertThat(problem(() -> deployXml(unknownElement), 400).details().getDetail()).contains("zeebe:futureThing")
			.contains("depth")
			.contains("'task'");
		assertThat(problem(() -> deployXml(unknownAttribute), 400).details().getDetail()).contains("zeebe:retryBudget")
			.contains("'task'");
	}

	private void deployXml(String xml) {
		this.client.newDeployResourceCommand()
			.addResourceString(xml, StandardCharsets.UTF_8, "unknown.bpmn")
			.send()
			.join();
	}

	private static String process(String extensions, String taskAttributes) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
				  <bpmn:process id="%s" isExecutable="true">
				    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:manualTask id="task"%s>%s<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:manualTask>
				    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
				    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
				  </bpmn:process>
				</bpmn:definitions>
				"""
			.formatted(uniqueId("unknown"), taskAttributes, extensions);
	}

	/**
	 * A valid process whose task carries the extension element, with the attribute set
	 * when one is named.
	 */
	private static BpmnModelInstance using(ModelElementType type, String attribute) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(uniqueId("coverage"))
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType("coverage"))
			.endEvent()
			.done();
		ServiceTask task = model.getModelElementById("task");
		ExtensionElements extensions = task.getExtensionElements();
		ModelElementInstance element = model.newInstance(type);
		if (!ELEMENT_ITSELF.equals(attribute)) {
			element.setAttributeValue(attribute, valueFor(attribute));
		}
		extensions.addChildElement(element);
		return model;
	}

	private static String valueFor(String attribute) {
		return "bindingType".equals(attribute) ? "latest" : "coverage1";
	}

	/**
	 * Element and attribute (or the element itself) as "element/attribute", from
	 * zeebe-bpmn-model's registry.
	 */
	private static Map<String, ModelElementType> zeebeTypes() {
		Map<String, ModelElementType> types = new TreeMap<>();
		for (ModelElementType type : Bpmn.INSTANCE.getBpmnModel().getTypes()) {
			// parsing an unknown element registers a generic type: only the model's own
			// extension types count
			if (BpmnModelConstants.ZEEBE_NS.equals(type.getTypeNamespace())
					&& ZeebeTaskDefinition.class.getPackage().equals(type.getInstanceType().getPackage())) {
				types.put(type.getTypeName(), type);
			}
		}
		return types;
	}

	private static Map<String, ModelElementType> definedByTheModel() {
		Map<String, ModelElementType> rows = new TreeMap<>();
		zeebeTypes().forEach((name, type) -> {
			rows.put(name + "/" + ELEMENT_ITSELF, type);
			for (Attribute<?> attribute : type.getAttributes()) {
				rows.put(name + "/" + attribute.getAttributeName(), type);
			}
		});
		assertThat(rows).as("zeebe-bpmn-model's registry").hasSizeGreaterThan(30);
		return rows;
	}

	private static Map<String, Row> documented() throws IOException {
		Map<String, Row> rows = new TreeMap<>();
		List<String> duplicates = new ArrayList<>();
		for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				String attribute = row.group(2) == null ? ELEMENT_ITSELF : row.group(2);
				Row parsed = new Row(row.group(1), attribute, "implemented".equals(row.group(3)), row.group(4));
				if (rows.put(parsed.element() + "/" + attribute, parsed) != null) {
					duplicates.add(line);
				}
			}
		}
		assertThat(duplicates).as("rows listed twice in " + TABLE).isEmpty();
		return rows;
	}

	private record Row(String element, String attribute, boolean implemented, String test) {
	}

}

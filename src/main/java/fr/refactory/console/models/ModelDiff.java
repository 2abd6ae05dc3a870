package fr.refactory.console.models;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;

/**
 * What changes between two versions of a process, element by element: added, removed, and
 * changed (type, name, job type, condition, mappings, called decision or process, form,
 * candidate groups), so a reviewer sees what a deployment changes.
 */
public record ModelDiff(List<String> added, List<String> removed, List<Change> changed) {

	/** One property of one element that differs. */
	public record Change(String element, String property, String before, String after) {
	}

	static ModelDiff between(String beforeXml, String afterXml) {
		Map<String, Map<String, String>> before = propertiesOf(beforeXml);
		Map<String, Map<String, String>> after = propertiesOf(afterXml);
		List<String> added = after.keySet().stream().filter((id) -> !before.containsKey(id)).sorted().toList();
		List<String> removed = before.keySet().stream().filter((id) -> !after.containsKey(id)).sorted().toList();
		List<Change> changed = new ArrayList<>();
		before.keySet().stream().filter(after::containsKey).sorted().forEach((id) -> {
			TreeSet<String> properties = new TreeSet<>(before.get(id).keySet());
			properties.addAll(after.get(id).keySet());
			properties.forEach((property) -> {
				String old = before.get(id).get(property);
				String now = after.get(id).get(property);
				if (!Objects.equals(old, now)) {
					changed.add(new Change(id, property, old == null ? "—" : old, now == null ? "—" : now));
				}
			});
		});
		return new ModelDiff(added, removed, changed);
	}

	public boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	private static Map<String, Map<String, String>> propertiesOf(String xml) {
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		Map<String, Map<String, String>> elements = new LinkedHashMap<>();
		model.getModelElementsByType(FlowElement.class)
			.forEach((element) -> elements.put(element.getId(), propertiesOf(element)));
		return elements;
	}

	private static Map<String, String> propertiesOf(FlowElement element) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("type", element.getElementType().getTypeName());
		put(properties, "name", element.getName());
		if (element instanceof SequenceFlow flow) {
			put(properties, "condition",
					flow.getConditionExpression() == null ? null : flow.getConditionExpression().getTextContent());
			put(properties, "target", flow.getTarget() == null ? null : flow.getTarget().getId());
		}
		ZeebeTaskDefinition task = element.getSingleExtensionElement(ZeebeTaskDefinition.class);
		if (task != null) {
			put(properties, "job type", task.getType());
			put(properties, "retries", task.getRetries());
		}
		ZeebeIoMapping mapping = element.getSingleExtensionElement(ZeebeIoMapping.class);
		if (mapping != null) {
			put(properties, "input mappings",
					mapping.getInputs()
						.stream()
						.map((input) -> input.getTarget() + " = " + input.getSource())
						.collect(Collectors.joining("; ")));
			put(properties, "output mappings",
					mapping.getOutputs()
						.stream()
						.map((output) -> output.getTarget() + " = " + output.getSource())
						.collect(Collectors.joining("; ")));
		}
		ZeebeCalledDecision decision = element.getSingleExtensionElement(ZeebeCalledDecision.class);
		if (decision != null) {
			put(properties, "called decision", decision.getDecisionId() + " → " + decision.getResultVariable());
		}
		ZeebeCalledElement called = element.getSingleExtensionElement(ZeebeCalledElement.class);
		if (called != null) {
			put(properties, "called process", called.getProcessId());
		}
		ZeebeFormDefinition form = element.getSingleExtensionElement(ZeebeFormDefinition.class);
		if (form != null) {
			put(properties, "form", form.getFormId());
		}
		ZeebeAssignmentDefinition assignment = element.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
		if (assignment != null) {
			put(properties, "candidate groups", assignment.getCandidateGroups());
			put(properties, "assignee", assignment.getAssignee());
		}
		return properties;
	}

	private static void put(Map<String, String> properties, String name, String value) {
		if (value != null && !value.isBlank()) {
			properties.put(name, value.trim());
		}
	}

}

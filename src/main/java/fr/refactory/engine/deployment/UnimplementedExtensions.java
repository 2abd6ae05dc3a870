package fr.refactory.engine.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * No silent ignore: every Zeebe extension element and attribute of a BPMN document must
 * be one the engine runs. The rest (and anything in the Zeebe namespace that
 * zeebe-bpmn-model does not define) rejects the deployment, naming the element and the
 * attribute. {@code docs/engine-compatibility.md} lists both sides; a test holds it to
 * zeebe-bpmn-model's own type registry.
 */
final class UnimplementedExtensions {

	static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

	/** The attributes the engine runs, per Zeebe extension element. */
	private static final Map<String, Set<String>> IMPLEMENTED = Map.ofEntries(Map.entry("ioMapping", Set.of()),
			Map.entry("input", Set.of("source", "target")), Map.entry("output", Set.of("source", "target")),
			Map.entry("taskDefinition", Set.of("type", "retries")), Map.entry("taskHeaders", Set.of()),
			Map.entry("header", Set.of("key", "value")),
			Map.entry("calledElement",
					Set.of("processId", "propagateAllChildVariables", "propagateAllParentVariables", "bindingType",
							"versionTag")),
			Map.entry("calledDecision", Set.of("decisionId", "resultVariable", "bindingType", "versionTag")),
			Map.entry("script", Set.of("expression", "resultVariable")),
			Map.entry("subscription", Set.of("correlationKey")),
			Map.entry("loopCharacteristics",
					Set.of("inputCollection", "inputElement", "outputCollection", "outputElement")),
			Map.entry("userTask", Set.of()),
			Map.entry("assignmentDefinition", Set.of("assignee", "candidateGroups", "candidateUsers")),
			Map.entry("taskSchedule", Set.of("dueDate", "followUpDate")),
			Map.entry("priorityDefinition", Set.of("priority")),
			Map.entry("formDefinition", Set.of("formId", "bindingType", "versionTag")),
			Map.entry("versionTag", Set.of("value")), Map.entry("properties", Set.of()),
			Map.entry("property", Set.of("name", "value")), Map.entry("executionListeners", Set.of()),
			Map.entry("executionListener", Set.of("eventType", "type", "retries")),
			Map.entry("taskListeners", Set.of()), Map.entry("taskListener", Set.of("eventType", "type", "retries")));

	/**
	 * Camunda Modeler's element-template metadata on BPMN elements; Camunda's engine does
	 * nothing with it either.
	 */
	private static final Set<String> MODELER_METADATA = Set.of("modelerTemplate", "modelerTemplateVersion",
			"modelerTemplateIcon");

	private UnimplementedExtensions() {
	}

	/**
	 * @return the first unimplemented Zeebe extension in document order: the BPMN element
	 * id and the reason
	 */
	static Optional<Finding> find(BpmnModelInstance model) {
		Node document = model.getDocument().getDomSource().getNode();
		List<Element> elements = new ArrayList<>();
		collect(document, elements);
		for (Element element : elements) {
			String reason = ZEEBE_NS.equals(element.getNamespaceURI()) ? extensionReason(element)
					: attributeReason(element);
			if (reason != null) {
				return Optional.of(new Finding(ownerId(element), reason));
			}
		}
		return Optional.empty();
	}

	private static void collect(Node node, List<Element> elements) {
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				elements.add(element);
				collect(element, elements);
			}
		}
	}

	private static String extensionReason(Element element) {
		String name = element.getLocalName();
		Set<String> implemented = IMPLEMENTED.get(name);
		List<String> attributes = attributeNames(element);
		if (implemented == null) {
			return "the embedded engine does not implement zeebe:" + name
					+ (attributes.isEmpty() ? "" : " (attributes " + attributes + ")");
		}
		return attributes.stream()
			.filter((attribute) -> !implemented.contains(attribute)
					&& !isCustomFormKeyOfAJobBasedUserTask(element, attribute))
			.findFirst()
			.map((attribute) -> "the embedded engine does not implement the attribute '" + attribute + "' of zeebe:"
					+ name)
			.orElse(null);
	}

	/**
	 * A job-based user task (a userTask without zeebe:userTask) passes its custom form
	 * reference {@code formKey} to its job's headers (ADR 0287); on anything else the
	 * attribute stays rejected.
	 */
	private static boolean isCustomFormKeyOfAJobBasedUserTask(Element element, String attribute) {
		if (!"formDefinition".equals(element.getLocalName()) || !"formKey".equals(attribute)
				|| !(element.getParentNode() instanceof Element extensions)
				|| !(extensions.getParentNode() instanceof Element owner) || !"userTask".equals(owner.getLocalName())) {
			return false;
		}
		for (Node sibling = extensions.getFirstChild(); sibling != null; sibling = sibling.getNextSibling()) {
			if (sibling instanceof Element other && ZEEBE_NS.equals(other.getNamespaceURI())
					&& "userTask".equals(other.getLocalName())) {
				return false;
			}
		}
		return true;
	}

	private static String attributeReason(Element element) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (ZEEBE_NS.equals(attribute.getNamespaceURI()) && !MODELER_METADATA.contains(attribute.getLocalName())) {
				return "the embedded engine does not implement the attribute 'zeebe:" + attribute.getLocalName()
						+ "' of " + element.getLocalName();
			}
		}
		return null;
	}

	/** The element's attributes outside XML namespace declarations, by local name. */
	private static List<String> attributeNames(Element element) {
		List<String> names = new ArrayList<>();
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
				names.add(attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName());
			}
		}
		return names;
	}

	private static String ownerId(Element element) {
		for (Node node = element; node instanceof Element current; node = current.getParentNode()) {
			if (!ZEEBE_NS.equals(current.getNamespaceURI()) && current.hasAttribute("id")) {
				return current.getAttribute("id");
			}
		}
		return null;
	}

	/** Where (the BPMN element's id) and what. */
	record Finding(String elementId, String reason) {
	}

}

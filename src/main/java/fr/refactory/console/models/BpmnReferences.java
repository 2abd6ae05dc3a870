package fr.refactory.console.models;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a BPMN model refers to outside itself (decisions, forms, called processes), and
 * every FEEL expression it carries, each with the id of the element it belongs to.
 */
record BpmnReferences(Map<String, String> decisions, Map<String, String> forms, Map<String, String> processes,
		List<Expression> expressions) {

	/**
	 * Expression holders whose own ids mean nothing to a modeller: problems name their
	 * parent element.
	 */
	private static final java.util.Set<String> EXPRESSION_ELEMENTS = java.util.Set.of("conditionExpression",
			"timeDuration", "timeDate", "timeCycle", "completionCondition", "loopCardinality", "script");

	/** A {@code =}-prefixed value and the element that holds it. */
	record Expression(String element, String text) {
	}

	static BpmnReferences of(BpmnModelInstance model, String xml) {
		Map<String, String> decisions = new LinkedHashMap<>();
		Map<String, String> forms = new LinkedHashMap<>();
		Map<String, String> processes = new LinkedHashMap<>();
		model.getModelElementsByType(ZeebeCalledDecision.class)
			.forEach((e) -> decisions.put(e.getDecisionId(), ownerOf(e)));
		model.getModelElementsByType(ZeebeFormDefinition.class)
			.stream()
			.filter((e) -> e.getFormId() != null && !e.getFormId().isBlank())
			.forEach((e) -> forms.put(e.getFormId(), ownerOf(e)));
		model.getModelElementsByType(ZeebeCalledElement.class)
			.forEach((e) -> processes.put(e.getProcessId(), ownerOf(e)));
		List<Expression> expressions = new ArrayList<>();
		collectExpressions(rootOf(xml), "definitions", expressions);
		return new BpmnReferences(decisions, forms, processes, expressions);
	}

	private static void collectExpressions(Element element, String owner, List<Expression> expressions) {
		String id = element.getAttribute("id");
		String here = (id.isBlank() || EXPRESSION_ELEMENTS.contains(element.getLocalName())) ? owner : id;
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			String value = attributes.item(i).getNodeValue();
			if (value != null && value.startsWith("=")) {
				expressions.add(new Expression(here, value));
			}
		}
		boolean leaf = true;
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				leaf = false;
				collectExpressions(childElement, here, expressions);
			}
		}
		String text = element.getTextContent() == null ? "" : element.getTextContent().trim();
		if (leaf && text.startsWith("=")) {
			expressions.add(new Expression(here, text));
		}
	}

	private static Element rootOf(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
				.getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private static String ownerOf(ModelElementInstance extension) {
		ModelElementInstance current = extension;
		while (current != null && !(current instanceof BaseElement base && base.getId() != null)) {
			current = current.getParentElement();
		}
		return current == null ? "" : ((BaseElement) current).getId();
	}

}

package fr.refactory.console.dashboard;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The string values a decision table's output column can give: the literal texts of its
 * rules' entries, read from the deployed DMN, so a chart shows every possible value
 * without a second list of them in Java.
 */
final class DecisionTableOutputs {

	private DecisionTableOutputs() {
	}

	static List<String> values(String dmnXml, String decisionId, String outputName) {
		Document document = parse(dmnXml);
		NodeList decisions = document.getElementsByTagNameNS("*", "decision");
		for (int i = 0; i < decisions.getLength(); i++) {
			Element decision = (Element) decisions.item(i);
			if (decisionId.equals(decision.getAttribute("id"))) {
				return valuesOf(decision, outputName);
			}
		}
		return List.of();
	}

	private static List<String> valuesOf(Element decision, String outputName) {
		NodeList outputs = decision.getElementsByTagNameNS("*", "output");
		int column = -1;
		for (int i = 0; i < outputs.getLength(); i++) {
			if (outputName.equals(((Element) outputs.item(i)).getAttribute("name"))) {
				column = i;
			}
		}
		if (column < 0) {
			return List.of();
		}
		Set<String> values = new LinkedHashSet<>();
		NodeList rules = decision.getElementsByTagNameNS("*", "rule");
		for (int i = 0; i < rules.getLength(); i++) {
			NodeList entries = ((Element) rules.item(i)).getElementsByTagNameNS("*", "outputEntry");
			if (column < entries.getLength()) {
				String text = entries.item(column).getTextContent().trim();
				if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
					values.add(text.substring(1, text.length() - 1));
				}
			}
		}
		return new ArrayList<>(values);
	}

	private static Document parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("The deployed DMN could not be read: " + ex.getMessage(), ex);
		}
	}

}

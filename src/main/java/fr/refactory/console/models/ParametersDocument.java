package fr.refactory.console.models;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The parameters decision inside a deployed DMN file: reads its columns and writes a new
 * value into the file's text so that everything else in the file stays byte for byte as
 * the process owner's Modeler wrote it.
 */
final class ParametersDocument {

	private static final Pattern UNIT = Pattern.compile("(.*?)\\s*\\(([^()]+)\\)\\s*");

	private static final Pattern RANGE = Pattern.compile("\\[\\s*(-?[0-9.]+)\\s*\\.\\.\\s*(-?[0-9.]+)\\s*]");

	private final String xml;

	private final String decisionId;

	private final List<Column> columns;

	private ParametersDocument(String xml, String decisionId, List<Column> columns) {
		this.xml = xml;
		this.decisionId = decisionId;
		this.columns = columns;
	}

	static ParametersDocument read(String xml, String decisionId) {
		DmnModelInstance model = Dmn
			.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		Decision decision = model.getModelElementById(decisionId);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)
				|| table.getRules().size() != 1) {
			throw new IllegalStateException("Expected " + decisionId + " to be a table with one rule");
		}
		Rule rule = table.getRules().iterator().next();
		List<Output> outputs = List.copyOf(table.getOutputs());
		List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < outputs.size(); i++) {
			columns.add(Column.of(outputs.get(i), entries.get(i)));
		}
		return new ParametersDocument(xml, decisionId, List.copyOf(columns));
	}

	List<DecisionParameter> parameters(long decisionKey, int version) {
		List<DecisionParameter> parameters = new ArrayList<>();
		for (Column column : this.columns) {
			Matcher unit = UNIT.matcher(column.label());
			Matcher range = RANGE.matcher(column.outputValues());
			boolean ranged = range.find();
			parameters.add(new DecisionParameter(this.decisionId, decisionKey, version, column.name(),
					unit.matches() ? unit.group(1) : column.label(), unit.matches() ? unit.group(2) : "",
					column.value(), ranged ? new BigDecimal(range.group(1)) : null,
					ranged ? new BigDecimal(range.group(2)) : null));
		}
		return parameters;
	}

	/**
	 * The file with {@code name}'s value replaced; empty when the table has no such
	 * column.
	 */
	Optional<String> withValue(String name, String value) {
		return this.columns.stream()
			.filter((column) -> column.name().equals(name))
			.findFirst()
			.map((column) -> replaceEntry(column.entryId(), value));
	}

	private String replaceEntry(String entryId, String value) {
		Matcher entry = Pattern
			.compile("(<outputEntry\\s[^>]*id=\"" + Pattern.quote(entryId) + "\"[^>]*>\\s*<text>)([^<]*)(</text>)")
			.matcher(this.xml);
		if (!entry.find()) {
			throw new IllegalStateException("Expected output entry " + entryId + " in " + this.decisionId);
		}
		return this.xml.substring(0, entry.start(2)) + value + this.xml.substring(entry.end(2));
	}

	/**
	 * One output column as read from the file, kept as plain values: the document is kept
	 * per deployed version and read by concurrent page requests, which the DMN model's
	 * DOM is not made for.
	 */
	private record Column(String name, String label, String outputValues, String value, String entryId) {

		static Column of(Output output, OutputEntry entry) {
			return new Column(output.getName(), output.getLabel() == null ? output.getName() : output.getLabel(),
					output.getOutputValues() == null ? "" : output.getOutputValues().getTextContent(),
					entry.getTextContent().strip(), entry.getId());
		}

	}

}

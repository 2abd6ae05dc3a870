package fr.refactory.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a test table: the inputs of a decision, the rules expected to match and the
 * expected outputs.
 *
 * <p>
 * Tables are written like the decision tables themselves, one case per line, columns
 * separated by {@code |} and the expected part after {@code ||}:
 *
 * <pre>
 * case           | length | charsetValid || rule                | vinStatus | reason
 * 16 characters  | 16     | true         || rule-length-invalid | INVALID   | VIN_LENGTH
 * </pre>
 *
 * The {@code rule} column lists the expected matched rule ids separated by spaces
 * ({@code -} for none; a decision that requires another lists the required decision's
 * rule first). Values: empty or {@code null} is null, {@code true}/{@code false} are
 * booleans, numbers are numbers, {@code [a, b]} is a list, anything else a string.
 */
record DecisionCase(String decisionId, String name, Map<String, Object> inputs, List<String> expectedRules,
		Map<String, Object> expectedOutputs) {

	@Override
	public String toString() {
		return name;
	}

	/** Evaluates the case and asserts the matched rules and every expected output. */
	DecisionTables.Evaluation verify() {
		DecisionTables.Evaluation evaluation = DecisionTables.get().evaluate(decisionId, inputs);
		assertThat(evaluation.matchedRuleIds()).as("%s: matched rules", name).isEqualTo(expectedRules);
		expectedOutputs.forEach(
				(output, expected) -> assertThat(normalise(evaluation.output(output))).as("%s: output %s", name, output)
					.isEqualTo(normalise(expected)));
		return evaluation;
	}

	static List<DecisionCase> table(String decisionId, String text) {
		List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
		String[] header = splitRow(lines.get(0));
		int expectedStart = expectedStart(lines.get(0));
		List<DecisionCase> cases = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = splitRow(line);
			if (cells.length != header.length || expectedStart(line) != expectedStart) {
				throw new IllegalArgumentException("row does not match the header of " + decisionId + ": " + line);
			}
			Map<String, Object> inputs = new LinkedHashMap<>();
			for (int i = 1; i < expectedStart; i++) {
				inputs.put(header[i], value(cells[i]));
			}
			List<String> rules = "-".equals(cells[expectedStart]) ? List.of()
					: Arrays.asList(cells[expectedStart].split("\\s+"));
			Map<String, Object> outputs = new LinkedHashMap<>();
			for (int i = expectedStart + 1; i < header.length; i++) {
				outputs.put(header[i], value(cells[i]));
			}
			cases.add(new DecisionCase(decisionId, decisionId + ": " + cells[0], inputs, List.copyOf(rules), outputs));
		}
		return cases;
	}

	private static String[] splitRow(String line) {
		return Arrays.stream(line.replace("||", "|").split("\\|", -1)).map(String::strip).toArray(String[]::new);
	}

	/** Index of the first expected column (the {@code rule} column) in a split row. */
	private static int expectedStart(String line) {
		int position = line.indexOf("||");
		if (position < 0) {
			throw new IllegalArgumentException("no || between inputs and expectations: " + line);
		}
		return splitRow(line.substring(0, position)).length;
	}

	static Object value(String cell) {
		String text = cell.strip();
		if (text.isEmpty() || text.equals("null")) {
			return null;
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		if (text.startsWith("[") && text.endsWith("]")) {
			String inner = text.substring(1, text.length() - 1).strip();
			return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(DecisionCase::value).toList();
		}
		if (text.matches("-?\\d+(\\.\\d+)?")) {
			return new BigDecimal(text);
		}
		return text;
	}

	/**
	 * Numbers compare by value (the engine gives Long or Double, tables give BigDecimal);
	 * lists element-wise.
	 */
	static Object normalise(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(DecisionCase::normalise).toList();
		}
		return value;
	}
}

package fr.refactory.decisions;

import static scala.jdk.javaapi.CollectionConverters.asJava;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedRule;

/**
 * Evaluates the DMN files of {@code decisions/} (copied onto the classpath by the pom)
 * with dmn-scala, the library Zeebe uses, and reports the decision output together with
 * the ids of the rules that matched (from the audit log).
 */
final class DecisionTables {

	private static final String FOLDER = "decisions";

	private static final DecisionTables INSTANCE = new DecisionTables();

	private final DmnEngine engine = new DmnEngine.Builder().build();

	/** decision id → parsed file that holds it (a DRG file holds several decisions). */
	private final Map<String, ParsedDmn> byDecisionId = new LinkedHashMap<>();

	/** decision id → ids of its rules, in table order. */
	private final Map<String, List<String>> ruleIds = new LinkedHashMap<>();

	/** decision id → hit policy as written in the file. */
	private final Map<String, String> hitPolicies = new LinkedHashMap<>();

	private DecisionTables() {
		for (Path file : dmnFiles()) {
			ParsedDmn dmn = parse(file);
			for (ParsedDecision decision : asJava(dmn.decisions())) {
				byDecisionId.put(decision.id(), dmn);
				if (decision.logic() instanceof ParsedDecisionTable table) {
					List<String> ids = new ArrayList<>();
					for (ParsedRule rule : asJava(table.rules())) {
						ids.add(rule.id());
					}
					ruleIds.put(decision.id(), List.copyOf(ids));
					hitPolicies.put(decision.id(), table.hitPolicy().toString());
				}
			}
		}
	}

	static DecisionTables get() {
		return INSTANCE;
	}

	static Path folder() {
		URL url = DecisionTables.class.getClassLoader().getResource(FOLDER);
		Objects.requireNonNull(url, "decisions/ is not on the test classpath");
		try {
			return Paths.get(url.toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<Path> dmnFiles() {
		try (Stream<Path> files = Files.list(folder())) {
			return files.filter(f -> f.getFileName().toString().endsWith(".dmn")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private ParsedDmn parse(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			var parsed = engine.parse(in);
			if (parsed.isLeft()) {
				throw new IllegalStateException(
						file.getFileName() + " does not parse: " + parsed.left().get().message());
			}
			return parsed.toOption().get();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Map<String, List<String>> ruleIdsByDecision() {
		return ruleIds;
	}

	Map<String, String> hitPolicies() {
		return hitPolicies;
	}

	/**
	 * Evaluates a decision with the given variables; a failure of the engine fails the
	 * test.
	 */
	Evaluation evaluate(String decisionId, Map<String, ?> variables) {
		ParsedDmn dmn = byDecisionId.get(decisionId);
		if (dmn == null) {
			throw new IllegalArgumentException("no decision " + decisionId + " in " + FOLDER + "/");
		}
		@SuppressWarnings("unchecked")
		var result = engine.eval(dmn, decisionId, (Map<String, Object>) variables);
		if (result.isLeft()) {
			throw new IllegalStateException(
					decisionId + " failed for " + variables + ": " + result.left().get().failure().message());
		}
		DmnEngine.EvalResult evalResult = result.toOption().get();
		Object value = evalResult instanceof DmnEngine.Result r ? r.value() : null;
		List<MatchedRule> matched = new ArrayList<>();
		for (Audit.AuditLogEntry entry : asJava(evalResult.auditLog().entries())) {
			if (entry.result() instanceof Audit.DecisionTableEvaluationResult table) {
				for (Audit.EvaluatedRule rule : asJava(table.matchedRules())) {
					matched.add(new MatchedRule(entry.id(), rule.rule().id()));
				}
			}
		}
		boolean collect = "COLLECT".equals(hitPolicies.get(decisionId));
		return new Evaluation(decisionId, collect && value == null ? List.of() : value, List.copyOf(matched));
	}

	/**
	 * A decision that holds the thresholds of another as its outputs (ADR 0324):
	 * {@code <decision id>-parameters}.
	 */
	static boolean isParameters(String decisionId) {
		return decisionId.endsWith(PARAMETERS_SUFFIX);
	}

	static final String PARAMETERS_SUFFIX = "-parameters";

	/** A rule that matched while a decision (or one it requires) was evaluated. */
	record MatchedRule(String decisionId, String ruleId) {
	}

	/**
	 * Result of one evaluation: the decision's value (Java types) and the matched rules,
	 * required decisions first. A COLLECT table that matched nothing gives {@code null}
	 * in dmn-scala and Zeebe; here it is the empty list.
	 */
	record Evaluation(String decisionId, Object value, List<MatchedRule> matchedRules) {

		/**
		 * The matched rules without those of parameter decisions (their single rule
		 * always matches).
		 */
		List<String> matchedRuleIds() {
			return matchedRules.stream()
				.filter(rule -> !isParameters(rule.decisionId()))
				.map(MatchedRule::ruleId)
				.toList();
		}

		/**
		 * The named output: for a single-hit table the output of the matched rule; for
		 * COLLECT the list of that output over all matched rules (empty when nothing
		 * matched).
		 */
		Object output(String name) {
			if (value instanceof List<?> rows) {
				return rows.stream().map(row -> row instanceof Map<?, ?> m ? m.get(name) : row).toList();
			}
			if (value instanceof Map<?, ?> map) {
				return map.get(name);
			}
			return value;
		}
	}

}

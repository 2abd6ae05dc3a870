package fr.refactory.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.expression.EvaluationOverrun;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.state.DecisionOutcome;
import fr.refactory.engine.state.DecisionOutcome.EvaluatedDecision;
import fr.refactory.engine.state.DecisionOutcome.EvaluatedInput;
import fr.refactory.engine.state.DecisionOutcome.EvaluatedOutput;
import fr.refactory.engine.state.DecisionOutcome.MatchedRule;
import fr.refactory.engine.state.DecisionStore;
import fr.refactory.engine.state.KeyGenerator;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

import org.springframework.stereotype.Component;

/**
 * Evaluates a deployed decision with dmn-scala and stores one decision instance per
 * evaluated decision (inputs, matched rules with 1-based indexes, outputs), in the
 * caller's transaction.
 */
@Component
@ConditionalOnEmbeddedEngine
public class DecisionEvaluator {

	private static final ValueMapper VALUES = new ValueMapper.CompositeValueMapper(
			CollectionConverters.asScala(List.<CustomValueMapper>of(new JavaValueMapper())).toList());

	private final DmnDecisions decisions;

	private final DecisionStore store;

	private final KeyGenerator keys;

	private final ObjectMapper json;

	DecisionEvaluator(DmnDecisions decisions, DecisionStore store, KeyGenerator keys, ObjectMapper json) {
		this.decisions = decisions;
		this.store = store;
		this.keys = keys;
		this.json = json;
	}

	public DecisionOutcome evaluate(DecisionStore.Definition definition, Map<String, Object> variables,
			DecisionStore.Link link) {
		ParsedDmn dmn = this.decisions.parsed(definition.requirementsKey(),
				() -> this.store.dmnXml(definition.requirementsKey()));
		DmnEngine engine = this.decisions.engine();
		Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result;
		try {
			result = FeelExpressions.bounded(() -> engine.eval(dmn, definition.decisionId(), variables),
					EvaluationOverrun::new);
		}
		catch (EvaluationOverrun overrun) {
			return failed(definition, link, overrun.getMessage(), List.of(), this.keys.nextKey());
		}
		long evaluationKey = this.keys.nextKey();
		if (result.isLeft()) {
			DmnEngine.EvalFailure failure = result.left().get();
			return failed(definition, link, failure.failure().message(),
					audit(failure.auditLog(), definition, evaluationKey), evaluationKey);
		}
		DmnEngine.EvalResult success = result.toOption().get();
		Object value = success.isNil() ? null : success.value();
		List<EvaluatedDecision> evaluated = audit(success.auditLog(), definition, evaluationKey);
		DecisionOutcome outcome = new DecisionOutcome(evaluationKey, definition.decisionId(), definition.name(),
				definition.version(), definition.key(), definition.requirementsId(), definition.requirementsKey(),
				value, write(value), "", "", evaluated);
		this.store.evaluated(outcome, definition, link);
		return outcome;
	}

	private DecisionOutcome failed(DecisionStore.Definition definition, DecisionStore.Link link, String message,
			List<EvaluatedDecision> evaluated, long evaluationKey) {
		DecisionOutcome outcome = new DecisionOutcome(evaluationKey, definition.decisionId(), definition.name(),
				definition.version(), definition.key(), definition.requirementsId(), definition.requirementsKey(), null,
				null, definition.decisionId(), message, evaluated);
		this.store.evaluated(outcome, definition, link);
		return outcome;
	}

	private List<EvaluatedDecision> audit(Audit.AuditLog log, DecisionStore.Definition called, long evaluationKey) {
		List<EvaluatedDecision> evaluated = new ArrayList<>();
		if (log == null) {
			return evaluated;
		}
		int index = 1;
		for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
			DecisionStore.Definition definition = this.store.inRequirements(called.requirementsKey(), entry.id())
				.orElse(called);
			evaluated.add(evaluatedDecision(entry, definition, evaluationKey + "-" + index++));
		}
		return evaluated;
	}

	private EvaluatedDecision evaluatedDecision(Audit.AuditLogEntry entry, DecisionStore.Definition definition,
			String instanceKey) {
		List<MatchedRule> rules = new ArrayList<>();
		List<EvaluatedInput> inputs = new ArrayList<>();
		Val result = null;
		if (entry.result() instanceof Audit.DecisionTableEvaluationResult table) {
			for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
				inputs.add(new EvaluatedInput(input.input().id(), input.input().name(), write(unpack(input.value()))));
			}
			for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
				rules.add(matchedRule(entry, rule));
			}
			result = table.result();
		}
		else if (entry.result() instanceof Audit.SingleEvaluationResult single) {
			result = single.result();
		}
		return new EvaluatedDecision(definition.decisionId(), definition.name(), definition.version(),
				definition.type(), result == null ? null : write(unpack(result)), "<default>",
				String.valueOf(definition.key()), instanceKey, rules, inputs);
	}

	private MatchedRule matchedRule(Audit.AuditLogEntry entry, Audit.EvaluatedRule rule) {
		List<EvaluatedOutput> outputs = new ArrayList<>();
		for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
			outputs
				.add(new EvaluatedOutput(output.output().id(), output.output().name(), write(unpack(output.value()))));
		}
		return new MatchedRule(rule.rule().id(), ruleIndex(entry, rule.rule()), outputs);
	}

	private static int ruleIndex(Audit.AuditLogEntry entry, ParsedRule rule) {
		if (entry.decisionLogic() instanceof ParsedDecisionTable table) {
			int index = 1;
			for (ParsedRule candidate : CollectionConverters.asJava(table.rules())) {
				if (candidate.id().equals(rule.id())) {
					return index;
				}
				index++;
			}
		}
		return 1;
	}

	private static Object unpack(Val value) {
		return value == null ? null : VALUES.unpackVal(value);
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			return String.valueOf(value);
		}
	}

}

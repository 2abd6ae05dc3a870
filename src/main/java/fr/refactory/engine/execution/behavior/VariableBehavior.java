package fr.refactory.engine.execution.behavior;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.Mapping;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * Input and output mappings and the merge of command variables (job or user-task
 * completion) into the scopes, per Camunda 8: input mappings create local variables;
 * output mappings propagate from the flow scope; without output mappings, command
 * variables propagate from the element instance.
 */
@Component
@ConditionalOnEmbeddedEngine
public class VariableBehavior {

	private final VariableStore variables;

	VariableBehavior(VariableStore variables) {
		this.variables = variables;
	}

	public VariableStore store() {
		return this.variables;
	}

	public void applyInputs(ElementContext context) {
		if (context.element().inputs().isEmpty()) {
			return;
		}
		ElementInstance instance = context.instance();
		// the instance's own scope: a multi-instance inner instance already holds its
		// input element and loopCounter
		Map<String, Object> scope = new HashMap<>(this.variables.visible(instance.key()));
		Map<String, Object> locals = new LinkedHashMap<>();
		for (Mapping mapping : context.element().inputs()) {
			Object value = evaluate(mapping, scope);
			assign(locals, mapping.target(), value);
			scope.putAll(locals);
		}
		locals.forEach(
				(name, value) -> this.variables.setLocal(instance.key(), instance.processInstanceKey(), name, value));
	}

	public void applyOutputs(ElementContext context) {
		ElementInstance instance = context.instance();
		if (context.element().outputs().isEmpty() || instance.flowScopeKey() == null) {
			return;
		}
		Map<String, Object> scope = this.variables.visible(instance.key());
		Map<String, Object> results = new LinkedHashMap<>();
		for (Mapping mapping : context.element().outputs()) {
			Object value = evaluate(mapping, scope);
			startFromTheExistingContext(results, mapping.target(), scope);
			assign(results, mapping.target(), value);
		}
		updateExistingLocals(instance, results);
		this.variables.propagate(instance.flowScopeKey(), instance.processInstanceKey(), results);
	}

	/**
	 * Output mappings also update the element's own local variables of the same name, so
	 * that a multi-instance output element reads the mapped value (Camunda 8: output
	 * mappings can update the outputElement variable).
	 */
	private void updateExistingLocals(ElementInstance instance, Map<String, Object> results) {
		Map<String, Object> locals = this.variables.local(instance.key());
		results.forEach((name, value) -> {
			if (locals.containsKey(name)) {
				this.variables.setLocal(instance.key(), instance.processInstanceKey(), name, value);
			}
		});
	}

	/** Variables of a completing job or user task. */
	public void mergeCompletionVariables(ElementContext context, Map<String, Object> values) {
		if (values == null || values.isEmpty()) {
			return;
		}
		ElementInstance instance = context.instance();
		if (context.element().outputs().isEmpty()) {
			this.variables.propagate(instance.key(), instance.processInstanceKey(), values);
		}
		else {
			values.forEach((name, value) -> this.variables.setLocal(instance.key(), instance.processInstanceKey(), name,
					value));
		}
	}

	private static Object evaluate(Mapping mapping, Map<String, Object> scope) {
		try {
			return FeelExpressions.evaluate(mapping.source(), scope);
		}
		catch (ExpressionFailure failure) {
			throw new ElementFailure("IO_MAPPING_ERROR", failure.getMessage());
		}
	}

	/**
	 * An output to a nested target ({@code order.status}) merges into the context the
	 * element sees under that name (Camunda 8: the variable's other properties stay),
	 * docs/decisions/0282.
	 */
	private static void startFromTheExistingContext(Map<String, Object> results, String target,
			Map<String, Object> scope) {
		int dot = target.indexOf('.');
		if (dot < 0) {
			return;
		}
		String root = target.substring(0, dot);
		if (!results.containsKey(root) && scope.get(root) instanceof Map<?, ?> existing) {
			results.put(root, existing);
		}
	}

	/** Assigns {@code a.b.c} targets by merging into nested objects. */
	@SuppressWarnings("unchecked")
	private static void assign(Map<String, Object> into, String target, Object value) {
		String[] path = target.split("\\.");
		Map<String, Object> current = into;
		for (int i = 0; i < path.length - 1; i++) {
			Object next = current.get(path[i]);
			Map<String, Object> nested = (next instanceof Map<?, ?> map)
					? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
			current.put(path[i], nested);
			current = nested;
		}
		current.put(path[path.length - 1], value);
	}

}

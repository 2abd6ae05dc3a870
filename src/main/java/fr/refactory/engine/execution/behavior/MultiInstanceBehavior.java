package fr.refactory.engine.execution.behavior;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.Expression;
import fr.refactory.engine.expression.ExpressionFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.MultiInstanceLoop;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.MultiInstanceStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * The data of a multi-instance body, per Camunda 8: the input collection (evaluated once,
 * kept for the body's lifetime), the locals of each inner instance ({@code loopCounter},
 * input element, output element), the output collection on the body's scope and the
 * completion condition with its instance counts.
 */
@Component
@ConditionalOnEmbeddedEngine
public class MultiInstanceBehavior {

	public static final String LOOP_COUNTER = "loopCounter";

	private final MultiInstanceStore bodies;

	private final VariableStore variables;

	MultiInstanceBehavior(MultiInstanceStore bodies, VariableStore variables) {
		this.bodies = bodies;
		this.variables = variables;
	}

	/**
	 * Evaluates the input collection in the body's scope and keeps it; the output
	 * collection starts as a list of nulls of the same size, local to the body.
	 * @throws ElementFailure {@code EXTRACT_VALUE_ERROR} when the result is not a list
	 * (nothing is written then)
	 */
	public List<Object> start(ElementContext body) {
		MultiInstanceLoop loop = loop(body);
		List<Object> items = evaluateList(loop.inputCollection(), body.variables());
		ElementInstance instance = body.instance();
		List<Object> outputs = new ArrayList<>(Collections.nCopies(items.size(), null));
		this.bodies.bodyActivated(instance.key(), this.variables.write(items), this.variables.write(outputs));
		if (loop.outputCollection() != null) {
			this.variables.setLocal(instance.key(), instance.processInstanceKey(), loop.outputCollection(), outputs);
		}
		return items;
	}

	/** The input collection kept when the body activated. */
	public List<Object> items(ElementContext body) {
		return asList(this.variables.read(this.bodies.inputCollection(body.instance().key())));
	}

	/**
	 * Activates the inner instance for the item at {@code loopCounter} (1-based) with its
	 * local variables.
	 */
	public void activateInner(ElementContext body, List<Object> items, int loopCounter) {
		MultiInstanceLoop loop = loop(body);
		Map<String, Object> locals = new LinkedHashMap<>();
		if (loop.outputElementVariable() != null && !loop.outputElementVariable().equals(loop.inputElement())) {
			locals.put(loop.outputElementVariable(), null);
		}
		if (loop.inputElement() != null) {
			locals.put(loop.inputElement(), items.get(loopCounter - 1));
		}
		locals.put(LOOP_COUNTER, loopCounter);
		body.activateChild(loop.inner(), locals);
	}

	/**
	 * Writes the completing inner instance's output element at its index of the body's
	 * output collection.
	 */
	public void collectOutput(ElementContext body, ElementContext inner) {
		MultiInstanceLoop loop = loop(body);
		if (loop.outputCollection() == null) {
			return;
		}
		Map<String, Object> innerVariables = inner.variables();
		Object output = loop.outputElement() == null ? null : evaluate(loop.outputElement(), innerVariables);
		int index = loopCounter(innerVariables) - 1;
		String collected = this.bodies.outputCollection(body.instance().key());
		List<Object> collection = new ArrayList<>(asList(this.variables.read(collected)));
		if (index < 0 || index >= collection.size()) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", "Expected to update the output collection '"
					+ loop.outputCollection() + "' at index " + (index + 1) + ", but its size is " + collection.size());
		}
		collection.set(index, output);
		this.bodies.outputCollected(body.instance().key(), this.variables.write(collection));
		this.variables.setLocal(body.instance().key(), body.instance().processInstanceKey(), loop.outputCollection(),
				collection);
	}

	/**
	 * The instance counts as they are once {@code inner}, still active, has completed.
	 */
	public Counts countsAfterCompleting(ElementContext body, int numberOfInstances) {
		Map<String, Integer> byState = this.bodies.innerInstancesByState(body.instance().key());
		int active = byState.getOrDefault(ElementInstance.ACTIVE, 0);
		int completed = byState.getOrDefault(ElementInstance.COMPLETED, 0);
		int terminated = byState.getOrDefault(ElementInstance.TERMINATED, 0);
		return new Counts(numberOfInstances, active - 1, completed + 1, terminated, active + completed + terminated);
	}

	/**
	 * The completion condition, evaluated in the completing inner instance's scope plus
	 * the documented {@code numberOf...} properties; false when there is none.
	 */
	public boolean completionConditionMet(ElementContext body, ElementContext inner, Counts counts) {
		Expression condition = loop(body).completionCondition();
		if (condition == null) {
			return false;
		}
		Map<String, Object> scope = new HashMap<>(inner.variables());
		scope.put("numberOfInstances", counts.instances());
		scope.put("numberOfActiveInstances", counts.active());
		scope.put("numberOfCompletedInstances", counts.completed());
		scope.put("numberOfTerminatedInstances", counts.terminated());
		Object value = evaluate(condition, scope);
		if (!(value instanceof Boolean)) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", "Expected result of the expression '" + condition.source()
					+ "' to be 'BOOLEAN', but was '" + (value == null ? "NULL" : value) + "'.");
		}
		return (Boolean) value;
	}

	/**
	 * The output collection leaves the body like an output mapping: propagated from the
	 * body's flow scope.
	 */
	public void propagateOutputCollection(ElementContext body) {
		MultiInstanceLoop loop = loop(body);
		ElementInstance instance = body.instance();
		if (loop.outputCollection() == null || instance.flowScopeKey() == null) {
			return;
		}
		Map<String, Object> output = new HashMap<>();
		output.put(loop.outputCollection(), this.variables.read(this.bodies.outputCollection(instance.key())));
		this.variables.propagate(instance.flowScopeKey(), instance.processInstanceKey(), output);
	}

	public void forget(ElementContext body) {
		this.bodies.bodyLeft(body.instance().key());
	}

	private static MultiInstanceLoop loop(ElementContext body) {
		return body.element().multiInstance();
	}

	private static int loopCounter(Map<String, Object> innerVariables) {
		Object value = innerVariables.get(LOOP_COUNTER);
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	private static List<Object> evaluateList(Expression expression, Map<String, Object> scope) {
		Object value = evaluate(expression, scope);
		if (!(value instanceof List<?>)) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", "Expected result of the expression '" + expression.source()
					+ "' to be 'ARRAY', but was '" + (value == null ? "NULL" : value) + "'.");
		}
		return asList(value);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> asList(Object value) {
		return value instanceof List<?> list ? (List<Object>) list : List.of();
	}

	private static Object evaluate(Expression expression, Map<String, Object> scope) {
		try {
			return FeelExpressions.evaluate(expression, scope);
		}
		catch (ExpressionFailure failure) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR", failure.getMessage());
		}
	}

	/**
	 * The multi-instance body properties usable in the completion condition.
	 *
	 * @param created the inner instances created so far (all of them for a parallel body)
	 */
	public record Counts(int instances, int active, int completed, int terminated, int created) {

	}

}

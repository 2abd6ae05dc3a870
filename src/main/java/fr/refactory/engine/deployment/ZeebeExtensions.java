package fr.refactory.engine.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.refactory.engine.expression.Expression;
import fr.refactory.engine.model.Binding;
import fr.refactory.engine.model.CalledElement;
import fr.refactory.engine.model.JobDefinition;
import fr.refactory.engine.model.Mapping;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;

/**
 * Reads the Zeebe extension elements shared by several element types, parsing their
 * expressions.
 */
final class ZeebeExtensions {

	private final FlowNode node;

	private final ExpressionParser parser;

	ZeebeExtensions(FlowNode node, ExpressionParser parser) {
		this.node = node;
		this.parser = parser;
	}

	List<Mapping> mappings(boolean inputs) {
		ZeebeIoMapping io = this.node.getSingleExtensionElement(ZeebeIoMapping.class);
		if (io == null) {
			return List.of();
		}
		List<Mapping> result = new ArrayList<>();
		Collection<? extends ZeebeMapping> source = inputs ? io.getInputs() : io.getOutputs();
		for (ZeebeMapping mapping : source) {
			String expression = mapping.getSource() == null ? "=null" : mapping.getSource();
			result.add(new Mapping(feel(expression, false), mapping.getTarget()));
		}
		return List.copyOf(result);
	}

	JobDefinition job() {
		ZeebeTaskDefinition definition = this.node.getSingleExtensionElement(ZeebeTaskDefinition.class);
		if (definition == null) {
			return null;
		}
		String retries = definition.getRetries() == null ? "3" : definition.getRetries();
		return new JobDefinition(feel(definition.getType(), false), feel(retries, false), headers());
	}

	Map<String, String> headers() {
		ZeebeTaskHeaders headers = this.node.getSingleExtensionElement(ZeebeTaskHeaders.class);
		if (headers == null) {
			return Map.of();
		}
		return headers.getHeaders()
			.stream()
			.collect(Collectors.toMap(ZeebeHeader::getKey, ZeebeHeader::getValue, (a, b) -> b, LinkedHashMap::new));
	}

	CalledElement calledElement() {
		ZeebeCalledElement called = this.node.getSingleExtensionElement(ZeebeCalledElement.class);
		if (called == null) {
			return null;
		}
		return new CalledElement(feel(called.getProcessId(), false), called.isPropagateAllChildVariablesEnabled(),
				called.isPropagateAllParentVariablesEnabled(),
				binding(called.getBindingType(), called.getVersionTag()));
	}

	static Binding binding(ZeebeBindingType type, String versionTag) {
		return Binding.of(type, versionTag);
	}

	Expression script() {
		ZeebeScript script = this.node.getSingleExtensionElement(ZeebeScript.class);
		return script == null ? null : feel(script.getExpression(), true);
	}

	String resultVariable() {
		ZeebeScript script = this.node.getSingleExtensionElement(ZeebeScript.class);
		return script == null ? null : script.getResultVariable();
	}

	private Expression feel(String source, boolean alwaysFeel) {
		return this.parser.feel(this.node.getId(), source, alwaysFeel);
	}

	/** Parses an attribute of the element, rejecting the deployment on invalid FEEL. */
	@FunctionalInterface
	interface ExpressionParser {

		Expression feel(String elementId, String source, boolean alwaysFeel);

	}

}

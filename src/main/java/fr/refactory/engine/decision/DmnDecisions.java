package fr.refactory.engine.decision;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.deployment.DeploymentRejected;
import fr.refactory.engine.expression.FeelExpressions;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDmn;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

import org.springframework.stereotype.Component;

/**
 * Wraps dmn-scala: parses DMN at deployment and keeps parsed models by
 * decision-requirements key.
 */
@Component
@ConditionalOnEmbeddedEngine
public class DmnDecisions {

	private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

	private static final Pattern JAVA_EXCEPTION_TYPE = Pattern
		.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

	/** FEEL's {@code now()} and {@code today()} in decisions read the engine clock. */
	private final DmnEngine engine = new DmnEngine.Builder().clock(FeelExpressions.CLOCK).build();

	private final Map<Long, ParsedDmn> parsedByRequirementsKey = new ConcurrentHashMap<>();

	public ParsedDmn parse(String resourceName, byte[] xml) {
		Either<DmnEngine.Failure, ParsedDmn> result;
		try {
			result = this.engine.parse(new ByteArrayInputStream(xml));
		}
		catch (RuntimeException ex) {
			throw new DeploymentRejected("Expected to deploy a valid DMN resource '" + resourceName
					+ "', but it could not be parsed: " + withoutJavaTypes(ex.getMessage()));
		}
		if (result.isLeft()) {
			throw new DeploymentRejected("Expected to deploy a valid DMN resource '" + resourceName
					+ "', but it could not be parsed: " + withoutJavaTypes(result.left().get().message()));
		}
		ParsedDmn dmn = result.toOption().get();
		for (ParsedDecision decision : decisions(dmn)) {
			try {
				FeelExpressions.checkLiteralPatterns(decision.logic());
			}
			catch (IllegalArgumentException ex) {
				throw new DeploymentRejected("Expected to deploy a valid DMN resource '" + resourceName
						+ "', but decision '" + decision.id() + "' is invalid: " + ex.getMessage());
			}
		}
		return dmn;
	}

	public static List<ParsedDecision> decisions(ParsedDmn dmn) {
		List<ParsedDecision> result = new ArrayList<>();
		CollectionConverters.asJava(dmn.decisions()).forEach(result::add);
		return result;
	}

	/**
	 * The decision's {@code <zeebe:versionTag value="..."/>} extension element, as
	 * Camunda Modeler writes it.
	 */
	public static String versionTag(ParsedDmn dmn, String decisionId) {
		ModelElementInstance decision = dmn.model().getModelElementById(decisionId);
		if (!(decision instanceof DmnElement element) || element.getExtensionElements() == null) {
			return null;
		}
		return element.getExtensionElements()
			.getDomElement()
			.getChildElements()
			.stream()
			.filter((child) -> ZEEBE_NS.equals(child.getNamespaceURI()) && "versionTag".equals(child.getLocalName()))
			.map((child) -> child.getAttribute("value"))
			.filter((value) -> value != null && !value.isBlank())
			.findFirst()
			.orElse(null);
	}

	public static String decisionType(ParsedDecision decision) {
		return decision.logic().getClass().getSimpleName().contains("DecisionTable") ? "DECISION_TABLE"
				: "LITERAL_EXPRESSION";
	}

	public void remember(long requirementsKey, ParsedDmn dmn) {
		this.parsedByRequirementsKey.put(requirementsKey, FeelExpressions.guarded(dmn));
	}

	/**
	 * The parsed DMN to evaluate, with the evaluation guards in its FEEL
	 * (docs/decisions/0260).
	 */
	public ParsedDmn parsed(long requirementsKey, java.util.function.Supplier<byte[]> xml) {
		return this.parsedByRequirementsKey.computeIfAbsent(requirementsKey,
				(key) -> FeelExpressions.guarded(parse("stored", xml.get())));
	}

	public DmnEngine engine() {
		return this.engine;
	}

	/**
	 * The parser's message for the client, without the Java exception types it names
	 * (e.g. a DmnModelException).
	 */
	private static String withoutJavaTypes(String message) {
		return message == null ? "" : JAVA_EXCEPTION_TYPE.matcher(message).replaceAll("");
	}

}

package fr.refactory.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DMN files follow brief §4 (decision ids, hit policies, input and output names) and
 * the conventions of {@code decisions/README.md} (DMN 1.3, a diagram shape per decision,
 * readable ids, a description on every rule).
 */
class DecisionModelConventionsTest {

	private static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";

	private static final String DMNDI13 = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

	/** Decision id → hit policy, input names and output names as brief §4 states them. */
	private static final Map<String, Spec> BRIEF = Map.ofEntries(
			spec("vin-validation", "FIRST", List.of("length", "charsetValid", "region", "checkDigitMatches"),
					List.of("vinStatus", "reason")),
			spec("intake-route", "FIRST",
					List.of("declaredProgram", "modelFamily", "powertrain", "ageYears", "mileageKm", "damageSeverity",
							"veProcedure", "hvBatteryDamageSuspected", "fireDamage", "floodDamage"),
					List.of("route", "routeReason", "expertFollowUpRequired", "economicCheckRequired")),
			spec("economic-decision", "FIRST",
					List.of("costRatio", "partsAvailability", "estimatedRepairDays", "marketValueEur"),
					List.of("decision", "reason", "slaRisk")),
			spec("retrofit-eligibility", "FIRST",
					List.of("category", "registeredInFranceDefinitive", "collectionRegistration", "engineIgnition",
							"firstRegistrationDate", "plannedConversionDate", "manufacturerAgreement",
							"variantInApprovalScope", "originalMaxPowerKw", "kitMotorPowerKw", "chassisCondition",
							"installerAuthorisationValid"),
					List.of("eligible", "reasonCode")),
			spec("retrofit-conformity", "COLLECT",
					List.of("massRatio", "axleShareDeltaPts", "frontAxleKg", "maxFrontAxleKg", "rearAxleKg",
							"maxRearAxleKg", "totalKg", "gvwrKg", "isolationDcOhmPerV", "isolationAcOhmPerV",
							"bondingOhm", "obdLampOff", "hvCablesOrange"),
					List.of("failureCode")),
			spec("hv-habilitation-required", "UNIQUE", List.of("vehicleHasHvSystem", "operationType"),
					List.of("requiredSymbol", "leadSymbol")),
			spec("hv-habilitation-check", "FIRST",
					List.of("heldSymbols", "titleExpiryDate", "lastRefresherDate", "operationDate"),
					List.of("claimAllowed", "refusalReason")),
			spec("battery-safety-class", "FIRST",
					List.of("smokeOrSmell", "temperatureRiseC", "swelling", "leakOrVent", "casingDamage",
							"bmsCommunicating", "crashHistory"),
					List.of("safetyClass", "handling")),
			spec("battery-disposition", "FIRST",
					List.of("safetyClass", "sohPct", "isolationOhmPerV", "cellSpreadMv", "faultyModules",
							"moduleRepairable", "repairLoopsDone"),
					List.of("disposition", "passportAction")),
			spec("core-acceptance", "FIRST",
					List.of("likeForLike", "fireOrWaterDamage", "corrosion", "priorRepairOrWelding", "housingCracked",
							"disassembled", "missingOrBrokenNonWearParts", "partNumberLegible"),
					List.of("grade", "creditPct", "reason")),
			spec("core-credit-timeliness", "FIRST", List.of("daysSinceExchangeSale", "core-acceptance"),
					List.of("grade", "creditPct", "reason")),
			spec("reman-component-disposition", "FIRST",
					List.of("componentClass", "crackDetected", "safetyCritical", "wearPct", "windingInsulationMOhm",
							"reconditionable"),
					List.of("disposition")),
			spec("harvested-part-disposition", "FIRST",
					List.of("partFamily", "conditionGrade", "remanProgramExists", "functionalTestPassed",
							"daysOfCover"),
					List.of("disposition")),
			spec("quality-verdict", "FIRST",
					List.of("subjectType", "maxSeverity", "safetyCharacteristicFailed", "reworkable", "reworkCount",
							"suspectMeasurement"),
					List.of("verdict", "containment")),
			spec("required-checks", "COLLECT", List.of("subjectType", "expertFollowUpRequired", "powertrain"),
					List.of("checkCode", "controlPlanVersion", "checkName", "safetyCharacteristic", "regulatory",
							"lowerLimit", "upperLimit", "unit", "failureSeverity", "reworkInstruction",
							"conformityFailureCodes")),
			// not a §4 table: the escalation ladders of issue 21, master data of the
			// process owners (ADR 0712)
			spec("escalation-ladder", "COLLECT", List.of("escalationLadder"),
					List.of("level", "delay", "candidateGroup")));

	record Spec(String hitPolicy, List<String> inputs, List<String> outputs) {
	}

	private static Map.Entry<String, Spec> spec(String id, String hitPolicy, List<String> inputs,
			List<String> outputs) {
		return Map.entry(id, new Spec(hitPolicy, inputs, outputs));
	}

	static List<Path> files() {
		return DecisionTables.dmnFiles();
	}

	@Test
	void shouldHoldExactlyTheDecisionsOfTheBriefWhenAllFilesAreRead() {
		Map<String, String> found = new TreeMap<>();
		for (Path file : files()) {
			for (Element decision : children(read(file).getDocumentElement(), "decision")) {
				if (DecisionTables.isParameters(decision.getAttribute("id"))) {
					continue;
				}
				found.put(decision.getAttribute("id"), hitPolicy(decision));
			}
		}
		Map<String, String> expected = new TreeMap<>();
		BRIEF.forEach((id, spec) -> expected.put(id, spec.hitPolicy()));

		assertThat(found).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void shouldFollowTheBriefAndTheConventionsWhenOpened(Path file) {
		Document dmn = read(file);
		Element definitions = dmn.getDocumentElement();
		String fileId = file.getFileName().toString().replace(".dmn", "");
		List<Element> decisions = children(definitions, "decision");

		assertThat(definitions.getNamespaceURI()).isEqualTo(DMN13);
		assertThat(decisions).extracting(d -> d.getAttribute("id")).as("file name is a decision id").contains(fileId);
		List<String> shapes = new ArrayList<>();
		NodeList shapeNodes = dmn.getElementsByTagNameNS(DMNDI13, "DMNShape");
		IntStream.range(0, shapeNodes.getLength())
			.forEach(i -> shapes.add(((Element) shapeNodes.item(i)).getAttribute("dmnElementRef")));

		for (Element decision : decisions) {
			String id = decision.getAttribute("id");
			assertThat(shapes).as("%s has a diagram shape", id).contains(id);
			if (DecisionTables.isParameters(id)) {
				assertParameters(decision, decisions);
				continue;
			}
			Spec spec = BRIEF.get(id);
			assertThat(decision.getAttribute("name")).as("%s has a name", id).isNotBlank();
			Element table = children(decision, "decisionTable").get(0);
			List<String> inputExpressions = new ArrayList<>();
			for (Element input : children(table, "input")) {
				inputExpressions.add(children(input, "inputExpression").get(0).getTextContent().strip());
			}
			for (String input : spec.inputs()) {
				assertThat(inputExpressions).as("%s reads input %s", id, input)
					.anyMatch(expression -> expression.contains(input));
			}
			assertThat(children(table, "output")).extracting(o -> o.getAttribute("name"))
				.as("%s outputs", id)
				.isEqualTo(spec.outputs());
			for (Element rule : children(table, "rule")) {
				String ruleId = rule.getAttribute("id");
				assertThat(ruleId).as("readable rule id in %s", id).matches("rule(-[a-z0-9]+)+");
				assertThat(children(rule, "description")).as("%s/%s has a description", id, ruleId)
					.singleElement()
					.satisfies(d -> assertThat(d.getTextContent()).isNotBlank());
			}
		}
		NodeList all = dmn.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			String elementId = ((Element) all.item(i)).getAttribute("id");
			assertThat(elementId).as("no generated modeler id").doesNotMatch(".*_[0-9a-z]{7}$");
		}
	}

	/**
	 * The tables whose thresholds are parameters a process owner changes on the models
	 * page (ADR 0324).
	 */
	private static final List<String> PARAMETERISED = List.of("battery-disposition", "retrofit-eligibility",
			"retrofit-conformity", "core-acceptance", "economic-decision", "intake-route", "battery-safety-class",
			"reman-component-disposition", "harvested-part-disposition", "quality-verdict");

	@ParameterizedTest(name = "{0}")
	@MethodSource("parameterised")
	void shouldReadItsThresholdsFromItsParametersDecisionWhenParameterised(String decisionId) {
		Path file = DecisionTables.folder().resolve(decisionId + ".dmn");
		List<Element> decisions = children(read(file).getDocumentElement(), "decision");

		assertThat(decisions).extracting(d -> d.getAttribute("id"))
			.contains(decisionId + DecisionTables.PARAMETERS_SUFFIX);
		Element decision = decisions.stream()
			.filter(d -> d.getAttribute("id").equals(decisionId))
			.findFirst()
			.orElseThrow();
		assertThat(children(decision, "informationRequirement"))
			.extracting(r -> children(r, "requiredDecision").get(0).getAttribute("href"))
			.contains("#" + decisionId + DecisionTables.PARAMETERS_SUFFIX);
	}

	/**
	 * No threshold is left as a literal in a parameterised table: once strings, parameter
	 * references and durations are taken out, an entry may only hold the structural
	 * numbers 0 and 1 ("no faulty module", "a repair loop done").
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("parameterised")
	void shouldHoldNoThresholdLiteralInItsRulesWhenParameterised(String decisionId) {
		Path file = DecisionTables.folder().resolve(decisionId + ".dmn");
		for (Element decision : children(read(file).getDocumentElement(), "decision")) {
			if (DecisionTables.isParameters(decision.getAttribute("id"))) {
				continue;
			}
			for (Element rule : children(children(decision, "decisionTable").get(0), "rule")) {
				List<Element> entries = new ArrayList<>(children(rule, "inputEntry"));
				entries.addAll(children(rule, "outputEntry"));
				for (Element entry : entries) {
					String text = entry.getTextContent()
						.strip()
						.replaceAll("\"[^\"]*\"", "")
						.replaceAll("`[^`]*`(\\.[A-Za-z]+)?", "");
					assertThat(Pattern.compile("\\d+(\\.\\d+)?").matcher(text).results().map(MatchResult::group))
						.as("%s/%s: %s", decisionId, rule.getAttribute("id"), entry.getTextContent().strip())
						.allMatch(number -> number.equals("0") || number.equals("1"));
				}
			}
		}
	}

	static List<String> parameterised() {
		return PARAMETERISED;
	}

	/**
	 * A parameters decision: no inputs, one rule, every output a number with its unit in
	 * the label ("… (%)") and its sane range as allowed values ({@code [min..max]}) that
	 * the value in force respects; its decision requires it.
	 */
	private static void assertParameters(Element parameters, List<Element> decisions) {
		String id = parameters.getAttribute("id");
		String owner = id.substring(0, id.length() - DecisionTables.PARAMETERS_SUFFIX.length());
		Element table = children(parameters, "decisionTable").get(0);
		assertThat(hitPolicy(parameters)).as("%s hit policy", id).isEqualTo("UNIQUE");
		assertThat(children(table, "input")).as("%s has no inputs", id).isEmpty();
		List<Element> rules = children(table, "rule");
		assertThat(rules).as("%s has one rule", id).hasSize(1);
		assertThat(rules.get(0).getAttribute("id")).isEqualTo("rule-" + id);
		List<Element> outputs = children(table, "output");
		List<Element> values = children(rules.get(0), "outputEntry");
		assertThat(values).hasSameSizeAs(outputs);
		for (int i = 0; i < outputs.size(); i++) {
			Element output = outputs.get(i);
			String name = output.getAttribute("name");
			assertThat(output.getAttribute("typeRef")).as("%s.%s type", id, name).isEqualTo("number");
			assertThat(output.getAttribute("label")).as("%s.%s label with unit", id, name).matches(".+ \\(.+\\)");
			String range = children(output, "outputValues").get(0).getTextContent().strip();
			Matcher bounds = Pattern.compile("\\[(-?[0-9.]+)\\.\\.(-?[0-9.]+)]").matcher(range);
			assertThat(bounds.matches()).as("%s.%s allowed values %s", id, name, range).isTrue();
			BigDecimal value = new BigDecimal(values.get(i).getTextContent().strip());
			assertThat(value).as("%s.%s in force", id, name)
				.isBetween(new BigDecimal(bounds.group(1)), new BigDecimal(bounds.group(2)));
		}
		Element required = decisions.stream().filter(d -> d.getAttribute("id").equals(owner)).findFirst().orElseThrow();
		assertThat(children(required, "informationRequirement")).as("%s requires %s", owner, id)
			.extracting(r -> children(r, "requiredDecision").get(0).getAttribute("href"))
			.contains("#" + id);
	}

	private static String hitPolicy(Element decision) {
		String hitPolicy = children(decision, "decisionTable").get(0).getAttribute("hitPolicy");
		return hitPolicy.isEmpty() ? "UNIQUE" : hitPolicy;
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && DMN13.equals(element.getNamespaceURI())
					&& localName.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static Document read(Path file) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			return factory.newDocumentBuilder().parse(file.toFile());
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot read " + file, e);
		}
	}

}

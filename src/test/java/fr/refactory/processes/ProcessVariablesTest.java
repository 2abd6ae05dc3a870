package fr.refactory.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Variables the models read exist. Every business-rule task must find the inputs of its
 * decision (domain brief §4) under exactly the brief's variable names: set by its own
 * input mappings, or produced in the process (output mappings, script results, form
 * fields, multi-instance elements, start-message payload), or inherited from a caller
 * (call activities propagate the parent's variables).
 */
class ProcessVariablesTest {

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

	private static final Set<String> D8_INPUTS = Set.of("likeForLike", "fireOrWaterDamage", "corrosion",
			"priorRepairOrWelding", "housingCracked", "daysSinceExchangeSale", "disassembled",
			"missingOrBrokenNonWearParts", "partNumberLegible");

	static final Map<String, Set<String>> DECISION_INPUTS = Map.ofEntries(
			Map.entry("vin-validation", Set.of("length", "charsetValid", "region", "checkDigitMatches")),
			Map.entry("intake-route",
					Set.of("declaredProgram", "modelFamily", "powertrain", "ageYears", "mileageKm", "damageSeverity",
							"veProcedure", "hvBatteryDamageSuspected", "fireDamage", "floodDamage")),
			Map.entry("economic-decision",
					Set.of("costRatio", "partsAvailability", "estimatedRepairDays", "marketValueEur")),
			Map.entry("retrofit-eligibility",
					Set.of("category", "registeredInFranceDefinitive", "collectionRegistration", "engineIgnition",
							"firstRegistrationDate", "plannedConversionDate", "manufacturerAgreement",
							"variantInApprovalScope", "originalMaxPowerKw", "kitMotorPowerKw", "chassisCondition",
							"installerAuthorisationValid")),
			Map.entry("retrofit-conformity",
					Set.of("massRatio", "axleShareDeltaPts", "frontAxleKg", "maxFrontAxleKg", "rearAxleKg",
							"maxRearAxleKg", "totalKg", "gvwrKg", "isolationDcOhmPerV", "isolationAcOhmPerV",
							"bondingOhm", "obdLampOff", "hvCablesOrange")),
			Map.entry("hv-habilitation-required", Set.of("vehicleHasHvSystem", "operationType")),
			Map.entry("battery-safety-class",
					Set.of("smokeOrSmell", "temperatureRiseC", "swelling", "leakOrVent", "casingDamage",
							"bmsCommunicating", "crashHistory")),
			Map.entry("battery-disposition",
					Set.of("safetyClass", "sohPct", "isolationOhmPerV", "cellSpreadMv", "faultyModules",
							"moduleRepairable", "repairLoopsDone")),
			Map.entry("core-acceptance", D8_INPUTS), Map.entry("core-credit-timeliness", D8_INPUTS),
			Map.entry("reman-component-disposition",
					Set.of("componentClass", "crackDetected", "safetyCritical", "wearPct", "windingInsulationMOhm",
							"reconditionable")),
			Map.entry("harvested-part-disposition",
					Set.of("partFamily", "conditionGrade", "remanProgramExists", "functionalTestPassed",
							"daysOfCover")),
			Map.entry("quality-verdict",
					Set.of("subjectType", "maxSeverity", "safetyCharacteristicFailed", "reworkable", "reworkCount",
							"suspectMeasurement")),
			Map.entry("required-checks", Set.of("subjectType", "expertFollowUpRequired", "powertrain")),
			Map.entry("escalation-ladder", Set.of("escalationLadder")));

	/** Payload of the start messages (§3.10, README message table). */
	static final Map<String, Set<String>> START_MESSAGE_VARIABLES = Map.of("vehicle-intake",
			Set.of("vin", "declaredProgram", "senderId"), "battery-triage",
			Set.of("batteryId", "hostVin", "suspectedDamage", "origin"), "remanufacture",
			Set.of("coreSerial", "partId", "partNumber", "partFamily", "donorVin", "origin"), "dismantling",
			Set.of("vin", "powertrain"));

	private static final Map<String, Document> MODELS = new HashMap<>();

	@BeforeAll
	static void readModels() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		for (Path file : ProcessModels.bpmnFiles().toList()) {
			MODELS.put(ProcessModels.processId(file), factory.newDocumentBuilder().parse(file.toFile()));
		}
	}

	@Test
	void shouldKnowTheInputsOfEveryBriefDecision() {
		assertThat(DECISION_INPUTS.keySet()).containsExactlyInAnyOrderElementsOf(ProcessModels.DECISION_IDS);
	}

	@Test
	void shouldCallEveryBriefDecision() {
		Set<String> called = new HashSet<>();
		MODELS.values()
			.forEach(d -> elements(d, ZEEBE_NS, "calledDecision")
				.forEach(e -> called.add(e.getAttribute("decisionId"))));

		Set<String> expected = new HashSet<>(ProcessModels.DECISION_IDS);
		expected.remove("core-acceptance"); // required decision of core-credit-timeliness
											// (ADR 0303)
		assertThat(called).containsAll(expected);
	}

	@Test
	void shouldProvideEveryDecisionInputUnderItsBriefName() {
		Map<String, Set<String>> available = new HashMap<>();
		MODELS.forEach((id, doc) -> available.put(id, produced(id, doc)));
		inheritFromCallers(available);
		List<String> missing = new ArrayList<>();

		MODELS.forEach((id, doc) -> {
			for (Element task : elements(doc, BPMN_NS, "businessRuleTask")) {
				Element decision = elements(task, ZEEBE_NS, "calledDecision").get(0);
				Set<String> inScope = new HashSet<>(available.get(id));
				elements(task, ZEEBE_NS, "input").forEach(i -> inScope.add(i.getAttribute("target")));
				for (String input : DECISION_INPUTS.get(decision.getAttribute("decisionId"))) {
					if (!inScope.contains(input)) {
						missing.add(id + "#" + task.getAttribute("id") + " lacks " + input);
					}
				}
			}
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void shouldBranchOnlyOnVariablesTheProcessProvides() {
		Map<String, Set<String>> available = new HashMap<>();
		MODELS.forEach((id, doc) -> available.put(id, produced(id, doc)));
		inheritFromCallers(available);
		FeelEngineApi feel = FeelEngineBuilder.forJava().build();
		List<String> unknown = new ArrayList<>();

		MODELS.forEach((id, doc) -> {
			for (Element condition : elements(doc, BPMN_NS, "conditionExpression")) {
				Element flow = (Element) condition.getParentNode();
				ParseResult parsed = feel.parseExpression(condition.getTextContent().trim().substring(1));
				for (String variable : parsed.getVariableNames()) {
					if (!available.get(id).contains(variable)) {
						unknown.add(id + "#" + flow.getAttribute("id") + " reads unknown " + variable);
					}
				}
			}
		});
		assertThat(unknown).isEmpty();
	}

	private static Set<String> produced(String processId, Document doc) {
		Set<String> vars = new HashSet<>(START_MESSAGE_VARIABLES.getOrDefault(processId, Set.of()));
		elements(doc, ZEEBE_NS, "output").forEach(o -> vars.add(o.getAttribute("target")));
		elements(doc, ZEEBE_NS, "script").forEach(s -> vars.add(s.getAttribute("resultVariable")));
		elements(doc, ZEEBE_NS, "loopCharacteristics").forEach(l -> vars.add(l.getAttribute("inputElement")));
		for (Element sub : elements(doc, BPMN_NS, "subProcess")) {
			elements(sub, ZEEBE_NS, "input").forEach(i -> vars.add(i.getAttribute("target")));
		}
		for (Element form : elements(doc, ZEEBE_NS, "formDefinition")) {
			collectKeys(FormsTest.read(ProcessModels.FORMS.resolve(form.getAttribute("formId") + ".form"))
				.path("components"), vars);
		}
		return vars;
	}

	private static void inheritFromCallers(Map<String, Set<String>> available) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Map.Entry<String, Document> caller : MODELS.entrySet()) {
				for (Element call : elements(caller.getValue(), BPMN_NS, "callActivity")) {
					String callee = elements(call, ZEEBE_NS, "calledElement").get(0).getAttribute("processId");
					Set<String> passed = new HashSet<>(available.get(caller.getKey()));
					elements(call, ZEEBE_NS, "input").forEach(i -> passed.add(i.getAttribute("target")));
					changed |= available.get(callee).addAll(passed);
				}
			}
		}
	}

	private static void collectKeys(JsonNode components, Set<String> into) {
		for (JsonNode c : components) {
			if (c.hasNonNull("key")) {
				into.add(c.path("key").asText());
			}
			collectKeys(c.path("components"), into);
		}
	}

	private static List<Element> elements(Object parent, String ns, String name) {
		NodeList list = parent instanceof Document d ? d.getElementsByTagNameNS(ns, name)
				: ((Element) parent).getElementsByTagNameNS(ns, name);
		List<Element> result = new ArrayList<>();
		for (int i = 0; i < list.getLength(); i++) {
			result.add((Element) list.item(i));
		}
		return result;
	}

}

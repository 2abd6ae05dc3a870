package fr.refactory.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DMN files follow brief §4 (decision ids, hit policies, input and output names) and the conventions of
 * {@code decisions/README.md} (DMN 1.3, a diagram shape per decision, readable ids, a description on every rule).
 */
class DecisionModelConventionsTest {

    private static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String DMNDI13 = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

    /** Decision id → hit policy, input names and output names as brief §4 states them. */
    private static final Map<String, Spec> BRIEF = Map.ofEntries(
            spec("vin-validation", "FIRST", List.of("length", "charsetValid", "region", "checkDigitMatches"), List.of("vinStatus", "reason")),
            spec("intake-route", "FIRST", List.of("declaredProgram", "modelFamily", "powertrain", "ageYears", "mileageKm", "damageSeverity",
                    "veProcedure", "hvBatteryDamageSuspected", "fireDamage", "floodDamage"),
                    List.of("route", "routeReason", "expertFollowUpRequired", "economicCheckRequired")),
            spec("economic-decision", "FIRST", List.of("costRatio", "partsAvailability", "estimatedRepairDays", "marketValueEur"),
                    List.of("decision", "reason", "slaRisk")),
            spec("retrofit-eligibility", "FIRST", List.of("category", "registeredInFranceDefinitive", "collectionRegistration", "engineIgnition",
                    "firstRegistrationDate", "plannedConversionDate", "manufacturerAgreement", "variantInApprovalScope", "originalMaxPowerKw",
                    "kitMotorPowerKw", "chassisCondition", "installerAuthorisationValid"), List.of("eligible", "reasonCode")),
            spec("retrofit-conformity", "COLLECT", List.of("massRatio", "axleShareDeltaPts", "frontAxleKg", "maxFrontAxleKg", "rearAxleKg",
                    "maxRearAxleKg", "totalKg", "gvwrKg", "isolationDcOhmPerV", "isolationAcOhmPerV", "bondingOhm", "obdLampOff", "hvCablesOrange"),
                    List.of("failureCode")),
            spec("hv-habilitation-required", "UNIQUE", List.of("vehicleHasHvSystem", "operationType"), List.of("requiredSymbol", "leadSymbol")),
            spec("hv-habilitation-check", "FIRST", List.of("heldSymbols", "titleExpiryDate", "lastRefresherDate", "operationDate"),
                    List.of("claimAllowed", "refusalReason")),
            spec("battery-safety-class", "FIRST", List.of("smokeOrSmell", "temperatureRiseC", "swelling", "leakOrVent", "casingDamage",
                    "bmsCommunicating", "crashHistory"), List.of("safetyClass", "handling")),
            spec("battery-disposition", "FIRST", List.of("safetyClass", "sohPct", "isolationOk", "cellSpreadMv", "faultyModules",
                    "moduleRepairable", "repairLoopsDone"), List.of("disposition", "passportAction")),
            spec("core-acceptance", "FIRST", List.of("likeForLike", "fireOrWaterDamage", "corrosion", "priorRepairOrWelding", "housingCracked",
                    "disassembled", "missingOrBrokenNonWearParts", "partNumberLegible"), List.of("grade", "creditPct", "reason")),
            spec("core-credit-timeliness", "FIRST", List.of("daysSinceExchangeSale", "core-acceptance"), List.of("grade", "creditPct", "reason")),
            spec("reman-component-disposition", "FIRST", List.of("componentClass", "crackDetected", "safetyCritical", "wearPct",
                    "windingInsulationMOhm", "reconditionable"), List.of("disposition")),
            spec("harvested-part-disposition", "FIRST", List.of("partFamily", "conditionGrade", "remanProgramExists", "functionalTestPassed",
                    "daysOfCover"), List.of("disposition")),
            spec("quality-verdict", "FIRST", List.of("subjectType", "maxSeverity", "safetyCharacteristicFailed", "reworkable", "reworkCount",
                    "concessionAvailable", "suspectMeasurement"), List.of("verdict", "containment")),
            spec("required-checks", "COLLECT", List.of("subjectType", "expertFollowUpRequired", "powertrain"),
                    List.of("checkCode", "controlPlanVersion", "checkName", "safetyCharacteristic", "regulatory", "lowerLimit",
                            "upperLimit", "unit", "failureSeverity", "reworkInstruction", "conformityFailureCodes")));

    record Spec(String hitPolicy, List<String> inputs, List<String> outputs) {
    }

    private static Map.Entry<String, Spec> spec(String id, String hitPolicy, List<String> inputs, List<String> outputs) {
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
        IntStream.range(0, shapeNodes.getLength()).forEach(i -> shapes.add(((Element) shapeNodes.item(i)).getAttribute("dmnElementRef")));

        for (Element decision : decisions) {
            String id = decision.getAttribute("id");
            Spec spec = BRIEF.get(id);
            assertThat(shapes).as("%s has a diagram shape", id).contains(id);
            assertThat(decision.getAttribute("name")).as("%s has a name", id).isNotBlank();
            Element table = children(decision, "decisionTable").get(0);
            List<String> inputExpressions = new ArrayList<>();
            for (Element input : children(table, "input")) {
                inputExpressions.add(children(input, "inputExpression").get(0).getTextContent().strip());
            }
            for (String input : spec.inputs()) {
                assertThat(inputExpressions).as("%s reads input %s", id, input).anyMatch(expression -> expression.contains(input));
            }
            assertThat(children(table, "output")).extracting(o -> o.getAttribute("name")).as("%s outputs", id).isEqualTo(spec.outputs());
            for (Element rule : children(table, "rule")) {
                String ruleId = rule.getAttribute("id");
                assertThat(ruleId).as("readable rule id in %s", id).matches("rule(-[a-z0-9]+)+");
                assertThat(children(rule, "description")).as("%s/%s has a description", id, ruleId)
                        .singleElement().satisfies(d -> assertThat(d.getTextContent()).isNotBlank());
            }
        }
        NodeList all = dmn.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String elementId = ((Element) all.item(i)).getAttribute("id");
            assertThat(elementId).as("no generated modeler id").doesNotMatch(".*_[0-9a-z]{7}$");
        }
    }

    private static String hitPolicy(Element decision) {
        String hitPolicy = children(decision, "decisionTable").get(0).getAttribute("hitPolicy");
        return hitPolicy.isEmpty() ? "UNIQUE" : hitPolicy;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && DMN13.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName())) {
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
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}

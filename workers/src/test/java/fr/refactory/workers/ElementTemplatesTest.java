package fr.refactory.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.refactory.workers.support.JobContract;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The element templates in {@code processes/element-templates/} are generated from the workers' {@link JobContract}s
 * by this test, which runs in every build (ADR 0800): a template that differs from its declaration is rewritten and
 * the build fails until the new file is committed.
 */
class ElementTemplatesTest {

	static final Path DIRECTORY = Path.of("processes", "element-templates");

	private static final Pattern CATALOGUE_ROW = Pattern.compile(
			"^\\| `([a-zA-Z]+\\.[a-zA-Z]+)`[^|]*\\|[^|]*\\|([^|]*)\\|[^|]*\\|([^|]*)\\|([^|]*)\\|$", Pattern.MULTILINE);

	@Test
	void everyWorkerDeclaresItsContractWithUniqueVariableNames() {
		for (Class<?> type : JobTypeCoverageTest.workerClasses()) {
			Arrays.stream(type.getDeclaredMethods()).filter((m) -> m.isAnnotationPresent(JobWorker.class)).forEach((m) -> {
				JobContract contract = m.getAnnotation(JobContract.class);
				assertThat(contract).as("@JobContract on %s", m).isNotNull();
				assertThat(contract.description()).as("description of %s", m).isNotBlank();
				assertUnique(m + " inputs", Arrays.stream(contract.inputs()).map(JobContract.Var::name).toList());
				assertUnique(m + " outputs", Arrays.stream(contract.outputs()).map(JobContract.Var::name).toList());
				assertUnique(m + " headers", Arrays.stream(contract.headers()).map(JobContract.Header::key).toList());
			});
		}
	}

	@Test
	void everyJobTypeHasItsGeneratedTemplateAndNoOtherTemplateIsKept() throws IOException {
		Map<String, ObjectNode> generated = ElementTemplates.ofWorkers();
		assertThat(generated.keySet()).as("templates generated").isEqualTo(JobTypeCoverageTest.workerMethodsByType().keySet());
		Files.createDirectories(DIRECTORY);
		List<String> rewritten = new ArrayList<>();
		for (Map.Entry<String, ObjectNode> template : generated.entrySet()) {
			Path file = DIRECTORY.resolve(template.getKey() + ".json");
			String json = ElementTemplates.json(template.getValue());
			if (!Files.exists(file) || !Files.readString(file).equals(json)) {
				Files.writeString(file, json);
				rewritten.add(file.toString());
			}
		}
		assertThat(rewritten).as("templates that did not match their worker's @JobContract (now regenerated: commit them)")
			.isEmpty();
		assertThat(templateFiles()).as("template files").containsExactlyInAnyOrderElementsOf(
				generated.keySet().stream().map((type) -> type + ".json").toList());
	}

	@Test
	void everyTemplateIsValid() throws IOException {
		for (String name : templateFiles()) {
			JsonNode template = ElementTemplates.JSON.readTree(DIRECTORY.resolve(name).toFile());
			assertThat(ElementTemplateRules.problems(template)).as("problems of %s", name).isEmpty();
		}
		assertThat(templateFiles()).hasSizeGreaterThan(50);
	}

	@Test
	void everyTemplateValidatesAgainstCamundasSchema() throws IOException {
		for (String name : templateFiles()) {
			JsonNode template = ElementTemplates.JSON.readTree(DIRECTORY.resolve(name).toFile());
			assertThat(ElementTemplateSchema.problems(template)).as("schema problems of %s", name).isEmpty();
		}
	}

	/** A template Modeler would refuse: no id, an element type without namespace, a property type it does not know. */
	@Test
	void theSchemaRefusesABrokenTemplate() {
		ObjectNode broken = ElementTemplates.ofWorkers().get("mes.setStatus").deepCopy();
		broken.remove("id");
		broken.putObject("elementType").put("value", "ServiceTask");
		((ObjectNode) broken.get("properties").get(0)).put("type", "Combo");

		assertThat(ElementTemplateSchema.problems(broken)).anyMatch((p) -> p.contains("required property 'id'"))
			.anyMatch((p) -> p.contains("elementType.value"))
			.anyMatch((p) -> p.contains("properties[0].type"));
	}

	@Test
	void theRulesRefuseABrokenTemplate() {
		ObjectNode broken = ElementTemplates.ofWorkers().get("mes.setStatus").deepCopy();
		broken.remove("id");
		broken.putObject("elementType").put("value", "ServiceTask");
		((ObjectNode) broken.get("properties").get(0)).put("type", "Combo");
		broken.withArray("properties").addObject().put("type", "Dropdown").putObject("binding").put("type", "zeebe:input");

		assertThat(ElementTemplateRules.problems(broken)).contains("missing id",
				"invalid item for \"elementType\", should contain namespaced property, example: \"bpmn:Task\"")
			.anyMatch((p) -> p.contains("unknown property type Combo"))
			.anyMatch((p) -> p.contains("must provide choices=[]"))
			.anyMatch((p) -> p.contains("zeebe:input requires name"));
	}

	/** The templates offer what the models read: the catalogue's headers, outputs and caught errors. */
	@Test
	void everyContractCoversWhatTheModelsUse() throws IOException {
		Map<String, JobContract> contracts = contracts();
		Matcher row = CATALOGUE_ROW.matcher(Files.readString(Path.of("docs", "processes-job-catalogue.md")));
		int rows = 0;
		while (row.find()) {
			rows++;
			JobContract contract = contracts.get(row.group(1));
			assertThat(contract).as("contract of %s", row.group(1)).isNotNull();
			assertThat(Arrays.stream(contract.headers()).map(JobContract.Header::key).toList())
				.as("headers of %s", row.group(1)).containsAll(names(row.group(2), "`(\\w+)="));
			assertThat(Arrays.stream(contract.outputs()).map(JobContract.Var::name).toList())
				.as("outputs of %s", row.group(1)).containsAll(names(row.group(3), "`(\\w+)`"));
			assertThat(contract.errors()).as("errors of %s", row.group(1)).contains(names(row.group(4), "`(\\w+)`").toArray(String[]::new));
		}
		assertThat(rows).isEqualTo(contracts.size());
	}

	/** Our own models use the templates, so Modeler shows their tasks as the jobs they are. */
	@Test
	void everyServiceAndSendTaskOfTheModelsUsesItsJobTypesTemplate() throws IOException {
		Map<String, ObjectNode> templates = ElementTemplates.ofWorkers();
		int tasks = 0;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
					ModelElementInstance task = definition.getParentElement().getParentElement();
					ObjectNode template = templates.get(definition.getType());
					String where = file.getFileName() + "#" + task.getAttributeValue("id");
					assertThat(task.getAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplate")).as(where)
						.isEqualTo(template.get("id").asText());
					assertThat(task.getAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateVersion")).as(where)
						.isEqualTo(template.get("version").asText());
					assertThat("bpmn:" + task.getElementType().getTypeName()).as(where)
						.isEqualToIgnoringCase(template.get("elementType").get("value").asText());
					tasks++;
				}
			}
		}
		assertThat(tasks).isGreaterThan(90);
	}

	private static Map<String, JobContract> contracts() {
		Map<String, JobContract> contracts = new TreeMap<>();
		for (Class<?> type : JobTypeCoverageTest.workerClasses()) {
			Arrays.stream(type.getDeclaredMethods()).filter((m) -> m.isAnnotationPresent(JobContract.class))
				.forEach((m) -> contracts.put(m.getAnnotation(JobWorker.class).type(), m.getAnnotation(JobContract.class)));
		}
		return contracts;
	}

	private static Set<String> names(String cell, String regex) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile(regex).matcher(cell);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static void assertUnique(String what, List<String> names) {
		assertThat(names).as(what).doesNotHaveDuplicates();
	}

	static List<String> templateFiles() throws IOException {
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.map((f) -> f.getFileName().toString()).filter((f) -> f.endsWith(".json")).sorted().toList();
		}
	}

}

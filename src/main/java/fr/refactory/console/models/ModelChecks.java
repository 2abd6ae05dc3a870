package fr.refactory.console.models;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.console.form.FormSupport;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.ParseResult;

import org.springframework.stereotype.Component;

/**
 * Checks model files before anything is deployed: they parse, follow Zeebe's design-time
 * rules, every FEEL expression parses, referenced decisions, forms and called processes
 * exist (in the upload or already deployed), forms use only components the console
 * renders (ADR 1402), and the plant's lint rules hold (ADR 1400: candidate group and form
 * on user tasks, job types a worker or template knows, timer units). Every problem names
 * file, element and reason.
 */
@Component
class ModelChecks {

	private final CamundaClient client;

	private final ApplicationJobTypes jobTypes;

	private final ModelDeploymentReport report;

	private final FeelEngineApi feel;

	private final ElementTemplateBundle templates;

	private final ObjectMapper json = new ObjectMapper();

	ModelChecks(@ConsoleClient CamundaClient client, ApplicationJobTypes jobTypes, ModelDeploymentReport report,
			FeelEngineApi feel, ElementTemplateBundle templates) {
		this.client = client;
		this.templates = templates;
		this.feel = feel;
		this.jobTypes = jobTypes;
		this.report = report;
	}

	List<ModelProblem> check(List<ModelFile> files) {
		List<ModelProblem> problems = new ArrayList<>();
		Upload upload = new Upload(new HashSet<>(), new HashSet<>(), new HashSet<>());
		List<Parsed> parsed = new ArrayList<>();
		for (ModelFile file : files) {
			switch (file.kind()) {
				case "bpmn" -> parseBpmn(file, problems, upload).ifPresent(parsed::add);
				case "dmn" -> parseDmn(file, problems, upload);
				case "form" -> parseForm(file, problems, upload);
				default ->
					problems.add(new ModelProblem(file.name(), "", "Only .bpmn, .dmn and .form files can be deployed"));
			}
		}
		parsed.forEach((model) -> checkBpmn(model, upload, problems));
		return problems;
	}

	private java.util.Optional<Parsed> parseBpmn(ModelFile file, List<ModelProblem> problems, Upload upload) {
		try {
			BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
			model.getModelElementsByType(Process.class).forEach((process) -> upload.processes().add(process.getId()));
			return java.util.Optional.of(new Parsed(file, model));
		}
		catch (RuntimeException ex) {
			problems.add(new ModelProblem(file.name(), "", "The BPMN XML cannot be read: " + rootMessage(ex)));
			return java.util.Optional.empty();
		}
	}

	private void parseDmn(ModelFile file, List<ModelProblem> problems, Upload upload) {
		try {
			Dmn.readModelFromStream(new ByteArrayInputStream(file.content()))
				.getModelElementsByType(Decision.class)
				.forEach((decision) -> upload.decisions().add(decision.getId()));
		}
		catch (RuntimeException ex) {
			problems.add(new ModelProblem(file.name(), "", "The DMN XML cannot be read: " + rootMessage(ex)));
		}
	}

	private void parseForm(ModelFile file, List<ModelProblem> problems, Upload upload) {
		try {
			JsonNode form = this.json.readTree(file.content());
			if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
				problems.add(new ModelProblem(file.name(), "", "A Camunda Form needs an \"id\""));
				return;
			}
			FormSupport.problems(form).forEach((problem) -> problems.add(new ModelProblem(file.name(), "", problem)));
			upload.forms().add(form.path("id").asText());
		}
		catch (java.io.IOException ex) {
			problems.add(new ModelProblem(file.name(), "", "The form is not valid JSON: " + ex.getMessage()));
		}
	}

	private void checkBpmn(Parsed parsed, Upload upload, List<ModelProblem> problems) {
		String name = parsed.file().name();
		parsed.model()
			.validate(ZeebeDesignTimeValidators.VALIDATORS)
			.getResults()
			.forEach((element, results) -> results.stream()
				.filter((result) -> result.getType() == ValidationResultType.ERROR)
				.forEach((result) -> problems.add(new ModelProblem(name, idOf(element), result.getMessage()))));
		BpmnReferences references = BpmnReferences.of(parsed.model(), parsed.file().text());
		references.expressions().forEach((expression) -> {
			ParseResult result = this.feel.parseExpression(expression.text().substring(1));
			if (!result.isSuccess()) {
				problems.add(new ModelProblem(name, expression.element(), "The FEEL expression '" + expression.text()
						+ "' does not parse: " + result.failure().message()));
			}
		});
		references.decisions().forEach((id, element) -> {
			if (id == null || id.isBlank()) {
				problems.add(new ModelProblem(name, element, "The called decision's id is empty"));
			}
			else if (!upload.decisions().contains(id) && !decisionDeployed(id)) {
				problems.add(new ModelProblem(name, element, "Decision '" + id + "' is neither uploaded nor deployed"));
			}
		});
		references.forms().forEach((id, element) -> {
			if (!upload.forms().contains(id) && !this.report.isFormDeployed(id)) {
				problems.add(new ModelProblem(name, element, "Form '" + id + "' is neither uploaded nor deployed"));
			}
		});
		references.processes().forEach((id, element) -> {
			if (id == null || id.isBlank()) {
				problems.add(new ModelProblem(name, element, "The called process's id is empty"));
			}
			else if (!upload.processes().contains(id) && !processDeployed(id)) {
				problems.add(new ModelProblem(name, element,
						"Called process '" + id + "' is neither uploaded nor deployed"));
			}
		});
		new ModelLint(knownJobTypes()).lint(parsed.model())
			.forEach((finding) -> problems
				.add(new ModelProblem(name, finding.element(), finding.message() + " (rule " + finding.rule() + ")")));
	}

	private Set<String> knownJobTypes() {
		Set<String> known = new HashSet<>(this.jobTypes.all());
		known.addAll(this.templates.jobTypes());
		return known;
	}

	private boolean decisionDeployed(String decisionId) {
		return !this.client.newDecisionDefinitionSearchRequest()
			.filter((filter) -> filter.decisionDefinitionId(decisionId))
			.send()
			.join()
			.items()
			.isEmpty();
	}

	private boolean processDeployed(String processId) {
		return !this.client.newProcessDefinitionSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.isEmpty();
	}

	private static String idOf(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
		return element instanceof BaseElement base && base.getId() != null ? base.getId() : "";
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	private record Parsed(ModelFile file, BpmnModelInstance model) {
	}

	private record Upload(Set<String> processes, Set<String> decisions, Set<String> forms) {
	}

}

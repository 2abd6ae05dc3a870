package fr.refactory.console.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.PlantCalendar;
import fr.refactory.records.PlantCalendarRefusal;
import fr.refactory.records.PlantCalendars;
import fr.refactory.system.diagram.DiagramJson;
import fr.refactory.system.diagram.HeatMap;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process owners' page: what is deployed and how many instances run on each version,
 * check and deploy new model files, and compare two versions of a process. Everything
 * goes through the Camunda client.
 */
@Controller
class ModelsController {

	private final CamundaClient client;

	private final ModelChecks checks;

	private final ModelDeploymentReport report;

	private static final Duration PAGE_REQUEST_TIMEOUT = Duration.ofMinutes(1);

	private static final int RUNNING_INSTANCES_PAGE = 1000;

	private final AuditLog auditLog;

	private final ModelDeployments deployments;

	private final DecisionParameters parameters;

	private final ElementTemplateBundle elementTemplates;

	private final PlantCalendars calendars;

	private final Clock clock;

	private final VersionHeat heat;

	private final ObjectMapper json;

	ModelsController(@ConsoleClient CamundaClient client, ModelChecks checks, ModelDeploymentReport report,
			AuditLog auditLog, ModelDeployments deployments, DecisionParameters parameters,
			ElementTemplateBundle elementTemplates, PlantCalendars calendars, ObjectProvider<Clock> clock,
			VersionHeat heat, ObjectMapper json) {
		this.heat = heat;
		this.json = json;
		this.parameters = parameters;
		this.elementTemplates = elementTemplates;
		this.calendars = calendars;
		this.clock = clock.getIfUnique(Clock::systemUTC);
		this.client = client;
		this.checks = checks;
		this.report = report;
		this.auditLog = auditLog;
		this.deployments = deployments;
	}

	@GetMapping("/models")
	String models(Model model) {
		model.addAttribute("processes", processVersions());
		model.addAttribute("decisions",
				this.client.newDecisionDefinitionSearchRequest()
					.sort((sort) -> sort.decisionDefinitionId().asc())
					.page((page) -> page.limit(500))
					.send()
					.join()
					.items());
		model.addAttribute("startup", this.report.outcomes());
		List<AuditEntry> deploymentEntries = this.auditLog.withAction(ModelDeployments.ACTION);
		model.addAttribute("deployments",
				deploymentEntries.stream()
					.filter((entry) -> !ModelDeployments.APPLICATION.equals(entry.actor()))
					.toList());
		ModelVersionHistory history = ModelVersionHistory.of(deploymentEntries);
		model.addAttribute("history", history);
		model.addAttribute("forms", history.forms());
		model.addAttribute("parameters", this.parameters.inForce());
		model.addAttribute("parameterChanges", this.auditLog.withAction(DecisionParameters.ACTION));
		model.addAttribute("elementTemplateCount", this.elementTemplates.templates().size());
		PlantCalendar calendar = this.calendars.current();
		int year = LocalDate.ofInstant(this.clock.instant(), calendar.zone()).getYear();
		model.addAttribute("calendar", calendar);
		model.addAttribute("calendarHolidays",
				Stream.concat(calendar.holidaysIn(year).stream(), calendar.holidaysIn(year + 1).stream()).toList());
		model.addAttribute("calendarChanges", this.auditLog.withAction(PlantCalendars.ACTION));
		return "console/models";
	}

	/**
	 * Every job type's element template in one file, for Modeler's
	 * {@code resources/element-templates/} folder.
	 */
	@GetMapping(path = "/models/element-templates.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ArrayNode> elementTemplates() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("refactory-element-templates.json").build().toString())
			.body(this.elementTemplates.templates());
	}

	@GetMapping("/models/processes/{key}")
	String diagram(@PathVariable long key, Model model) {
		ProcessDefinition definition = definition(key);
		model.addAttribute("definition", definition);
		HeatMap heat = this.heat.of(key);
		model.addAttribute("diagramXml", xml(key));
		model.addAttribute("heatMap", DiagramJson.write(this.json, heat));
		model.addAttribute("counts", new java.util.TreeMap<>(heat.counts()));
		model.addAttribute("newest", newerVersion(definition));
		return "console/model-diagram";
	}

	@GetMapping("/models/compare")
	String compare(@RequestParam long from, @RequestParam long to, Model model) {
		ProcessDefinition before = definition(from);
		ProcessDefinition after = definition(to);
		model.addAttribute("before", before);
		model.addAttribute("after", after);
		model.addAttribute("diff", ModelDiff.between(xml(from), xml(to)));
		return "console/model-compare";
	}

	@PostMapping("/models/deploy")
	String deploy(@RequestParam("files") List<MultipartFile> uploads, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<ModelFile> files = uploads.stream()
			.filter((upload) -> !upload.isEmpty())
			.map(ModelsController::toModelFile)
			.toList();
		List<ModelProblem> problems = files.isEmpty()
				? List.of(new ModelProblem("", "", "Choose at least one .bpmn, .dmn or .form file"))
				: new ArrayList<>(this.checks.check(files));
		DeploymentEvent deployment = problems.isEmpty() ? deployAll(files, principal.getName(), problems) : null;
		if (deployment == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("problems", problems);
			return models(model);
		}
		redirect.addFlashAttribute("deployed", DeployedVersions.of(deployment));
		return "redirect:/models";
	}

	@PostMapping("/models/parameters")
	String changeParameter(@RequestParam String decisionId, @RequestParam long decisionKey, @RequestParam String name,
			@RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String reason,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		DecisionParameters.Outcome outcome = this.parameters
			.change(new ParameterChange(decisionId, decisionKey, name, value, reason), principal.getName());
		if (!outcome.changed()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("parameterProblems", outcome.problems());
			model.addAttribute("parameterForm", new ParameterChange(decisionId, decisionKey, name, value, reason));
			return models(model);
		}
		redirect.addFlashAttribute("parameterChanged",
				name + " = " + value.strip() + " (" + String.join(", ", outcome.deployed()) + ")");
		return "redirect:/models#parameters";
	}

	/**
	 * A process owner closes the plant on a day (ADR 0700); audited, or refused naming
	 * the field.
	 */
	@PostMapping("/models/calendar/closures")
	String addClosureDay(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String reason,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeCalendar(day, reason, model, response, redirect,
				(date) -> this.calendars.addClosureDay(date, reason, principal.getName()), "closed");
	}

	/**
	 * A process owner opens the plant again on a closure day (ADR 0700); audited, or
	 * refused naming the field.
	 */
	@PostMapping("/models/calendar/closures/removal")
	String removeClosureDay(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String reason,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return changeCalendar(day, reason, model, response, redirect,
				(date) -> this.calendars.removeClosureDay(date, reason, principal.getName()), "open again");
	}

	private String changeCalendar(String day, String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Consumer<LocalDate> change, String outcome) {
		try {
			LocalDate date = parseDay(day);
			change.accept(date);
			redirect.addFlashAttribute("calendarChanged", date + " " + outcome);
			return "redirect:/models#calendar";
		}
		catch (PlantCalendarRefusal refusal) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("calendarProblems",
					List.of(new ModelProblem("", refusal.field(), refusal.getMessage())));
			model.addAttribute("calendarForm", Map.of("day", day, "reason", reason));
			return models(model);
		}
	}

	private static LocalDate parseDay(String day) {
		try {
			return LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException ex) {
			throw new PlantCalendarRefusal("day", "Enter the day as a date, e.g. 2027-08-13, not '" + day + "'");
		}
	}

	private DeploymentEvent deployAll(List<ModelFile> files, String user, List<ModelProblem> problems) {
		try {
			return this.deployments.deploy(files, user, PAGE_REQUEST_TIMEOUT, false);
		}
		catch (ProblemException ex) {
			problems.add(new ModelProblem("", "", ex.details() != null ? ex.details().getDetail() : ex.getMessage()));
			return null;
		}
	}

	private List<ProcessVersionRow> processVersions() {
		List<ProcessDefinition> definitions = this.client.newProcessDefinitionSearchRequest()
			.sort((sort) -> sort.processDefinitionId().asc().version().desc())
			.page((page) -> page.limit(500))
			.send()
			.join()
			.items();
		Map<Long, Long> running = runningInstancesByDefinition();
		Map<String, Long> keyOfVersion = new HashMap<>();
		definitions.forEach(
				(definition) -> keyOfVersion.put(definition.getProcessDefinitionId() + " v" + definition.getVersion(),
						definition.getProcessDefinitionKey()));
		return definitions.stream()
			.map((definition) -> new ProcessVersionRow(definition.getProcessDefinitionKey(),
					definition.getProcessDefinitionId(), definition.getName(), definition.getVersion(),
					definition.getResourceName(), running.getOrDefault(definition.getProcessDefinitionKey(), 0L),
					keyOfVersion.get(definition.getProcessDefinitionId() + " v" + (definition.getVersion() - 1))))
			.toList();
	}

	/**
	 * The running instances counted per version from one paged search of the active
	 * instances, not one count request per version: with a few hundred versions the page
	 * took seconds (ADR 0473).
	 */
	private Map<Long, Long> runningInstancesByDefinition() {
		Map<Long, Long> running = new HashMap<>();
		int from = 0;
		List<ProcessInstance> page;
		do {
			int offset = from;
			page = this.client.newProcessInstanceSearchRequest()
				.filter((filter) -> filter.state(ProcessInstanceState.ACTIVE))
				.sort((sort) -> sort.processInstanceKey().asc())
				.page((request) -> request.from(offset).limit(RUNNING_INSTANCES_PAGE))
				.send()
				.join()
				.items();
			page.forEach((instance) -> running.merge(instance.getProcessDefinitionKey(), 1L, Long::sum));
			from += page.size();
		}
		while (page.size() == RUNNING_INSTANCES_PAGE);
		return running;
	}

	/**
	 * The newest version of the same process when it is not this one (a migration
	 * target), else null.
	 */
	private ProcessDefinition newerVersion(ProcessDefinition definition) {
		ProcessDefinition newest = this.client.newProcessDefinitionSearchRequest()
			.filter((filter) -> filter.processDefinitionId(definition.getProcessDefinitionId()))
			.sort((sort) -> sort.version().desc())
			.page((page) -> page.limit(1))
			.send()
			.join()
			.items()
			.get(0);
		return newest.getVersion() > definition.getVersion() ? newest : null;
	}

	private ProcessDefinition definition(long key) {
		try {
			return this.client.newProcessDefinitionGetRequest(key).send().join();
		}
		catch (ProblemException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No process definition with key " + key);
		}
	}

	private String xml(long key) {
		return this.client.newProcessDefinitionGetXmlRequest(key).send().join();
	}

	private static ModelFile toModelFile(MultipartFile upload) {
		try {
			return new ModelFile(upload.getOriginalFilename(), upload.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package fr.refactory.processes;

import static java.util.Map.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;

/**
 * What the product can put into a process instance, read from the product's own files:
 * the fields of every form (processes/forms and the console's start forms), the targets
 * of every mapping and result variable of the models, the variables of the messages the
 * product publishes ({@code process.publishMessage} tasks, console start forms), and the
 * outputs of the workers the job catalogue lists. A process test that gives an instance
 * anything else has invented it (fr.refactory.processes.InjectedVariables).
 */
final class VariableSources {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Console start forms: the message each publishes
	 * (fr.refactory.console.start.StartForms).
	 */
	private static final Map<String, String> START_FORM_MESSAGES = Map.of(
			"src/main/resources/console/start-forms/vehicle-arrival.form", "VehicleArrivalAnnounced",
			"src/main/resources/console/start-forms/core-arrival.form", "CoreAnnounced",
			"src/main/resources/console/start-forms/vehicle-at-gate.form", "VehicleAtGate",
			"src/main/resources/console/start-forms/core-received.form", "CoreReceived",
			"src/main/resources/console/start-forms/installer-authorisation.form", "InstallerAuthorisationRecorded");

	/**
	 * Messages the plant systems publish over /v2 themselves, with their sender: the
	 * product has no file that says what they carry, so their payload is written down
	 * here (what the simulated systems would send).
	 */
	static final Map<String, PlantMessage> PLANT_MESSAGES = Map.ofEntries(
			entry("VehicleArrivalAnnounced",
					new PlantMessage("the ERP's transfer or purchase order (brief §3.1, §3.10)",
							Set.of("sender", "veProcedure"))),
			entry("VehicleAtGate", new PlantMessage("the gate scanner (brief §3.10)", Set.of("vin"))),
			entry("KitDelivered",
					new PlantMessage("the WMS goods receipt of the conversion kit (brief §3.3, §3.10)",
							Set.of("kitId", "deliveryNoteRef", "batteryPackId", "motorSerial", "inverterSerial",
									"chargerSerial"))),
			entry("ElvAcquired",
					new PlantMessage("the ERP's end-of-life vehicle purchase (brief §3.7, §3.10)",
							Set.of("vin", "powertrain", "modelFamily", "holderName"))),
			entry("RemanOrderReleased",
					new PlantMessage("the MES releasing the reman work order (brief §3.4, §3.10)",
							Set.of("workOrderId", "targetReference", "components"))),
			entry("CoreAnnounced",
					new PlantMessage("the ERP's core return (brief §3.4, §3.10)",
							Set.of("exchangedPartNumber", "customerId"))),
			entry("RegistrationUpdated",
					new PlantMessage("the document store's upload of the new registration certificate (brief §3.10)",
							Set.of("newRegistrationCertificateRef"))),
			entry("ExpertConformityReport",
					new PlantMessage("the document store's upload by the bodywork admin (brief §3.10)",
							Set.of("expertConformityReportRef"))),
			entry("ExpertReportReceived",
					new PlantMessage("the document store's upload by the bodywork admin (brief §3.10)",
							Set.of("expertReportRef"))),
			entry("DocumentsReceived",
					new PlantMessage("the document store's upload (brief §3.10)", Set.of("documentsPresent"))),
			entry("PartsAvailable", new PlantMessage("the WMS (brief §3.10)", Set.of("partsList"))),
			entry("BatteryReceived", new PlantMessage(
					"the WMS goods receipt of a traction pack a dealer returns (warranty or lease return, brief §3.6, §3.10)",
					Set.of("batteryId", "origin", "suspectedDamage"))),
			entry("CapacityTestDone",
					new PlantMessage("the battery test bench's capacity test result (brief §3.6, §3.10)",
							Set.of("measuredSohPct", "measuredCapacityKwh"))),
			entry("RecyclerPickupConfirmed", new PlantMessage(
					"the recycler's pickup confirmation of the ERP recycling shipment, correlated on shipmentId (brief §3.6 Waits)",
					Set.of("shipmentId", "pickedUpAt", "wasteTransferNoteRef"))));

	record PlantMessage(String sentBy, Set<String> variables) {
	}

	private static final Pattern CONTEXT_KEY = Pattern.compile("[{,]\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*:");

	private static final Pattern CATALOGUE_ROW = Pattern
		.compile("^\\| `([^`]+)`[^|]*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|");

	private static final Pattern BACKTICKED = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)`");

	private final Map<String, Set<String>> formFields = new HashMap<>();

	private final Map<String, String> userTaskForms = new HashMap<>();

	private final Map<String, Set<String>> messagePayloads = new HashMap<>();

	private final Map<String, Set<String>> messageStartsOf = new HashMap<>();

	private final Map<String, Set<String>> messagesCaughtBy = new HashMap<>();

	private final Map<String, Set<String>> callersOf = new HashMap<>();

	private final Map<String, Set<String>> callInputsOf = new HashMap<>();

	private final Map<String, Set<String>> modelNames = new HashMap<>();

	private final Set<String> workerOutputs = new HashSet<>();

	private final Set<String> processIds = new HashSet<>();

	private final Set<String> messageNames = new HashSet<>();

	private final Set<String> signalNames = new HashSet<>();

	/**
	 * "process#element" of each service task → its job type and the inputs its own
	 * mapping and headers give it.
	 */
	private final Map<String, JobTask> jobTasks = new java.util.TreeMap<>();

	record JobTask(String processId, String elementId, String jobType, Set<String> mappedInputs) {
	}

	private VariableSources() {
	}

	static VariableSources read() {
		VariableSources sources = new VariableSources();
		sources.readForms(Path.of("processes/forms"));
		PLANT_MESSAGES
			.forEach((message, plant) -> sources.messagePayloads.computeIfAbsent(message, (m) -> new TreeSet<>())
				.addAll(plant.variables()));
		START_FORM_MESSAGES
			.forEach((file, message) -> sources.messagePayloads.computeIfAbsent(message, (m) -> new TreeSet<>())
				.addAll(topLevelFields(readJson(Path.of(file)))));
		for (Path bpmn : list(Path.of("processes"), ".bpmn")) {
			sources.readModel(Bpmn.readModelFromFile(bpmn.toFile()));
		}
		sources.readJobCatalogue(Path.of("docs/processes-job-catalogue.md"));
		return sources;
	}

	boolean isProductModel(String processId) {
		return processId != null && this.processIds.contains(processId);
	}

	/**
	 * A message some product model waits for (other tests' models use their own names).
	 */
	boolean isProductMessage(String name) {
		return this.messageNames.contains(name);
	}

	boolean isProductSignal(String name) {
		return this.signalNames.contains(name);
	}

	/**
	 * The fields of the form of a user task of a product model, or null for a task
	 * without one.
	 */
	Set<String> userTaskFields(String processId, String elementId) {
		String formId = this.userTaskForms.get(processId + "#" + elementId);
		return formId == null ? null : this.formFields.getOrDefault(formId, Set.of());
	}

	/**
	 * Whether a product publisher, a console start form or a plant system
	 * (PLANT_MESSAGES) sends the message.
	 */
	boolean hasSender(String messageName) {
		return this.messagePayloads.containsKey(messageName);
	}

	/** The variables the product's publishers give a message. */
	Set<String> messagePayload(String messageName) {
		return this.messagePayloads.getOrDefault(messageName, Set.of());
	}

	/**
	 * The variables a new instance can get: the payloads of its start messages and, for a
	 * process other models call, the call activities' inputs and, where they pass all
	 * their variables, whatever the calling processes can hold.
	 */
	Set<String> startVariables(String processId) {
		Set<String> names = new TreeSet<>();
		collectStartVariables(processId, names, new HashSet<>());
		return names;
	}

	private void collectStartVariables(String processId, Set<String> names, Set<String> visited) {
		if (!visited.add(processId)) {
			return;
		}
		this.messageStartsOf.getOrDefault(processId, Set.of()).forEach((m) -> names.addAll(messagePayload(m)));
		names.addAll(this.callInputsOf.getOrDefault(processId, Set.of()));
		for (String caller : this.callersOf.getOrDefault(processId, Set.of())) {
			names.addAll(this.modelNames.getOrDefault(caller, Set.of()));
			names.addAll(this.workerOutputs);
			collectStartVariables(caller, names, visited);
		}
	}

	private void readForms(Path folder) {
		for (Path form : list(folder, ".form")) {
			JsonNode json = readJson(form);
			this.formFields.put(json.path("id").asText(), topLevelFields(json));
		}
	}

	private void readModel(BpmnModelInstance model) {
		model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Message.class)
			.forEach((message) -> this.messageNames.add(message.getName()));
		model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Signal.class)
			.forEach((signal) -> this.signalNames.add(signal.getName()));
		for (Process process : model.getModelElementsByType(Process.class)) {
			String processId = process.getId();
			this.processIds.add(processId);
			Set<String> names = this.modelNames.computeIfAbsent(processId, (p) -> new TreeSet<>());
			process.getChildElementsByType(StartEvent.class)
				.forEach((start) -> start.getEventDefinitions()
					.stream()
					.filter(MessageEventDefinition.class::isInstance)
					.map((definition) -> ((MessageEventDefinition) definition).getMessage().getName())
					.forEach((message) -> this.messageStartsOf.computeIfAbsent(processId, (p) -> new TreeSet<>())
						.add(message)));
			model.getModelElementsByType(MessageEventDefinition.class)
				.stream()
				.filter((definition) -> definition.getMessage() != null)
				.forEach((definition) -> this.messagesCaughtBy.computeIfAbsent(processId, (p) -> new TreeSet<>())
					.add(definition.getMessage().getName()));
			readElements(model, processId, names);
		}
	}

	private void readElements(BpmnModelInstance model, String processId, Set<String> names) {
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
			if (form != null && form.getFormId() != null) {
				this.userTaskForms.put(processId + "#" + task.getId(), form.getFormId());
				names.addAll(this.formFields.getOrDefault(form.getFormId(), Set.of()));
			}
		}
		model.getModelElementsByType(ZeebeInput.class).forEach((input) -> addName(names, input.getTarget()));
		model.getModelElementsByType(ZeebeOutput.class).forEach((output) -> addName(names, output.getTarget()));
		model.getModelElementsByType(ZeebeCalledDecision.class).forEach((d) -> addName(names, d.getResultVariable()));
		model.getModelElementsByType(ZeebeScript.class).forEach((s) -> addName(names, s.getResultVariable()));
		model.getModelElementsByType(ZeebeLoopCharacteristics.class).forEach((loop) -> {
			addName(names, loop.getInputElement());
			addName(names, loop.getOutputCollection());
		});
		readPublishedMessages(model);
		readJobTasks(model, processId);
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
			Set<String> inputs = this.callInputsOf.computeIfAbsent(called.getProcessId(), (p) -> new TreeSet<>());
			call.getExtensionElements()
				.getElementsQuery()
				.filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
				.list()
				.forEach((mapping) -> mapping.getInputs().forEach((input) -> addName(inputs, input.getTarget())));
			if (called.isPropagateAllParentVariablesEnabled()) {
				this.callersOf.computeIfAbsent(called.getProcessId(), (p) -> new TreeSet<>()).add(processId);
			}
		}
	}

	private void readJobTasks(BpmnModelInstance model, String processId) {
		for (io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition definition : model
			.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition.class)) {
			io.camunda.zeebe.model.bpmn.instance.BaseElement task = (io.camunda.zeebe.model.bpmn.instance.BaseElement) definition
				.getParentElement()
				.getParentElement();
			Set<String> mapped = new TreeSet<>();
			task.getExtensionElements()
				.getElementsQuery()
				.filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
				.list()
				.forEach((mapping) -> mapping.getInputs().forEach((input) -> addName(mapped, input.getTarget())));
			task.getExtensionElements()
				.getElementsQuery()
				.filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders.class)
				.list()
				.forEach((headers) -> headers.getHeaders().forEach((header) -> mapped.add(header.getKey())));
			this.jobTasks.put(processId + "#" + task.getId(),
					new JobTask(processId, task.getId(), definition.getType(), mapped));
		}
	}

	/** The service tasks of the product models with their job types. */
	java.util.Collection<JobTask> jobTasks() {
		return this.jobTasks.values();
	}

	/**
	 * What an instance of the process can hold at some point: its start variables, what
	 * its forms, mappings and decisions produce, what any worker outputs, and what the
	 * messages it waits for carry.
	 */
	Set<String> holdable(String processId) {
		Set<String> names = new TreeSet<>(startVariables(processId));
		names.addAll(this.modelNames.getOrDefault(processId, Set.of()));
		names.addAll(this.workerOutputs);
		this.messagesCaughtBy.getOrDefault(processId, Set.of()).forEach((m) -> names.addAll(messagePayload(m)));
		return names;
	}

	/**
	 * {@code process.publishMessage} tasks: header messageName, input messageVariables (a
	 * FEEL context).
	 */
	private void readPublishedMessages(BpmnModelInstance model) {
		for (ZeebeHeader header : model.getModelElementsByType(ZeebeHeader.class)) {
			if (!"messageName".equals(header.getKey())) {
				continue;
			}
			Set<String> payload = this.messagePayloads.computeIfAbsent(header.getValue(), (m) -> new TreeSet<>());
			header.getParentElement()
				.getParentElement()
				.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
				.forEach((mapping) -> mapping.getInputs()
					.stream()
					.filter((input) -> "messageVariables".equals(input.getTarget()))
					.forEach((input) -> payload.addAll(contextKeys(input.getSource()))));
		}
	}

	private void readJobCatalogue(Path catalogue) {
		try (Stream<String> lines = Files.lines(catalogue)) {
			lines.map(CATALOGUE_ROW::matcher).filter(Matcher::find).forEach((row) -> {
				Matcher outputs = BACKTICKED.matcher(row.group(5));
				while (outputs.find()) {
					this.workerOutputs.add(outputs.group(1));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The top-level keys of a FEEL context literal {@code ={a: x, b: {c: y}}} (nested
	 * keys are not variables).
	 */
	static Set<String> contextKeys(String feel) {
		Set<String> keys = new TreeSet<>();
		int depth = 0;
		StringBuilder topLevel = new StringBuilder();
		for (char c : feel.toCharArray()) {
			if (c == '{') {
				depth++;
				if (depth == 1) {
					topLevel.append(c);
					continue;
				}
			}
			if (c == '}') {
				depth--;
			}
			if (depth == 1) {
				topLevel.append(c);
			}
		}
		Matcher key = CONTEXT_KEY.matcher(topLevel);
		while (key.find()) {
			keys.add(key.group(1));
		}
		return keys;
	}

	/**
	 * The variables a form submits: a field's key, or a group's or list's path (its
	 * fields nest inside it).
	 */
	static Set<String> topLevelFields(JsonNode form) {
		Set<String> fields = new TreeSet<>();
		collectFields(form.path("components"), fields);
		return fields;
	}

	private static void collectFields(JsonNode components, Set<String> fields) {
		for (JsonNode component : components) {
			if (!component.path("path").asText("").isEmpty()) {
				addName(fields, component.path("path").asText());
			}
			else {
				addName(fields, component.path("key").asText(null));
				collectFields(component.path("components"), fields);
			}
		}
	}

	private static void addName(Set<String> names, String path) {
		if (path != null && !path.isBlank()) {
			names.add(root(path));
		}
	}

	private static String root(String path) {
		if (path == null) {
			return null;
		}
		int dot = path.indexOf('.');
		return dot < 0 ? path : path.substring(0, dot);
	}

	private static JsonNode readJson(Path file) {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static java.util.List<Path> list(Path folder, String suffix) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((f) -> f.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

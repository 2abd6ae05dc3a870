package fr.refactory.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The sources the injection check compares a process test's variables with, read from the
 * product's files.
 */
class VariableSourcesTest {

	private final VariableSources sources = VariableSources.read();

	@Test
	void aUserTaskMaySetOnlyTheFieldsOfItsForm() {
		assertThat(this.sources.userTaskFields("hv-lockout", "task-lock-out-hv-system")).contains("safetyPerimeterSet")
			.doesNotContain("subjectKey", "lockoutOfficerId");
	}

	@Test
	void aProcessThatOthersCallStartsWithWhatItsCallersHold() {
		assertThat(this.sources.startVariables("quality-gate")).contains("subjectType", "subjectKey", "reworkCount");
		assertThat(this.sources.startVariables("vehicle-intake")).contains("vin").doesNotContain("reworkCount");
	}

	@Test
	void publishedMessagesCarryTheKeysOfTheirContext() {
		assertThat(VariableSources.contextKeys("={batteryId: batteryPackId, nested: {inner: 1}, origin: \"X\"}"))
			.containsExactly("batteryId", "nested", "origin");
		assertThat(this.sources.messagePayload("CoreAnnounced")).contains("coreSerial");
	}

	/**
	 * A worker reads its contract's inputs from the instance: each one a task does not
	 * map itself must be something the instance can hold (a form field, a mapping, a
	 * worker output, a message's payload), under exactly that name. A name no source of
	 * the product supplies is a value that never reaches the worker (issue 15: the
	 * component inspection's winding insulation).
	 */
	@Test
	void everyWorkerInputATaskDoesNotMapIsSomethingItsInstanceCanHold() throws IOException {
		Map<String, Set<String>> contractInputs = contractInputs(Path.of("processes/element-templates"));
		List<String> unheld = new ArrayList<>();
		for (VariableSources.JobTask task : this.sources.jobTasks()) {
			Set<String> holdable = this.sources.holdable(task.processId());
			for (String input : contractInputs.getOrDefault(task.jobType(), Set.of())) {
				if (!task.mappedInputs().contains(input) && !holdable.contains(input)
						&& !OPTIONAL_WORKER_INPUTS.containsKey(task.jobType() + " " + input)) {
					unheld.add(task.processId() + "#" + task.elementId() + " (" + task.jobType() + ") reads '" + input
							+ "', which nothing in " + task.processId() + " supplies");
				}
			}
		}
		assertThat(unheld).isEmpty();
	}

	/**
	 * "jobType input" → why the worker may miss it in some process: it has a fallback of
	 * its own (a default the contract states) or another source (the subject's vin, a
	 * header).
	 */
	private static final Map<String, String> OPTIONAL_WORKER_INPUTS = Map.ofEntries(
			Map.entry("erp.createRecyclingShipment recycler",
					"the plant's contracted recycler (VEOLIA) unless a task names another"),
			Map.entry("hrcomp.proposeLockoutOfficers operationDate",
					"today: the lockout is planned for the current shift"),
			Map.entry("btb.runCapacityTest ratedCapacityKwh",
					"the bench's default rated capacity when the pack's master data has none"),
			Map.entry("mes.releaseWorkOrder workOrderType", "DIAGNOSIS unless the task says otherwise"),
			Map.entry("mes.reserveResource unavailableBenchIds", "set only after a bench was found unavailable"),
			Map.entry("hrcomp.checkInstallerAuthorisation installerOrg",
					"the Refactory itself is the installer unless a subcontractor is named"),
			Map.entry("mes.holdSuspectItems failedEquipmentId",
					"a fallback scope when no suspect equipment list is given"),
			Map.entry("erp.postCoreCredit coreDepositEur", "the standard exchange deposit when the sale carries none"),
			Map.entry("eol.runPartTest eolBenchId", "the bench the end-of-line line assigns when none is reserved"),
			Map.entry("eol.runPartTest testProgramme", "<partFamily>_EOL unless the task names a programme"),
			Map.entry("eol.runVehicleTest testProgramme", "VEHICLE_EOL unless the task names a programme"),
			Map.entry("wms.createHarvestedPart partNumber", "the harvested part's own partNumber inside harvestedPart"),
			Map.entry("mes.setStatus subjectKey", "the subject's vin, batteryId, coreSerial or partId"),
			Map.entry("mes.setStatus subjectType", "VEHICLE by default"),
			Map.entry("mes.createWorkOrder subjectKey", "the subject's vin, batteryId, coreSerial or partId"),
			Map.entry("mes.createWorkOrder subjectType", "VEHICLE by default"));

	@Test
	void everyMessageAProductModelWaitsForHasASender() {
		List<String> unsent = new ArrayList<>();
		for (String message : ProcessModels.MESSAGE_NAMES) {
			if (!this.sources.hasSender(message)) {
				unsent.add(message);
			}
		}
		assertThat(unsent).as("messages no product publisher, console form or plant system (PLANT_MESSAGES) sends")
			.isEmpty();
	}

	private static Map<String, Set<String>> contractInputs(Path folder) throws IOException {
		ObjectMapper json = new ObjectMapper();
		Map<String, Set<String>> inputs = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
				String jobType = file.getFileName().toString().replace(".json", "");
				Set<String> names = inputs.computeIfAbsent(jobType, (t) -> new TreeSet<>());
				for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
					if ("zeebe:input".equals(property.path("binding").path("type").asText())) {
						names.add(property.path("binding").path("name").asText());
					}
				}
			}
		}
		return inputs;
	}

}

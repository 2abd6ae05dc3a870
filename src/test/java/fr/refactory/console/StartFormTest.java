package fr.refactory.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcing a vehicle or a core from the console publishes the start message of
 * vehicle-intake / remanufacture. The test deploys small processes with the same message
 * start events; RealModelsConsoleTest runs the real ones.
 */
class StartFormTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	@Test
	void shouldValidateTheVinKeepWhatWasTypedAndStartTheIntake() {
		String processId = deployStartedBy("VehicleArrivalAnnounced", "vin", "intake-operators");
		String vin = uniqueVin();
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");

		HttpResponse<String> rejected = operator.post("/console/start/vehicle-arrival",
				Map.of("vin", List.of("VF1MAF4SO51234567"), "declaredProgram", List.of("USED_CAR_REFURB"), "senderId",
						List.of("Dealer Mantes")));
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("id=\"error-vin\"")
			.contains("value=\"VF1MAF4SO51234567\"")
			.contains("value=\"Dealer Mantes\"");

		HttpResponse<String> accepted = operator.post("/console/start/vehicle-arrival",
				Map.of("vin", List.of(" " + vin.toLowerCase() + " "), "declaredProgram", List.of("USED_CAR_REFURB"),
						"senderId", List.of("Dealer Mantes")));

		assertThat(accepted.uri().getPath()).isEqualTo("/console/tasks");
		assertThat(accepted.body()).contains("Announced a vehicle arrival: " + vin);
		ProcessInstance instance = startedInstance(processId);
		assertThat(variable(instance, "vin")).isEqualTo("\"" + vin + "\"");
		assertThat(variable(instance, "declaredProgram")).isEqualTo("\"USED_CAR_REFURB\"");
		assertThat(variable(instance, "senderId")).isEqualTo("\"Dealer Mantes\"");
		AuditEntry entry = this.auditLog.about(vin).get(0);
		assertThat(entry.action()).isEqualTo("PROCESS_START_REQUESTED");
		assertThat(entry.actor()).isEqualTo("intake-operator");
		assertThat(entry.data()).contains("VehicleArrivalAnnounced").contains("Dealer Mantes");
	}

	/**
	 * AS-14: the operator copies the damaged-vehicle procedure the insurer notified (here
	 * TNR, burnt out) from the order onto the announcement, as the ERP's message carries
	 * it; D2 then routes the vehicle to dismantling.
	 */
	@Test
	void shouldCarryTheDamagedVehicleProcedureTheOperatorChose() {
		String processId = deployStartedBy("VehicleArrivalAnnounced", "vin", "intake-operators");
		String vin = uniqueVin();
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		assertThat(operator.get("/console/start/vehicle-arrival").body()).contains("name=\"veProcedure\"")
			.contains("value=\"TNR\"");

		operator.post("/console/start/vehicle-arrival", Map.of("vin", List.of(vin), "declaredProgram",
				List.of("DAMAGE_REPAIR"), "senderId", List.of("Insurer Covéa"), "veProcedure", List.of("TNR")));

		assertThat(variable(startedInstance(processId), "veProcedure")).isEqualTo("\"TNR\"");
	}

	@Test
	void shouldAskForTheDonorVinOnlyWhenTheCoreWasRemovedFromAVehicle() {
		String processId = deployStartedBy("CoreAnnounced", "coreSerial", "core-inspectors");
		String serial = "CORE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		WebSession remaker = WebSession.signedIn(baseUrl(), "reman-technician");

		HttpResponse<String> missingDonor = remaker.post("/console/start/core-arrival",
				Map.of("coreSerial", List.of(serial), "partNumber", List.of("8201-583-992"), "partFamily",
						List.of("ENGINE"), "origin", List.of("DISMANTLING")));
		assertThat(missingDonor.statusCode()).isEqualTo(422);
		assertThat(missingDonor.body()).contains("id=\"error-donorVin\"").contains("This field is required");

		HttpResponse<String> dealerReturn = remaker.post("/console/start/core-arrival",
				Map.of("coreSerial", List.of(serial), "partNumber", List.of("8201-583-992"), "partFamily",
						List.of("GEARBOX"), "origin", List.of("DEALER_RETURN"), "donorVin", List.of("not a vin"),
						"exchangeSaleId", List.of("XS-" + serial), "exchangeSaleDate", List.of("2026-11-20")));

		assertThat(dealerReturn.uri().getPath()).isEqualTo("/console/tasks");
		ProcessInstance instance = startedInstance(processId);
		assertThat(variable(instance, "coreSerial")).isEqualTo("\"" + serial + "\"");
		assertThat(variable(instance, "origin")).isEqualTo("\"DEALER_RETURN\"");
		assertThat(this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instance.getProcessInstanceKey()).name("donorVin"))
			.send()
			.join()
			.items()).as("a hidden field is not submitted").isEmpty();
	}

	/**
	 * The live refresh (ADR 0402) answers only the conditional fields whose visibility
	 * differs from the page's.
	 */
	@Test
	void shouldAnswerALiveRefreshWithTheFieldsWhoseVisibilityChanged() {
		WebSession remaker = WebSession.signedIn(baseUrl(), "reman-technician");
		remaker.get("/console/start/core-arrival");

		HttpResponse<String> shown = remaker.post("/console/start/core-arrival/form-visibility",
				Map.of("coreSerial", List.of("CORE-1"), "origin", List.of("RETROFIT_REMOVAL")));
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("id=\"field-donorVin\"")
			.contains("hx-swap-oob=\"true\"")
			.contains("name=\"_shown\" value=\"donorVin\"")
			.doesNotContain("hidden=\"hidden\"")
			.doesNotContain("field-coreSerial");

		HttpResponse<String> unchanged = remaker.post("/console/start/core-arrival/form-visibility",
				Map.of("origin", List.of("RETROFIT_REMOVAL"), "_shown", List.of("donorVin")));
		assertThat(unchanged.body()).doesNotContain("field-donorVin");

		HttpResponse<String> hidden = remaker.post("/console/start/core-arrival/form-visibility", Map.of("origin",
				List.of("DEALER_RETURN"), "donorVin", List.of("VF1MA000864512345"), "_shown", List.of("donorVin")));
		assertThat(hidden.body()).contains("id=\"field-donorVin\"")
			.contains("hidden=\"hidden\"")
			.contains("value=\"VF1MA000864512345\"")
			.doesNotContain("name=\"_shown\" value=\"donorVin\"")
			.as("a dealer return asks for its exchange sale (ADR 0440)")
			.contains("name=\"_shown\" value=\"exchangeSaleId\"", "name=\"_shown\" value=\"exchangeSaleDate\"");
	}

	/**
	 * Only a form with conditional fields refreshes while typing (ADR 1201): the others
	 * have nothing to refresh.
	 */
	@Test
	void shouldRefreshWhileTypingOnlyAFormWithConditionalFields() {
		String conditional = WebSession.signedIn(baseUrl(), "reman-technician")
			.get("/console/start/core-arrival")
			.body();
		String plain = WebSession.signedIn(baseUrl(), "intake-operator").get("/console/start/vehicle-arrival").body();

		assertThat(conditional).contains("hx-post=\"/console/start/core-arrival/form-visibility\"");
		assertThat(plain).contains("id=\"form-fields\"").doesNotContain("hx-post", "form-visibility");
	}

	@Test
	void shouldRefuseTheFormToUsersOutsideItsGroups() {
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		assertThat(auditor.get("/console/start/vehicle-arrival").statusCode()).isEqualTo(403);
		assertThat(auditor.post("/console/start/core-arrival", Map.of("coreSerial", List.of("CORE-1234"))).statusCode())
			.isEqualTo(403);
		assertThat(auditor.get("/console/start").body()).contains("id=\"no-start-forms\"");
	}

	private String deployStartedBy(String messageName, String correlationKey, String group) {
		String processId = "console-start-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent("start-announced")
				.message((message) -> message.name(messageName).zeebeCorrelationKeyExpression(correlationKey))
				.userTask("task-receive")
				.name("Receive")
				.zeebeUserTask()
				.zeebeCandidateGroups(group)
				.endEvent()
				.done(), processId + ".bpmn")
			.send()
			.join();
		return processId;
	}

	private ProcessInstance startedInstance(String processId) {
		return Awaitility.await()
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((filter) -> filter.processDefinitionId(processId))
				.send()
				.join()
				.items(), (items) -> items.size() == 1)
			.get(0);
	}

	private String variable(ProcessInstance instance, String name) {
		return this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instance.getProcessInstanceKey()).name(name))
			.send()
			.join()
			.items()
			.get(0)
			.getValue();
	}

	private static String uniqueVin() {
		return ("VF1MA" + UUID.randomUUID().toString().replace("-", "").toUpperCase()).replaceAll("[IOQ]", "7")
			.substring(0, 17);
	}

}

package fr.refactory.console;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The D5 claim guard (domain brief §3.8, AS-40 to AS-42): a task whose header declares an
 * HV operation is claimed only by a user with a valid title carrying the symbol D5
 * requires. Titles come from src/test/resources/config.
 */
class HabilitationClaimTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	/**
	 * The real hv-lockout model (processes/hv-lockout.bpmn, deployed at start-up) marks
	 * its L.5 task with the header operationType = LOCKOUT: a member of
	 * hv-lockout-officers without BCL sees it but may not claim it; a BCL holder may.
	 * (L.2 is assigned to the officer designated for the lockout, ADR 0403.)
	 */
	@Test
	void shouldGuardTheLockoutTaskOfTheRealHvLockoutModel() {
		String subject = "VF1LOCK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		LocalDate operationDate = LocalDate.of(2026, 6, 1);
		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId("hv-lockout")
			.latestVersion()
			.variables(Map.of("lockoutAction", "UNLOCK", "subjectKey", subject, "workOrderId", "WO-" + subject,
					"operationDate", operationDate.toString(), "vehicleHasHvSystem", true))
			.send()
			.join()
			.getProcessInstanceKey();
		UserTask lockout = Awaitility.await()
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(instance).state(UserTaskState.CREATED))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0);
		assertThat(lockout.getElementId()).isEqualTo("task-unlock-and-re-energise");
		assertThat(lockout.getCustomHeaders()).containsEntry("operationType", "LOCKOUT");
		long key = lockout.getUserTaskKey();

		WebSession trainee = WebSession.signedIn(baseUrl(), "lockout-trainee");
		HttpResponse<String> refused = trainee.post("/console/tasks/" + key + "/claim", Map.of());
		assertThat(refused.body()).contains("requires the HV habilitation BCL; you hold B0L.");
		assertThat(assigneeOf(key)).isNull();

		WebSession officer = WebSession.signedIn(baseUrl(), "lockout-officer");
		HttpResponse<String> claimed = officer.post("/console/tasks/" + key + "/claim", Map.of());
		assertThat(claimed.body()).contains("id=\"assignee\">lockout-officer<");
		assertThat(assigneeOf(key)).isEqualTo("lockout-officer");
	}

	private String assigneeOf(long key) {
		return this.client.newUserTaskGetRequest(key).send().join().getAssignee();
	}

	@Test
	void shouldRefuseALockoutToAnOperatorHoldingOnlyB1l() {
		HvTask task = HvTask.start(this.client, "LOCKOUT", "retrofit-technicians", true);
		WebSession technician = WebSession.signedIn(baseUrl(), "retrofit-technician");

		HttpResponse<String> page = technician.post("/console/tasks/" + task.key + "/claim", Map.of());

		assertThat(page.body()).contains("requires the HV habilitation BCL; you hold B1L.");
		assertThat(task.assignee()).isNull();
		AuditEntry refused = this.auditLog.about(task.serial).get(0);
		assertThat(refused.action()).isEqualTo("TASK_CLAIM_REFUSED");
		assertThat(refused.data().toString()).contains("HABILITATION_MISSING").contains("B1L");
	}

	@Test
	void shouldNameTheExpiryDateOfAnExpiredTitle() {
		HvTask task = HvTask.start(this.client, "BATTERY_OPERATION", "battery-operators", true);
		WebSession technician = WebSession.signedIn(baseUrl(), "battery-technician");

		HttpResponse<String> page = technician.post("/console/tasks/" + task.key + "/claim", Map.of());

		assertThat(page.body()).contains("requires the HV habilitation B1XL; your title expired on 2025-01-31.");
		assertThat(task.assignee()).isNull();
	}

	@Test
	void shouldRefuseATitleWhoseRefresherIsOverThreeYearsOld() {
		HvTask task = HvTask.start(this.client, "HV_INTERVENTION", "reman-operators", true);
		WebSession technician = WebSession.signedIn(baseUrl(), "reman-technician");

		HttpResponse<String> page = technician.post("/console/tasks/" + task.key + "/claim", Map.of());

		assertThat(page.body()).contains("requires the HV habilitation BRL; your last refresher training was on "
				+ "2021-09-01, more than three years ago.");
		assertThat(task.assignee()).isNull();
	}

	@Test
	void shouldLetAHolderOfAValidTitleClaimAndKeepTheSymbolsInTheAuditLog() {
		HvTask task = HvTask.start(this.client, "HV_INTERVENTION", "diagnostic-technicians", true);
		WebSession technician = WebSession.signedIn(baseUrl(), "diagnostic-technician");

		HttpResponse<String> page = technician.post("/console/tasks/" + task.key + "/claim", Map.of());

		assertThat(page.body()).contains("id=\"assignee\">diagnostic-technician<").contains("HV operation");
		assertThat(task.assignee()).isEqualTo("diagnostic-technician");
		AuditEntry claimed = this.auditLog.about(task.serial).get(0);
		assertThat(claimed.action()).isEqualTo("TASK_CLAIMED");
		assertThat(claimed.data()).contains("requiredSymbol").contains("BRL");
		assertThat(claimed.data().toString()).contains("B0L").contains("BRL");
	}

	@Test
	void shouldLetAnyoneInTheGroupClaimWhenTheVehicleHasNoHvSystem() {
		HvTask task = HvTask.start(this.client, "LOCKOUT", "retrofit-technicians", false);
		WebSession technician = WebSession.signedIn(baseUrl(), "retrofit-technician");

		technician.post("/console/tasks/" + task.key + "/claim", Map.of());

		assertThat(task.assignee()).isEqualTo("retrofit-technician");
	}

	@Test
	void shouldRefuseEveryoneWhileItIsUnknownWhetherTheVehicleHasAnHvSystem() {
		HvTask task = HvTask.start(this.client, "HV_INTERVENTION", "diagnostic-technicians", null);
		WebSession technician = WebSession.signedIn(baseUrl(), "diagnostic-technician");

		HttpResponse<String> page = technician.post("/console/tasks/" + task.key + "/claim", Map.of());

		assertThat(page.body()).contains("cannot be determined yet");
		assertThat(task.assignee()).isNull();
	}

	/** One user task with an operationType header, in a process of its own. */
	private record HvTask(CamundaClient client, String serial, long key) {

		static HvTask start(CamundaClient client, String operationType, String group, Boolean hvSystem) {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			String processId = "console-hv-" + suffix;
			client.newDeployResourceCommand()
				.addProcessModel(Bpmn.createExecutableProcess(processId)
					.startEvent()
					.userTask("task-hv-work")
					.name("HV work")
					.zeebeUserTask()
					.zeebeCandidateGroups(group)
					.zeebeTaskHeader("operationType", operationType)
					.endEvent()
					.done(), processId + ".bpmn")
				.send()
				.join();
			String serial = "PACK-" + suffix;
			Map<String, Object> variables = new java.util.HashMap<>(Map.of("batteryId", serial));
			if (hvSystem != null) {
				variables.put("vehicleHasHvSystem", hvSystem);
			}
			long instance = client.newCreateInstanceCommand()
				.bpmnProcessId(processId)
				.latestVersion()
				.variables(variables)
				.send()
				.join()
				.getProcessInstanceKey();
			UserTask task = Awaitility.await()
				.until(() -> client.newUserTaskSearchRequest()
					.filter((filter) -> filter.processInstanceKey(instance).state(UserTaskState.CREATED))
					.send()
					.join()
					.items(), (items) -> !items.isEmpty())
				.get(0);
			return new HvTask(client, serial, task.getUserTaskKey());
		}

		String assignee() {
			return this.client.newUserTaskGetRequest(this.key).send().join().getAssignee();
		}

	}

}

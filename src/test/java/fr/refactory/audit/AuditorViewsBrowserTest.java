package fr.refactory.audit;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Genealogy;
import fr.refactory.records.GenealogyLink;
import fr.refactory.console.start.DemoData;
import fr.refactory.console.start.DemoDataLoader;
import fr.refactory.console.start.DemoWorkInProgress;
import fr.refactory.test.Browser;
import fr.refactory.test.WebSession;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's pages in headless Chromium. Screenshots go to target/screenshots. */
class AuditorViewsBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	Genealogy genealogy;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoDataLoader demoLoader;

	@Test
	void shouldFindAnInstanceAndShowItsDiagramWithTheActiveElementMarked() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String processId = "audit-intake-" + suffix;
		String vin = "VF1AUDIT" + suffix.toUpperCase().replaceAll("[^A-HJ-NPR-Z0-9]", "7") + "1";
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent("start")
				.name("Vehicle announced")
				.userTask("task-gate-inspection")
				.name("Gate inspection")
				.zeebeUserTask()
				.zeebeCandidateGroups("intake-operators")
				.endEvent("end")
				.done(), processId + ".bpmn")
			.send()
			.join();
		long key = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("vin", vin))
			.send()
			.join()
			.getProcessInstanceKey();

		try (Browser browser = Browser.open(baseUrl()).signIn("auditor")) {
			browser.go("/audit/instances?process=" + processId);
			browser.waitFor(By.linkText(Long.toString(key))).click();
			// drawn by bpmn-js (ADR 1401): its element groups carry our state markers,
			// its overlays our counts
			browser.waitFor(By.cssSelector("#diagram[data-rendered='true'] .djs-container"));
			assertThat(browser.driver()
				.findElement(By.cssSelector("#diagram g.djs-element[data-element-id='task-gate-inspection']"))
				.getDomAttribute("class")).contains("state-active");
			assertThat(browser.driver()
				.findElement(By.cssSelector("#diagram g.djs-element[data-element-id='start']"))
				.getDomAttribute("class")).contains("state-completed");
			// diagram-js places its overlays on the viewbox change it debounces after the
			// fit: wait until shown
			assertThat(browser
				.waitFor(By
					.cssSelector("#diagram .djs-overlay .state-badge.active[data-element-id='task-gate-inspection']"))
				.getText()).isEqualTo("1");
			assertThat(browser.driver().findElements(By.cssSelector("#diagram .state-badge[data-element-id='start']")))
				.as("no count on a completed element")
				.isEmpty();
			assertThat(browser.driver().findElement(By.id("instance-subject")).getText()).isEqualTo(vin);
			assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("Gate inspection");
			browser.screenshot("audit-instance");
		}
	}

	@Test
	void shouldListTheInstanceEventsInOrderWithWhoCausedEach() {
		// given an instance a plant system started and a task the tests' client (demo)
		// completed
		String processId = "audit-events-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent("start")
				.userTask("review", (task) -> task.zeebeUserTask())
				.endEvent("end")
				.done(), processId + ".bpmn")
			.send()
			.join();
		long key;
		try (CamundaClient plantSystem = CamundaClient.newClientBuilder()
			.restAddress(URI.create(baseUrl()))
			.preferRestOverGrpc(true)
			.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
				.username("plant-system")
				.password("demo")
				.build())
			.build()) {
			key = plantSystem.newCreateInstanceCommand()
				.bpmnProcessId(processId)
				.latestVersion()
				.send()
				.join()
				.getProcessInstanceKey();
		}
		long task = Awaitility.await()
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(key))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getUserTaskKey();
		this.client.newCompleteUserTaskCommand(task).variables(Map.of("verdict", "ok")).send().join();

		// when
		try (Browser browser = Browser.open(baseUrl()).signIn("auditor")) {
			browser.go("/audit/instances/" + key);
			List<String> rows = browser.waitFor(By.id("events"))
				.findElements(By.cssSelector("tbody tr"))
				.stream()
				.map((row) -> row.findElements(By.tagName("td")))
				.map((cells) -> cells.get(2).getText() + " " + cells.get(3).getText() + " " + cells.get(4).getText())
				.toList();

			// then
			assertThat(rows).containsSubsequence("plant-system " + processId + " PROCESS_INSTANCE ELEMENT_ACTIVATING",
					"plant-system start PROCESS_INSTANCE ELEMENT_COMPLETED", "plant-system review USER_TASK CREATED",
					"plant-system review PROCESS_INSTANCE ELEMENT_ACTIVATED", "demo review USER_TASK COMPLETED",
					"demo  VARIABLE CREATED", "demo review PROCESS_INSTANCE ELEMENT_COMPLETED",
					"demo end PROCESS_INSTANCE ELEMENT_COMPLETED",
					"demo " + processId + " PROCESS_INSTANCE ELEMENT_COMPLETED");
			assertThat(browser.driver().findElement(By.id("events")).getText()).contains("{\"verdict\":\"ok\"}");
			browser.screenshot("audit-instance-events");
		}
	}

	@Test
	void shouldShowWhereTheDieselEngineOfAConvertedMasterWent() {
		String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String vin = "VF1MA000" + suffix.replaceAll("[^A-HJ-NPR-Z0-9]", "7") + "9";
		String engine = "ENG-M9T-" + suffix;
		String reman = "REMAN-M9T-" + suffix;
		String battery = "BAT-KIT-" + suffix;
		Instant now = Instant.now();
		this.genealogy
			.link(GenealogyLink.of("t1-" + suffix, "PART", engine, "REMOVED_FROM", "VEHICLE", vin, null, now));
		this.genealogy.link(GenealogyLink.of("t2-" + suffix, "BATTERY", battery, "INSTALLED_IN", "VEHICLE", vin, null,
				now.plusSeconds(60)));
		this.genealogy.link(GenealogyLink.of("t3-" + suffix, "PART", reman, "REMANUFACTURED_FROM", "PART", engine, null,
				now.plusSeconds(120)));

		try (Browser browser = Browser.open(baseUrl()).signIn("auditor")) {
			browser.go("/audit/assets/" + vin);
			String genealogy = browser.waitFor(By.id("genealogy")).getText();
			assertThat(genealogy).contains("PART " + engine).contains("REMOVED_FROM").contains("BATTERY " + battery);
			browser.screenshot("audit-asset-vehicle");

			browser.click(By.linkText("PART " + engine));
			assertThat(browser.waitFor(By.id("genealogy")).getText()).contains("PART " + reman)
				.contains("REMANUFACTURED_FROM");
			browser.screenshot("audit-asset-engine");
		}
	}

	@Test
	void shouldNameTheFirstBrokenEntryWhenARowWasTamperedWith() {
		String subject = "TAMPER-" + UUID.randomUUID().toString().substring(0, 8);
		AuditEntry target = this.auditLog.append(new AuditEvent("quality-inspector", "TASK_COMPLETED", "PART", subject,
				null, null, Map.of("verdict", "RELEASED")));
		try (Browser browser = Browser.open(baseUrl()).signIn("auditor")) {
			browser.go("/audit/log?verify=true");
			assertThat(browser.waitFor(By.id("verification")).getText()).startsWith("Chain intact");

			tamper(target.sequenceNumber(), "admin");
			try {
				browser.go("/audit/log?verify=true");
				assertThat(browser.waitFor(By.id("verification")).getText())
					.startsWith("Chain broken at entry " + target.sequenceNumber());
				browser.screenshot("audit-log-tampered");
			}
			finally {
				tamper(target.sequenceNumber(), target.actor());
			}
			browser.go("/audit/log?verify=true");
			assertThat(browser.waitFor(By.id("verification")).getText()).startsWith("Chain intact");
		}
	}

	/**
	 * The auditor questions (ADR 0913) from the audit menu: all fourteen listed, a day
	 * that is not one is kept with its message, and the page reads in French.
	 */
	@Test
	void shouldListTheFourteenAuditorQuestionsFromTheMenu() {
		try (Browser browser = Browser.open(baseUrl()).signIn("auditor")) {
			browser.go("/audit/log");
			browser.click(By.id("nav-audit-questions"));
			assertThat(browser.waitFor(By.id("audit-questions")).findElements(By.cssSelector("tbody tr"))).hasSize(14);
			browser.type(By.cssSelector("#question-q10 input[name=value]"), "31/12/2026");
			browser.click(By.cssSelector("#question-q10 button"));
			assertThat(browser.waitFor(By.id("question-error")).getText()).contains("YYYY-MM-DD");
			assertThat(browser.driver().findElement(By.id("question-value")).getAttribute("value"))
				.isEqualTo("31/12/2026");
			browser.screenshot("audit-question-bad-day");
			browser.go("/audit/questions");
			browser.click(By.id("language-fr"));
			assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Questions d'audit");
			assertThat(browser.driver().findElement(By.id("question-q8")).getText())
				.contains("certificats de destruction");
			browser.click(By.id("language-en"));
			browser.waitFor(By.id("audit-questions"));
		}
	}

	@Test
	void shouldAnswerForbiddenToSomeoneWhoIsNotAnAuditor() {
		try (Browser browser = Browser.open(baseUrl()).signIn("intake-operator")) {
			browser.go("/audit/log");
			assertThat(browser.waitFor(By.id("error-status")).getText()).startsWith("403");
			browser.go("/audit/instances");
			assertThat(browser.waitFor(By.id("error-status")).getText()).startsWith("403");
		}
	}

	/**
	 * Changes a stored row behind the application's back, as a database superuser could.
	 */
	private void tamper(long sequenceNumber, String actor) {
		this.jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
		try {
			this.jdbc.update("update audit_entry set actor = ? where sequence_number = ?", actor, sequenceNumber);
		}
		finally {
			this.jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
		}
	}

	/**
	 * Issue 21 (ADR 0711): the demo locks out a Zoe pack and quarantines a swollen Kangoo
	 * pack; a battery operator logs its temperature in the console; the morning leader
	 * signs the handover listing both, the afternoon leader countersigns it with his own
	 * login, and the auditor reads the signed handover and its audit entries.
	 */
	@Test
	void shouldLetTwoShiftLeadersSignAHandoverOfTheDemosLockoutAndQuarantineThatTheAuditorSees() {
		DemoWorkInProgress lockout = DemoData.lockedOutPack();
		DemoWorkInProgress quarantine = DemoData.quarantinedPack();
		this.demoLoader.load(new DemoData("handover-demo-" + UUID.randomUUID().toString().substring(0, 8),
				List.of("hv-lockout", "battery-triage"), List.of(), List.of(lockout, quarantine)));
		long temperatureTask = Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> openTask("task-log-quarantine-temperature", quarantine.subjectKey()), (key) -> key != null);
		Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> lockoutCertified(lockout.subjectKey()));
		WebSession operator = WebSession.signedIn(baseUrl(), "battery-operator");
		operator.post("/console/tasks/" + temperatureTask + "/claim", Map.of());
		assertThat(
				operator.post("/console/tasks/" + temperatureTask + "/complete",
						Map.of("quarantineSurfaceTemperatureC", List.of("31.5"), "quarantineAmbientTemperatureC",
								List.of("19"), "quarantineComment", List.of("stable")))
					.uri()
					.getPath())
			.isEqualTo("/console/tasks");
		By lockoutRow = By.cssSelector("#live-content tr.lockout[data-subject='" + lockout.subjectKey() + "']");
		By quarantined = By.cssSelector("#live-content .quarantined[data-battery='" + quarantine.subjectKey() + "']");

		try (Browser browser = Browser.open(baseUrl()).signIn("shift-leader-morning")) {
			browser.go("/console/handover");
			assertThat(browser.waitFor(lockoutRow).getText()).contains("lockout-officer");
			assertThat(browser.driver().findElement(quarantined).getText()).contains("CRITICAL")
				.contains("31.5")
				.contains("battery-operator");
			new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("outgoingShift")))
				.selectByValue("MORNING");
			browser.type(By.id("notes"), "Zoe pack locked out on bay 3; Kangoo pack stable.");
			browser.click(By.id("sign-handover"));
			String signed = browser.waitFor(By.id("notice")).getText();
			assertThat(signed).contains("signed");
			String id = signed.replaceAll("\\D+", " ").trim().split(" ")[0];
			By countersign = By.id("countersign-" + id);
			assertThat(browser.driver().findElements(countersign)).as("the outgoing leader does not countersign")
				.isEmpty();

			browser.signOut().signIn("shift-leader-afternoon").go("/console/handover");
			browser.waitFor(countersign).click();
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("Handover " + id + " countersigned");

			browser.signOut().signIn("auditor").go("/audit/handovers");
			browser.waitFor(By.linkText(id)).click();
			String page = browser.waitFor(By.id("handover-title")).getText() + browser.pageText();
			assertThat(page).contains("MORNING → AFTERNOON")
				.contains("shift-leader-morning")
				.contains("shift-leader-afternoon")
				.contains("Zoe pack locked out on bay 3")
				.contains(lockout.subjectKey())
				.contains(quarantine.subjectKey())
				.contains("SHIFT_HANDOVER_SIGNED")
				.contains("SHIFT_HANDOVER_COUNTERSIGNED");
			assertThat(browser.driver()
				.findElement(By.cssSelector("#signed-content tr.lockout[data-subject='" + lockout.subjectKey() + "']"))
				.getText()).contains("lockout-officer");
		}
	}

	private Long openTask(String elementId, String batteryId) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.elementId(elementId).state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
			.page((p) -> p.limit(200))
			.send()
			.join()
			.items()
			.stream()
			.filter((task) -> instanceAbout(task.getProcessInstanceKey(), batteryId))
			.map((task) -> task.getUserTaskKey())
			.findFirst()
			.orElse(null);
	}

	private boolean lockoutCertified(String subjectKey) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId("hv-lockout").elementId("end-hv-system-locked-out"))
			.page((p) -> p.limit(200))
			.send()
			.join()
			.items()
			.stream()
			.anyMatch((end) -> instanceAbout(end.getProcessInstanceKey(), subjectKey));
	}

	private boolean instanceAbout(long instanceKey, String subjectKey) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(instanceKey).name("subjectKey"))
			.send()
			.join()
			.items()
			.stream()
			.anyMatch((variable) -> variable.getValue().equals("\"" + subjectKey + "\""));
	}

}

package fr.refactory.console.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.test.AdminClient;
import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20, plant dashboard (ADR 1301): after the demo data and two instances of a probe
 * process (one waiting at a task of its own group, one stopped by an incident of the real
 * ERP worker), every chart is drawn as SVG with the figures the {@code /v2} searches
 * give, without console errors, and a bar leads to the instances behind it.
 */
class PlantDashboardBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void shouldDrawEachChartWithTheFiguresOfTheV2SearchesAndLeadToTheInstances() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String process = "dashboard-probe-" + suffix;
		String group = "dashboard-probe-group-" + suffix;
		deployProbe(process, group);
		long waiting = start(process, "VF1MA000000000042");
		long stopped = start(process, "WDB9066331S000001");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> openIncidents(process) == 1 && openTasks(group) == 1);

		try (Browser browser = Browser.open(baseUrl()).signIn("demo")) {
			// the demo's work goes on meanwhile: the page must equal the searches made
			// right after it
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				browser.go("/dashboard");
				Map<String, Map<String, Long>> shown = figures(browser);
				assertThat(shown.get("running")).isEqualTo(searched(shown.get("running"), this::runningInstances));
				assertThat(sum(shown.get("running"))).isEqualTo(runningInstances(null));
				assertThat(shown.get("incidents")).isEqualTo(searched(shown.get("incidents"), this::openIncidents));
				assertThat(sum(shown.get("incidents"))).isEqualTo(openIncidents(null));
				assertThat(shown.get("tasks")).isEqualTo(searched(shown.get("tasks"), this::openTasks));
				assertThat(shown.get("completions")).isEqualTo(searched(shown.get("completions"), this::completedOn));
			});
			Map<String, Map<String, Long>> shown = figures(browser);
			assertThat(shown.get("running")).containsEntry(process, 2L);
			assertThat(shown.get("incidents")).containsEntry(process, 1L);
			assertThat(shown.get("tasks")).containsEntry(group, 1L);
			assertThat(shown.get("completions")).hasSize(PlantDashboard.DAYS)
				.containsKey(LocalDate.now(ZoneOffset.UTC).toString());
			assertThat(browser.consoleErrors()).as("console errors").isEmpty();
			browser.screenshot("plant-dashboard");

			browser.click(By.cssSelector("#chart-incidents g.bar[data-label='" + process + "'] a rect"));
			WebElement instances = browser.waitFor(By.id("instances"));
			assertThat(instances.getText()).contains(Long.toString(stopped)).doesNotContain(Long.toString(waiting));
			assertThat(browser.driver().getCurrentUrl()).contains("process=" + process, "withIncidents=true");
		}
	}

	/** Per chart, each bar's label and figure as drawn; every chart must be drawn. */
	private static Map<String, Map<String, Long>> figures(Browser browser) {
		Map<String, Map<String, Long>> charts = new LinkedHashMap<>();
		for (String chart : List.of("running", "incidents", "tasks", "completions")) {
			WebElement section = browser.waitFor(By.id("chart-" + chart));
			assertThat(section.findElements(By.cssSelector("svg rect"))).as(chart + " drawn").isNotEmpty();
			Map<String, Long> bars = new LinkedHashMap<>();
			for (WebElement bar : section.findElements(By.cssSelector("svg g.bar"))) {
				bars.put(bar.getDomAttribute("data-label"), Long.parseLong(bar.getDomAttribute("data-count")));
			}
			charts.put(chart, bars);
		}
		return charts;
	}

	private static Map<String, Long> searched(Map<String, Long> shown,
			java.util.function.ToLongFunction<String> search) {
		Map<String, Long> found = new LinkedHashMap<>();
		shown.keySet().forEach((label) -> found.put(label, search.applyAsLong(label)));
		return found;
	}

	private static long sum(Map<String, Long> bars) {
		return bars.values().stream().mapToLong(Long::longValue).sum();
	}

	private long runningInstances(String process) {
		return this.client.newProcessInstanceSearchRequest().filter((filter) -> {
			filter.state(ProcessInstanceState.ACTIVE);
			if (process != null) {
				filter.processDefinitionId(process);
			}
		}).page((page) -> page.limit(1)).send().join().page().totalItems();
	}

	private long openIncidents(String process) {
		return this.client.newIncidentSearchRequest().filter((filter) -> {
			filter.state(IncidentState.ACTIVE);
			if (process != null) {
				filter.processDefinitionId(process);
			}
		}).page((page) -> page.limit(1)).send().join().page().totalItems();
	}

	private long openTasks(String group) {
		if ("(no group)".equals(group)) {
			return openTasksOfferedToNoGroup();
		}
		return this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.state(UserTaskState.CREATED).candidateGroup(group))
			.page((page) -> page.limit(1))
			.send()
			.join()
			.page()
			.totalItems();
	}

	/**
	 * The search has no filter for "no candidate group": the open tasks are read and
	 * those without one counted.
	 */
	private long openTasksOfferedToNoGroup() {
		return this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.state(UserTaskState.CREATED))
			.page((page) -> page.limit(10_000))
			.send()
			.join()
			.items()
			.stream()
			.filter((task) -> task.getCandidateGroups() == null || task.getCandidateGroups().isEmpty())
			.count();
	}

	private long completedOn(String day) {
		LocalDate date = LocalDate.parse(day);
		return this.client.newProcessInstanceSearchRequest()
			.filter((filter) -> filter.state(ProcessInstanceState.COMPLETED)
				.endDate((end) -> end.gte(date.atStartOfDay().atOffset(ZoneOffset.UTC))
					.lt(date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))))
			.page((page) -> page.limit(1))
			.send()
			.join()
			.page()
			.totalItems();
	}

	/**
	 * Master data from the real ERP worker (an unknown VIN: an unhandled BPMN error, an
	 * incident), then a task.
	 */
	private void deployProbe(String process, String group) {
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(process)
				.startEvent()
				.serviceTask("masterData", (task) -> task.zeebeJobType("erp.getVehicleMasterData"))
				.userTask("check")
				.zeebeUserTask()
				.zeebeCandidateGroups(group)
				.endEvent()
				.done(), process + ".bpmn")
			.send()
			.join();
	}

	private long start(String process, String vin) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(process)
			.latestVersion()
			.variables(Map.of("vin", vin))
			.send()
			.join()
			.getProcessInstanceKey();
	}

}

package fr.refactory.console.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.refactory.console.start.DemoData;
import fr.refactory.console.start.DemoDataLoader;
import fr.refactory.console.start.DemoDataLoader.Outcome;
import fr.refactory.console.start.DemoPlantInstances;
import fr.refactory.records.PlantTime;
import fr.refactory.test.AdminClient;
import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.ElementInstanceFilter;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20, plant dashboard (ADR 1301, 1303): after the demo plant (the real loader under
 * its own marker, as on a first start) and two instances of a probe process (one waiting
 * at a task of its own group, one stopped by an incident of the real ERP worker), every
 * chart is drawn as SVG with the figures this test's own {@code /v2} searches give,
 * without console errors, and a bar leads to the instances behind it. The demo's
 * instances are cancelled afterwards (other tests use the same VINs).
 */
class PlantDashboardBrowserTest extends RefactoryIntegrationTest {

	private static final List<String> CHARTS = List.of("running", "incidents", "systems", "tasks", "completions", "sla",
			"quality", "leadtimes", "dispositions");

	/** The demo's processes, each with work in progress after it. */
	private static final List<String> DEMO_PROCESSES = List.of("vehicle-intake", "remanufacture", "diagnosis",
			"lcv-retrofit", "quality-gate", "hv-lockout", "battery-triage");

	private static final Pattern SLA_TIMER = Pattern
		.compile("<bpmn:(?:boundaryEvent|intermediateCatchEvent|startEvent) id=\"(timer-t(\\d+)-[^\"]*)\"");

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	DemoDataLoader loader;

	@Autowired
	Clock clock;

	@Autowired
	PlantTime plantTime;

	private final DemoData plant = DemoData.refactoryScenarios(LocalDate.now());

	@AfterEach
	void cancelTheDemoInstances() {
		new DemoPlantInstances(this.client, this.plant).cancelAll();
	}

	@Test
	void shouldDrawEachChartWithTheFiguresOfTheV2SearchesAndLeadToTheInstances() throws IOException {
		assertThat(this.loader.load(new DemoData("dashboard-test-" + UUID.randomUUID().toString().substring(0, 8),
				this.plant.requiredProcesses(), this.plant.announcements(), this.plant.workInProgress())))
			.isEqualTo(Outcome.ANNOUNCED);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String process = "dashboard-probe-" + suffix;
		String group = "dashboard-probe-group-" + suffix;
		deployProbe(process, group);
		long waiting = start(process, "VF1MA000000000042");
		long stopped = start(process, "WDB9066331S000001");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> openIncidents(process) == 1 && openTasks(group) == 1);
		Map<String, List<String>> slaTimers = slaTimersOfTheModels();

		try (Browser browser = Browser.open(baseUrl()).signIn("demo")) {
			// the demo's work goes on meanwhile: the page must equal the searches made
			// right after it
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				browser.go("/dashboard");
				Map<String, Map<String, Long>> shown = figures(browser);
				assertThat(shown.get("running")).isEqualTo(searched(shown.get("running"), this::runningInstances));
				assertThat(sum(shown.get("running"))).isEqualTo(runningInstances(null));
				assertThat(shown.get("incidents")).isEqualTo(searched(shown.get("incidents"), this::openIncidents));
				assertThat(sum(shown.get("incidents"))).isEqualTo(openIncidents(null));
				assertThat(shown.get("systems")).isEqualTo(openIncidentsBySystem());
				assertThat(shown.get("tasks")).isEqualTo(searched(shown.get("tasks"), this::openTasks));
				assertThat(shown.get("completions")).isEqualTo(searched(shown.get("completions"), this::completedOn));
				assertThat(shown.get("sla")).isEqualTo(slaTimersFired(slaTimers));
				assertThat(shown.get("quality")).isEqualTo(qualityGateOutcomes());
				assertThat(shown.get("leadtimes")).isEqualTo(leadTimes());
				assertThat(shown.get("dispositions")).isEqualTo(batteryDispositions());
			});
			Map<String, Map<String, Long>> shown = figures(browser);
			assertThat(shown.get("running")).containsEntry(process, 2L);
			assertThat(shown.get("running")).as("the demo's work in progress")
				.containsKeys(DEMO_PROCESSES.toArray(String[]::new));
			assertThat(shown.get("incidents")).containsEntry(process, 1L);
			assertThat(shown.get("systems").get("erp")).as("the probe's ERP incident").isPositive();
			assertThat(shown.get("tasks")).containsEntry(group, 1L);
			assertThat(shown.get("completions")).hasSize(PlantDashboard.DAYS)
				.containsKey(LocalDate.now(ZoneOffset.UTC).toString());
			assertThat(shown.get("sla")).containsKeys("T1", "T4", "T11", "T13", "T17");
			assertThat(browser.waitFor(By.cssSelector("#chart-quality .note")).getText())
				.startsWith("First-pass yield");
			assertThat(browser.consoleErrors()).as("console errors").isEmpty();
			browser.screenshot("plant-dashboard");

			browser.click(By.cssSelector("#chart-incidents g.bar[data-key='" + process + "'] a rect"));
			WebElement instances = browser.waitFor(By.id("instances"));
			assertThat(instances.getText()).contains(Long.toString(stopped)).doesNotContain(Long.toString(waiting));
			assertThat(browser.driver().getCurrentUrl()).contains("process=" + process, "withIncidents=true");
		}
	}

	/** Per chart, each bar's label and figure as drawn; every chart must be drawn. */
	private static Map<String, Map<String, Long>> figures(Browser browser) {
		Map<String, Map<String, Long>> charts = new LinkedHashMap<>();
		for (String chart : CHARTS) {
			WebElement section = browser.waitFor(By.id("chart-" + chart));
			assertThat(section.findElements(By.cssSelector("svg g.bar rect"))).as(chart + " drawn").isNotEmpty();
			Map<String, Long> bars = new LinkedHashMap<>();
			for (WebElement bar : section.findElements(By.cssSelector("svg g.bar"))) {
				bars.put(bar.getDomAttribute("data-key"), Long.parseLong(bar.getDomAttribute("data-count")));
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
	 * The SLA timers of {@code processes/}: element ids by T-number, each
	 * "process/element".
	 */
	private static Map<String, List<String>> slaTimersOfTheModels() throws IOException {
		Map<String, List<String>> timers = new TreeMap<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".bpmn")).toList()) {
				String processId = file.getFileName().toString().replace(".bpmn", "");
				Matcher timer = SLA_TIMER.matcher(Files.readString(file));
				while (timer.find()) {
					timers.computeIfAbsent("T" + timer.group(2), (sla) -> new ArrayList<>())
						.add(processId + "/" + timer.group(1));
				}
			}
		}
		return timers;
	}

	/** Since Monday 00:00 of this week, plant time, by T-number. */
	private Map<String, Long> slaTimersFired(Map<String, List<String>> timers) {
		OffsetDateTime monday = ZonedDateTime.now(this.clock.withZone(this.plantTime.zone()))
			.toLocalDate()
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.atStartOfDay(this.plantTime.zone())
			.toOffsetDateTime();
		Map<String, Long> fired = new LinkedHashMap<>();
		timers.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((entry) -> Integer.parseInt(entry.getKey().substring(1))))
			.forEach((entry) -> fired.put(entry.getKey(), entry.getValue().stream().mapToLong((timer) -> {
				String[] processAndElement = timer.split("/");
				return elements((filter) -> filter.processDefinitionId(processAndElement[0])
					.elementId(processAndElement[1])
					.startDate((date) -> date.gte(monday)));
			}).sum()));
		return fired;
	}

	private Map<String, Long> qualityGateOutcomes() {
		OffsetDateTime since = OffsetDateTime.now(this.clock).minusDays(PlantDashboard.RECENT_DAYS);
		Map<String, Long> outcomes = new LinkedHashMap<>();
		Map.of("released", "end-item-released", "rework", "task-count-rework-loop", "scrapped", "end-item-scrapped",
				"returned", "end-returned-to-supplier")
			.forEach((outcome, element) -> outcomes.put(outcome,
					elements((filter) -> filter.processDefinitionId("quality-gate")
						.elementId(element)
						.state(ElementInstanceState.COMPLETED)
						.endDate((date) -> date.gte(since)))));
		return outcomes;
	}

	/**
	 * Median and 90th percentile (nearest rank) in whole hours: lcv-retrofit from its
	 * start to "Vehicle converted"; a Renew vehicle from its arrival (the calling intake)
	 * to diagnosis' "Vehicle released".
	 */
	private Map<String, Long> leadTimes() {
		OffsetDateTime since = OffsetDateTime.now(this.clock).minusDays(PlantDashboard.RECENT_DAYS);
		List<Long> retrofit = new ArrayList<>();
		for (ElementInstance end : completed("lcv-retrofit", "end-vehicle-converted", since)) {
			retrofit.add(minutes(instance(end.getProcessInstanceKey()).getStartDate(), end.getEndDate()));
		}
		List<Long> renew = new ArrayList<>();
		for (ElementInstance end : completed("diagnosis", "end-vehicle-released", since)) {
			long diagnosis = end.getProcessInstanceKey();
			boolean isRenew = this.client.newVariableSearchRequest()
				.filter((filter) -> filter.processInstanceKey(diagnosis).scopeKey(diagnosis).name("route"))
				.send()
				.join()
				.items()
				.stream()
				.anyMatch((route) -> "\"RENEW\"".equals(route.getValue()));
			if (isRenew) {
				ProcessInstance instance = instance(diagnosis);
				ProcessInstance arrival = (instance.getParentProcessInstanceKey() != null)
						? instance(instance.getParentProcessInstanceKey()) : instance;
				renew.add(minutes(arrival.getStartDate(), end.getEndDate()));
			}
		}
		Map<String, Long> times = new LinkedHashMap<>();
		times.put("retrofit-median", hoursAt(retrofit, 0.5));
		times.put("retrofit-p90", hoursAt(retrofit, 0.9));
		times.put("renew-median", hoursAt(renew, 0.5));
		times.put("renew-p90", hoursAt(renew, 0.9));
		return times;
	}

	private List<ElementInstance> completed(String process, String element, OffsetDateTime since) {
		return this.client.newElementInstanceSearchRequest()
			.filter((filter) -> filter.processDefinitionId(process)
				.elementId(element)
				.state(ElementInstanceState.COMPLETED)
				.endDate((date) -> date.gte(since)))
			.page((page) -> page.limit(10_000))
			.send()
			.join()
			.items();
	}

	private ProcessInstance instance(long key) {
		return this.client.newProcessInstanceGetRequest(key).send().join();
	}

	private static long minutes(OffsetDateTime from, OffsetDateTime to) {
		return Duration.between(from, to).toMinutes();
	}

	private static long hoursAt(List<Long> minutes, double share) {
		if (minutes.isEmpty()) {
			return 0;
		}
		List<Long> sorted = minutes.stream().sorted().toList();
		long value = sorted.get((int) Math.ceil(share * sorted.size()) - 1);
		return Math.round(value / 60.0);
	}

	/**
	 * Every disposition D7's rules give ({@code decisions/battery-disposition.dmn}, its
	 * first output column), and any other value found, each with its own search's total.
	 */
	private Map<String, Long> batteryDispositions() throws IOException {
		Set<String> values = new TreeSet<>();
		Matcher rule = Pattern.compile("<outputEntry id=\"rule-[^\"]*-out-1\">\\s*<text>\"([A-Z_]+)\"</text>")
			.matcher(Files.readString(Path.of("decisions/battery-disposition.dmn")));
		while (rule.find()) {
			values.add(rule.group(1));
		}
		this.client.newVariableSearchRequest()
			.filter((filter) -> filter.name("disposition"))
			.page((page) -> page.limit(10_000))
			.send()
			.join()
			.items()
			.stream()
			.map((variable) -> variable.getValue())
			.filter((value) -> !"null".equals(value))
			.forEach((value) -> values.add(value.replace("\"", "")));
		Map<String, Long> dispositions = new TreeMap<>();
		values.forEach((value) -> dispositions.put(value,
				this.client.newVariableSearchRequest()
					.filter((filter) -> filter.name("disposition").value("\"" + value + "\""))
					.page((page) -> page.limit(1))
					.send()
					.join()
					.page()
					.totalItems()));
		return dispositions;
	}

	/**
	 * Every open incident under the system its job's type starts with, "engine" without a
	 * job.
	 */
	private Map<String, Long> openIncidentsBySystem() {
		Map<String, Long> bySystem = new TreeMap<>();
		for (Incident incident : this.client.newIncidentSearchRequest()
			.filter((filter) -> filter.state(IncidentState.ACTIVE))
			.page((page) -> page.limit(10_000))
			.send()
			.join()
			.items()) {
			String system = "engine";
			if (incident.getJobKey() != null) {
				String type = this.client.newJobSearchRequest()
					.filter((filter) -> filter.jobKey(incident.getJobKey()))
					.send()
					.join()
					.items()
					.get(0)
					.getType();
				system = type.split("\\.")[0];
			}
			bySystem.merge(system, 1L, Long::sum);
		}
		assertThat(sum(bySystem)).isEqualTo(openIncidents(null));
		return bySystem;
	}

	private long elements(java.util.function.Consumer<ElementInstanceFilter> filter) {
		return this.client.newElementInstanceSearchRequest()
			.filter(filter)
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

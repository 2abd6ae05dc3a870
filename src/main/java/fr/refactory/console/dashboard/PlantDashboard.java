package fr.refactory.console.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import fr.refactory.console.dashboard.Chart.Bar;
import fr.refactory.records.PlantTime;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The plant dashboard's figures, each from the engine's {@code /v2} searches through the
 * console's Camunda client (ADR 1301): counts are the searches' {@code totalItems}, never
 * a page of items counted here, so a figure is what the same search gives anyone else.
 */
@Component
class PlantDashboard {

	static final int DAYS = 7;

	static final int RECENT_DAYS = 30;

	private static final int TASK_PAGE = 500;

	private final CamundaClient client;

	private final Clock clock;

	private final PlantIndicators indicators;

	private final PlantTime plantTime;

	private final MessageSource messages;

	PlantDashboard(@ConsoleClient CamundaClient client, Clock clock, PlantIndicators indicators, PlantTime plantTime,
			MessageSource messages) {
		this.client = client;
		this.clock = clock;
		this.indicators = indicators;
		this.plantTime = plantTime;
		this.messages = messages;
	}

	/** Who reads the dashboard: which pages its links may lead them to. */
	record Reader(boolean mayAudit, boolean mayOperate, Locale locale) {
	}

	/** The charts, titles and labels in the reader's language, links they may follow. */
	List<Chart> charts(Reader reader) {
		List<String> processes = processIds();
		boolean linked = reader.mayAudit();
		List<Chart> charts = new ArrayList<>();
		charts.add(chart("running", reader, null, perProcess(processes, this::runningInstances,
				(process) -> linked ? instances(process, "ACTIVE", false) : null)));
		charts.add(chart("incidents", reader, null, perProcess(processes, this::openIncidents,
				(process) -> linked ? instances(process, "ACTIVE", true) : null)));
		charts.add(chart("systems", reader, null, incidentsBySystem(reader)));
		charts.add(chart("tasks", reader, null, openTasksPerGroup()));
		charts.add(chart("completions", reader, null, completionsPerDay()));
		charts.add(slaTimersFired(reader));
		charts.add(qualityGate(reader));
		charts.add(chart("leadtimes", reader, null, leadTimes(reader)));
		charts.add(chart("dispositions", reader, null, batteryDispositions(reader)));
		return charts;
	}

	/** Monday 00:00 of this week, plant time: the SLA chart counts from there. */
	OffsetDateTime startOfWeek() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.plantTime.zone()));
		return now.toLocalDate()
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.atStartOfDay(now.getZone())
			.toOffsetDateTime();
	}

	/** The quality gate and lead times count the last {@value #RECENT_DAYS} days. */
	OffsetDateTime recentSince() {
		return OffsetDateTime.now(this.clock).minusDays(RECENT_DAYS);
	}

	private Chart chart(String id, Reader reader, String note, List<Bar> bars) {
		return new Chart(id, text(reader, "dashboard.chart." + id + ".title"),
				text(reader, "dashboard.chart." + id + ".unit"), note, bars);
	}

	private Chart slaTimersFired(Reader reader) {
		OffsetDateTime since = startOfWeek();
		Map<Integer, String> processOf = new TreeMap<>();
		this.indicators.slaTimers().forEach((timer) -> processOf.putIfAbsent(timer.sla(), timer.processId()));
		List<Bar> bars = new ArrayList<>();
		this.indicators.slaTimersFired(since)
			.forEach((sla, fired) -> bars.add(new Bar("T" + sla, text(reader, "dashboard.sla.T" + sla), fired,
					reader.mayAudit() ? instances(processOf.get(sla), null, false) : null)));
		String note = text(reader, "dashboard.chart.sla.since", since.toLocalDate().toString());
		return new Chart("sla", text(reader, "dashboard.chart.sla.title"), text(reader, "dashboard.chart.sla.unit"),
				note, bars);
	}

	private Chart qualityGate(Reader reader) {
		Map<String, Long> outcomes = this.indicators.qualityGateOutcomes(recentSince());
		String link = reader.mayAudit() ? instances(PlantIndicators.QUALITY_GATE, "COMPLETED", false) : null;
		List<Bar> bars = new ArrayList<>();
		outcomes.forEach((outcome, count) -> bars
			.add(new Bar(outcome, text(reader, "dashboard.quality." + outcome), count, link)));
		long decided = outcomes.values().stream().mapToLong(Long::longValue).sum();
		String note = (decided == 0) ? text(reader, "dashboard.quality.yield.none")
				: text(reader, "dashboard.quality.yield", firstPassYield(outcomes), decided);
		return chart("quality", reader, note, bars);
	}

	/**
	 * Percent of the gate's passes released without a rework order, rounded down (ADR
	 * 1303).
	 */
	static long firstPassYield(Map<String, Long> outcomes) {
		long decided = outcomes.values().stream().mapToLong(Long::longValue).sum();
		return (decided == 0) ? 0 : outcomes.getOrDefault("released", 0L) * 100 / decided;
	}

	private List<Bar> leadTimes(Reader reader) {
		OffsetDateTime since = recentSince();
		List<Bar> bars = new ArrayList<>();
		addLeadTimes(bars, reader, "retrofit", "lcv-retrofit",
				this.indicators.leadTimes("lcv-retrofit", "end-vehicle-converted", since, PlantIndicators.ownStart()));
		addLeadTimes(bars, reader, "renew", "diagnosis", this.indicators.leadTimes("diagnosis", "end-vehicle-released",
				since, PlantIndicators.callerStartWhen("route", "RENEW")));
		return bars;
	}

	private void addLeadTimes(List<Bar> bars, Reader reader, String key, String processId, List<Duration> times) {
		String link = reader.mayAudit() ? instances(processId, "COMPLETED", false) : null;
		bars.add(new Bar(key + "-median", text(reader, "dashboard.lead." + key + ".median", times.size()),
				hours(percentile(times, 50)), link));
		bars.add(new Bar(key + "-p90", text(reader, "dashboard.lead." + key + ".p90", times.size()),
				hours(percentile(times, 90)), link));
	}

	/** Nearest-rank percentile; zero of no lead times. */
	static Duration percentile(List<Duration> times, int percent) {
		if (times.isEmpty()) {
			return Duration.ZERO;
		}
		List<Duration> sorted = times.stream().sorted().toList();
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	/** Whole hours, rounded to the nearest. */
	static long hours(Duration duration) {
		return (duration.toMinutes() + 30) / 60;
	}

	private List<Bar> batteryDispositions(Reader reader) {
		String link = reader.mayAudit() ? instances("battery-triage", null, false) : null;
		List<Bar> bars = new ArrayList<>();
		this.indicators.batteryDispositions()
			.forEach((disposition, count) -> bars.add(new Bar(disposition,
					textOr(reader, "dashboard.disposition." + disposition, disposition), count, link)));
		return bars;
	}

	private List<Bar> incidentsBySystem(Reader reader) {
		String link = reader.mayOperate() ? "/operations/incidents" : null;
		List<Bar> bars = new ArrayList<>();
		this.indicators.openIncidentsBySystem()
			.forEach((system, count) -> bars.add(new Bar(system, PlantIndicators.ENGINE.equals(system)
					? text(reader, "dashboard.system.engine") : system.toUpperCase(Locale.ROOT), count, link)));
		return bars;
	}

	private String text(Reader reader, String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, reader.locale());
	}

	/** A text with a fallback for a value the bundles do not name (a new disposition). */
	private String textOr(Reader reader, String code, String fallback) {
		return this.messages.getMessage(code, null, fallback, reader.locale());
	}

	long runningInstances(String processId) {
		return total(this.client.newProcessInstanceSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
			.page((page) -> page.limit(1))
			.send()
			.join());
	}

	long openIncidents(String processId) {
		return total(this.client.newIncidentSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId).state(IncidentState.ACTIVE))
			.page((page) -> page.limit(1))
			.send()
			.join());
	}

	private List<String> processIds() {
		List<ProcessDefinition> definitions = this.client.newProcessDefinitionSearchRequest()
			.page((page) -> page.limit(1000))
			.send()
			.join()
			.items();
		return new ArrayList<>(
				new TreeSet<>(definitions.stream().map(ProcessDefinition::getProcessDefinitionId).toList()));
	}

	private static List<Bar> perProcess(List<String> processes, Function<String, Long> count,
			Function<String, String> link) {
		List<Bar> bars = new ArrayList<>();
		for (String process : processes) {
			long value = count.apply(process);
			if (value > 0) {
				bars.add(new Bar(process, value, link.apply(process)));
			}
		}
		return bars;
	}

	/**
	 * Every open task counted under each of its candidate groups (a task offered to two
	 * groups is in both bars).
	 */
	private List<Bar> openTasksPerGroup() {
		Map<String, Long> perGroup = new TreeMap<>();
		String after = null;
		while (true) {
			String cursor = after;
			SearchResponse<UserTask> found = this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.state(UserTaskState.CREATED))
				.page((page) -> {
					page.limit(TASK_PAGE);
					if (cursor != null) {
						page.after(cursor);
					}
				})
				.send()
				.join();
			for (UserTask task : found.items()) {
				List<String> groups = task.getCandidateGroups();
				for (String group : (groups == null || groups.isEmpty()) ? List.of("(no group)") : groups) {
					perGroup.merge(group, 1L, Long::sum);
				}
			}
			if (found.items().size() < TASK_PAGE || found.page().endCursor() == null) {
				break;
			}
			after = found.page().endCursor();
		}
		return perGroup.entrySet().stream().map((entry) -> new Bar(entry.getKey(), entry.getValue(), null)).toList();
	}

	private List<Bar> completionsPerDay() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		List<Bar> bars = new ArrayList<>();
		for (int back = DAYS - 1; back >= 0; back--) {
			LocalDate day = today.minusDays(back);
			bars.add(new Bar(day.toString(), completedOn(day), null));
		}
		return bars;
	}

	long completedOn(LocalDate day) {
		return total(this.client.newProcessInstanceSearchRequest()
			.filter((filter) -> filter.state(ProcessInstanceState.COMPLETED)
				.endDate((date) -> date.gte(day.atStartOfDay().atOffset(ZoneOffset.UTC))
					.lt(day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))))
			.page((page) -> page.limit(1))
			.send()
			.join());
	}

	private static String instances(String process, String state, boolean withIncidents) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit/instances").queryParam("process", process);
		if (state != null) {
			uri.queryParam("state", state);
		}
		if (withIncidents) {
			uri.queryParam("withIncidents", "true");
		}
		return uri.encode().build().toUriString();
	}

	private static long total(SearchResponse<?> response) {
		return PlantIndicators.total(response);
	}

}

package fr.refactory.console.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import fr.refactory.console.dashboard.Chart.Bar;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;

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

	private static final int TASK_PAGE = 500;

	private final CamundaClient client;

	private final Clock clock;

	PlantDashboard(@ConsoleClient CamundaClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	/**
	 * The charts; {@code linked}: whether the reader may open the instance search the
	 * bars link to.
	 */
	List<Chart> charts(boolean linked) {
		List<String> processes = processIds();
		return List.of(
				new Chart("running", "Work in progress per process", "running instances",
						perProcess(processes, this::runningInstances,
								(process) -> linked ? instances(process, false) : null)),
				new Chart("incidents", "Open incidents per process", "open incidents",
						perProcess(processes, this::openIncidents,
								(process) -> linked ? instances(process, true) : null)),
				new Chart("tasks", "Open tasks per group", "open tasks", openTasksPerGroup()),
				new Chart("completions", "Completions per day", "instances completed", completionsPerDay()));
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

	private static String instances(String process, boolean withIncidents) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit/instances")
			.queryParam("process", process)
			.queryParam("state", "ACTIVE");
		if (withIncidents) {
			uri.queryParam("withIncidents", "true");
		}
		return uri.encode().build().toUriString();
	}

	private static long total(SearchResponse<?> response) {
		Long total = response.page().totalItems();
		return (total != null) ? total : response.items().size();
	}

}

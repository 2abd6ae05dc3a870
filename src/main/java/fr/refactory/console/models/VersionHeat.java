package fr.refactory.console.models;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import fr.refactory.system.diagram.HeatMap;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.statistics.filter.ProcessDefinitionStatisticsFilter;
import io.camunda.client.api.statistics.filter.ProcessDefinitionStatisticsFilterBase;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A version's counts per element from the {@code /v2} element statistics: tokens now
 * (active, in an incident) and element instances completed by the instances that ran
 * during the last 7 days (ADR 1070).
 */
@Component
class VersionHeat {

	static final Duration COMPLETED_WINDOW = Duration.ofDays(7);

	private final CamundaClient client;

	private final Clock clock;

	VersionHeat(@ConsoleClient CamundaClient client, ObjectProvider<Clock> clock) {
		this.client = client;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	HeatMap of(long definitionKey) {
		Map<String, ProcessElementStatistics> now = statistics(definitionKey,
				(filter) -> filter.state(ProcessInstanceState.ACTIVE));
		OffsetDateTime since = OffsetDateTime.ofInstant(this.clock.instant().minus(COMPLETED_WINDOW), ZoneOffset.UTC);
		List<Consumer<ProcessDefinitionStatisticsFilterBase>> ranLately = List.of(
				(filter) -> filter.state(ProcessInstanceState.ACTIVE),
				(filter) -> filter.endDate((date) -> date.gte(since)));
		Map<String, ProcessElementStatistics> lately = statistics(definitionKey,
				(filter) -> filter.orFilters(ranLately));
		Map<String, HeatMap.Counts> counts = new HashMap<>();
		for (String elementId : union(now, lately)) {
			ProcessElementStatistics current = now.get(elementId);
			ProcessElementStatistics recent = lately.get(elementId);
			counts.put(elementId, new HeatMap.Counts(current == null ? 0 : current.getActive(),
					current == null ? 0 : current.getIncidents(), recent == null ? 0 : recent.getCompleted()));
		}
		return new HeatMap(counts);
	}

	private Map<String, ProcessElementStatistics> statistics(long definitionKey,
			Consumer<ProcessDefinitionStatisticsFilter> filter) {
		Map<String, ProcessElementStatistics> byElement = new TreeMap<>();
		this.client.newProcessDefinitionElementStatisticsRequest(definitionKey)
			.filter(filter)
			.send()
			.join()
			.forEach((statistics) -> byElement.put(statistics.getElementId(), statistics));
		return byElement;
	}

	private static java.util.Set<String> union(Map<String, ?> one, Map<String, ?> other) {
		java.util.Set<String> ids = new java.util.TreeSet<>(one.keySet());
		ids.addAll(other.keySet());
		return ids;
	}

}

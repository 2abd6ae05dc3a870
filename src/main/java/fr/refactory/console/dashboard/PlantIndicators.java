package fr.refactory.console.dashboard;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.filter.ElementInstanceFilter;
import io.camunda.client.api.search.request.SearchRequestPage;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;

import org.springframework.stereotype.Component;

/**
 * The plant's indicators of issue 20 that are not plain counts per process (ADR 1303):
 * SLA timers fired, the quality gate's outcomes, lead times, battery dispositions and
 * open incidents by plant system. Every figure comes from the engine's {@code /v2}
 * searches through the console's Camunda client; element ids are the models' (their
 * naming convention, {@code processes/README.md}), never a threshold.
 */
@Component
class PlantIndicators {

	/** SLA timers are named {@code timer-t<N>-…} after the brief's T-number. */
	static final Pattern SLA_TIMER = Pattern.compile("timer-t(\\d+)-.*");

	static final String QUALITY_GATE = "quality-gate";

	/** The quality gate's outcomes: the elements a pass reaches, in the order shown. */
	static final Map<String, String> GATE_OUTCOMES = orderedOf("released", "end-item-released", "rework",
			"task-count-rework-loop", "scrapped", "end-item-scrapped", "returned", "end-returned-to-supplier");

	static final String BATTERY_DISPOSITION = "battery-disposition";

	static final String DISPOSITION = "disposition";

	private static final int PAGE = 500;

	private final CamundaClient client;

	/** Timers of a deployed definition, by its key: a deployed model never changes. */
	private final Map<Long, List<SlaTimer>> timersByDefinition = new ConcurrentHashMap<>();

	/** D7's dispositions, by the decision definition's key. */
	private final Map<Long, List<String>> dispositionsByDefinition = new ConcurrentHashMap<>();

	PlantIndicators(@ConsoleClient CamundaClient client) {
		this.client = client;
	}

	/** An SLA timer of a model: its T-number, process and element. */
	record SlaTimer(int sla, String processId, String elementId) {
	}

	/** How many times each SLA's timers fired since {@code since}, by T-number. */
	Map<Integer, Long> slaTimersFired(OffsetDateTime since) {
		Map<Integer, Long> fired = new TreeMap<>();
		for (SlaTimer timer : slaTimers()) {
			long count = countElements((filter) -> filter.processDefinitionId(timer.processId())
				.elementId(timer.elementId())
				.startDate((date) -> date.gte(since)));
			fired.merge(timer.sla(), count, Long::sum);
		}
		return fired;
	}

	/**
	 * The SLA timers of the latest version of every deployed process (an older version's
	 * timers have the same ids).
	 */
	List<SlaTimer> slaTimers() {
		Map<String, ProcessDefinition> latest = new TreeMap<>();
		for (ProcessDefinition definition : this.client.newProcessDefinitionSearchRequest()
			.page((page) -> page.limit(1000))
			.send()
			.join()
			.items()) {
			latest.merge(definition.getProcessDefinitionId(), definition,
					(a, b) -> (a.getVersion() >= b.getVersion()) ? a : b);
		}
		List<SlaTimer> timers = new ArrayList<>();
		for (ProcessDefinition definition : latest.values()) {
			timers.addAll(this.timersByDefinition.computeIfAbsent(definition.getProcessDefinitionKey(),
					(key) -> timersOf(definition)));
		}
		timers.sort(Comparator.comparingInt(SlaTimer::sla).thenComparing(SlaTimer::elementId));
		return timers;
	}

	private List<SlaTimer> timersOf(ProcessDefinition definition) {
		String xml = this.client.newProcessDefinitionGetXmlRequest(definition.getProcessDefinitionKey()).send().join();
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		List<SlaTimer> timers = new ArrayList<>();
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			String elementId = timer.getParentElement().getAttributeValue("id");
			Matcher sla = SLA_TIMER.matcher((elementId != null) ? elementId : "");
			if (sla.matches()) {
				timers
					.add(new SlaTimer(Integer.parseInt(sla.group(1)), definition.getProcessDefinitionId(), elementId));
			}
		}
		return timers;
	}

	/**
	 * The quality gate's passes by outcome (keys of {@link #GATE_OUTCOMES}) since then.
	 */
	Map<String, Long> qualityGateOutcomes(OffsetDateTime since) {
		Map<String, Long> outcomes = new LinkedHashMap<>();
		GATE_OUTCOMES.forEach((outcome, elementId) -> outcomes.put(outcome,
				countElements((filter) -> filter.processDefinitionId(QUALITY_GATE)
					.elementId(elementId)
					.state(ElementInstanceState.COMPLETED)
					.endDate((date) -> date.gte(since)))));
		return outcomes;
	}

	/**
	 * Lead times of the instances of {@code processId} that reached {@code endElementId}
	 * since then, each from the start of the instance {@code origin} names.
	 */
	List<Duration> leadTimes(String processId, String endElementId, OffsetDateTime since, LeadTimeOrigin origin) {
		List<Duration> times = new ArrayList<>();
		for (ElementInstance end : elements((filter) -> filter.processDefinitionId(processId)
			.elementId(endElementId)
			.state(ElementInstanceState.COMPLETED)
			.endDate((date) -> date.gte(since)))) {
			ProcessInstance instance = this.client.newProcessInstanceGetRequest(end.getProcessInstanceKey())
				.send()
				.join();
			origin.startOf(instance, this).ifPresent((start) -> times.add(Duration.between(start, end.getEndDate())));
		}
		return times;
	}

	/** Where a lead time starts, or none when the instance is not one to count. */
	interface LeadTimeOrigin {

		Optional<OffsetDateTime> startOf(ProcessInstance instance, PlantIndicators indicators);

	}

	/** The instance's own start. */
	static LeadTimeOrigin ownStart() {
		return (instance, indicators) -> Optional.of(instance.getStartDate());
	}

	/**
	 * The start of the instance that called it (the vehicle's arrival at the gate), only
	 * for instances whose variable {@code name} holds {@code value}.
	 */
	static LeadTimeOrigin callerStartWhen(String name, String value) {
		return (instance, indicators) -> indicators.hasVariable(instance.getProcessInstanceKey(), name, value)
				? Optional.of(indicators.callerOrOwnStart(instance)) : Optional.empty();
	}

	private boolean hasVariable(long instanceKey, String name, String value) {
		return total(this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(instanceKey)
				.scopeKey(instanceKey)
				.name(name)
				.value(jsonText(value)))
			.page((page) -> page.limit(1))
			.send()
			.join()) > 0;
	}

	private OffsetDateTime callerOrOwnStart(ProcessInstance instance) {
		Long parent = instance.getParentProcessInstanceKey();
		if (parent == null) {
			return instance.getStartDate();
		}
		return this.client.newProcessInstanceGetRequest(parent).send().join().getStartDate();
	}

	/**
	 * Batteries by the disposition decided for them (D7's output {@code disposition}, the
	 * variable of battery-triage), all instances; every disposition D7 can decide is
	 * shown, at zero when none was.
	 */
	Map<String, Long> batteryDispositions() {
		Map<String, Long> dispositions = new TreeMap<>();
		dispositionsOfTheTable().forEach((disposition) -> dispositions.put(disposition, 0L));
		String after = null;
		while (true) {
			String cursor = after;
			SearchResponse<Variable> found = this.client.newVariableSearchRequest()
				.filter((filter) -> filter.name(DISPOSITION))
				.page((page) -> page(page, cursor))
				.send()
				.join();
			for (Variable variable : found.items()) {
				String value = unquoted(variable.getValue());
				if (value != null) {
					dispositions.merge(value, 1L, Long::sum);
				}
			}
			after = next(found);
			if (after == null) {
				return dispositions;
			}
		}
	}

	/** The dispositions the deployed D7 table's rules give, read from its XML. */
	List<String> dispositionsOfTheTable() {
		return this.client.newDecisionDefinitionSearchRequest()
			.filter((filter) -> filter.decisionDefinitionId(BATTERY_DISPOSITION))
			.page((page) -> page.limit(1000))
			.send()
			.join()
			.items()
			.stream()
			.max(Comparator.comparingInt(DecisionDefinition::getVersion))
			.map((definition) -> this.dispositionsByDefinition.computeIfAbsent(definition.getDecisionKey(),
					(key) -> DecisionTableOutputs.values(
							this.client.newDecisionDefinitionGetXmlRequest(key).send().join(), BATTERY_DISPOSITION,
							DISPOSITION)))
			.orElse(List.of());
	}

	/**
	 * Open incidents by the plant system whose job failed: the job type's prefix
	 * ({@code erp.getVehicleMasterData} → {@code erp}); {@link #ENGINE} for an incident
	 * of no job (an expression, a decision, a called element).
	 */
	Map<String, Long> openIncidentsBySystem() {
		Map<String, Long> bySystem = new TreeMap<>();
		String after = null;
		while (true) {
			String cursor = after;
			SearchResponse<Incident> found = this.client.newIncidentSearchRequest()
				.filter((filter) -> filter.state(IncidentState.ACTIVE))
				.page((page) -> page(page, cursor))
				.send()
				.join();
			Map<Long, String> jobTypes = jobTypes(
					found.items().stream().map(Incident::getJobKey).filter((key) -> key != null).toList());
			for (Incident incident : found.items()) {
				String type = (incident.getJobKey() != null) ? jobTypes.get(incident.getJobKey()) : null;
				bySystem.merge(systemOf(type), 1L, Long::sum);
			}
			after = next(found);
			if (after == null) {
				return bySystem;
			}
		}
	}

	static final String ENGINE = "engine";

	static String systemOf(String jobType) {
		if (jobType == null) {
			return ENGINE;
		}
		int dot = jobType.indexOf('.');
		return (dot > 0) ? jobType.substring(0, dot) : jobType;
	}

	private Map<Long, String> jobTypes(List<Long> jobKeys) {
		Map<Long, String> types = new HashMap<>();
		if (jobKeys.isEmpty()) {
			return types;
		}
		for (Job job : this.client.newJobSearchRequest()
			.filter((filter) -> filter.jobKey((key) -> key.in(jobKeys)))
			.page((page) -> page.limit(jobKeys.size()))
			.send()
			.join()
			.items()) {
			types.put(job.getJobKey(), job.getType());
		}
		return types;
	}

	private long countElements(Consumer<ElementInstanceFilter> filter) {
		return total(this.client.newElementInstanceSearchRequest()
			.filter(filter)
			.page((page) -> page.limit(1))
			.send()
			.join());
	}

	private List<ElementInstance> elements(Consumer<ElementInstanceFilter> filter) {
		List<ElementInstance> all = new ArrayList<>();
		String after = null;
		while (true) {
			String cursor = after;
			SearchResponse<ElementInstance> found = this.client.newElementInstanceSearchRequest()
				.filter(filter)
				.page((page) -> page(page, cursor))
				.send()
				.join();
			all.addAll(found.items());
			after = next(found);
			if (after == null) {
				return all;
			}
		}
	}

	private static void page(SearchRequestPage page, String cursor) {
		page.limit(PAGE);
		if (cursor != null) {
			page.after(cursor);
		}
	}

	private static String next(SearchResponse<?> found) {
		return (found.items().size() < PAGE) ? null : found.page().endCursor();
	}

	static long total(SearchResponse<?> response) {
		Long total = response.page().totalItems();
		return (total != null) ? total : response.items().size();
	}

	/** A variable's value as the search gives it: JSON text, a string in quotes. */
	static String jsonText(String value) {
		return "\"" + value + "\"";
	}

	private static String unquoted(String json) {
		if (json == null || "null".equals(json)) {
			return null;
		}
		return (json.length() >= 2 && json.startsWith("\"") && json.endsWith("\""))
				? json.substring(1, json.length() - 1) : json;
	}

	private static Map<String, String> orderedOf(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}

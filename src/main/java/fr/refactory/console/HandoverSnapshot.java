package fr.refactory.console;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.console.HandoverContent.GroupTasks;
import fr.refactory.console.HandoverContent.LockoutInPlace;
import fr.refactory.console.HandoverContent.OpenIncident;
import fr.refactory.console.HandoverContent.QuarantinedBattery;
import fr.refactory.console.HandoverContent.TemperatureReading;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;

import org.springframework.stereotype.Component;

/**
 * Takes the handover's content from the engine's /v2 searches (through the console's
 * client) and the records (the audit log's temperature readings); it writes nothing (ADR
 * 0711).
 */
@Component
class HandoverSnapshot {

	static final String LOCKOUT_PROCESS = "hv-lockout";

	static final String LOCKED_OUT = "end-hv-system-locked-out";

	static final String RE_ENERGISED = "end-hv-system-re-energised";

	static final String TRIAGE_PROCESS = "battery-triage";

	static final String MOVED_TO_QUARANTINE = "task-move-to-quarantine";

	/** The elements a battery waits at while it is watched in quarantine. */
	static final List<String> QUARANTINE_WATCH = List.of("task-log-quarantine-temperature",
			"timer-next-temperature-reading");

	static final String TEMPERATURE_TASK = "Log quarantine temperature";

	private static final int LIMIT = 1000;

	/**
	 * Overdue tasks named per group, the most overdue first; the count says how many
	 * there are in all.
	 */
	private static final int OVERDUE_NAMED = 20;

	private final CamundaClient client;

	private final ProcessSubjects subjects;

	private final AuditLog auditLog;

	private final ObjectMapper json;

	private final Clock clock;

	HandoverSnapshot(@ConsoleClient CamundaClient client, ProcessSubjects subjects, AuditLog auditLog,
			ObjectMapper json, Clock clock) {
		this.client = client;
		this.subjects = subjects;
		this.auditLog = auditLog;
		this.json = json;
		this.clock = clock;
	}

	HandoverContent take() {
		Instant now = this.clock.instant();
		return new HandoverContent(now, tasksPerGroup(now), lockoutsInPlace(), quarantined(), openIncidents());
	}

	private List<GroupTasks> tasksPerGroup(Instant now) {
		Map<String, List<UserTask>> byGroup = new TreeMap<>();
		for (UserTask task : this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.state(UserTaskState.CREATED))
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items()) {
			List<String> groups = (task.getCandidateGroups() == null || task.getCandidateGroups().isEmpty())
					? List.of("(no group)") : task.getCandidateGroups();
			groups.forEach((group) -> byGroup.computeIfAbsent(group, (key) -> new ArrayList<>()).add(task));
		}
		List<GroupTasks> groups = new ArrayList<>();
		Map<Long, String> subjectByInstance = new java.util.HashMap<>();
		byGroup.forEach((group, tasks) -> {
			List<UserTask> overdue = tasks.stream()
				.filter((task) -> task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now))
				.sorted(Comparator.comparing(UserTask::getDueDate))
				.toList();
			groups.add(new GroupTasks(group, tasks.size(), overdue.size(),
					overdue.stream().limit(OVERDUE_NAMED).map((task) -> describe(task, subjectByInstance)).toList()));
		});
		return groups;
	}

	private String describe(UserTask task, Map<Long, String> subjectByInstance) {
		String subject = subjectByInstance.computeIfAbsent(task.getProcessInstanceKey(),
				(instance) -> this.subjects.subjectOf(instance).key());
		return (task.getName() != null ? task.getName() : task.getElementId()) + " — "
				+ (subject.isBlank() ? task.getProcessInstanceKey() : subject) + " (due " + task.getDueDate() + ")";
	}

	/**
	 * A lock (hv-lockout ended at "HV system locked out") is in place until a later
	 * unlock of the same subject ended at "HV system re-energised".
	 */
	private List<LockoutInPlace> lockoutsInPlace() {
		Map<String, Instant> lastUnlock = new TreeMap<>();
		for (ElementInstance unlock : completed(LOCKOUT_PROCESS, RE_ENERGISED)) {
			String subject = Objects
				.toString(this.subjects.rootVariablesOf(unlock.getProcessInstanceKey()).get("subjectKey"), "");
			lastUnlock.merge(subject, endOf(unlock), (a, b) -> a.isAfter(b) ? a : b);
		}
		List<LockoutInPlace> inPlace = new ArrayList<>();
		for (ElementInstance lock : completed(LOCKOUT_PROCESS, LOCKED_OUT)) {
			Map<String, Object> variables = this.subjects.rootVariablesOf(lock.getProcessInstanceKey());
			String subject = Objects.toString(variables.get("subjectKey"), "");
			Instant since = endOf(lock);
			if (Optional.ofNullable(lastUnlock.get(subject)).map((unlocked) -> unlocked.isBefore(since)).orElse(true)) {
				inPlace.add(new LockoutInPlace(subject, Objects.toString(variables.get("lockoutOfficerId"), null),
						since, Objects.toString(variables.get("lockoutCertificateId"), null),
						lock.getProcessInstanceKey()));
			}
		}
		inPlace.sort(Comparator.comparing(LockoutInPlace::since));
		return inPlace;
	}

	private List<QuarantinedBattery> quarantined() {
		List<QuarantinedBattery> batteries = new ArrayList<>();
		for (String element : QUARANTINE_WATCH) {
			for (ElementInstance waiting : elements(TRIAGE_PROCESS, element, ElementInstanceState.ACTIVE)) {
				long instance = waiting.getProcessInstanceKey();
				Map<String, Object> variables = this.subjects.rootVariablesOf(instance);
				String batteryId = Objects.toString(variables.get("batteryId"), "");
				Instant since = this.client.newElementInstanceSearchRequest()
					.filter((filter) -> filter.processInstanceKey(instance).elementId(MOVED_TO_QUARANTINE))
					.send()
					.join()
					.items()
					.stream()
					.map(HandoverSnapshot::endOf)
					.min(Comparator.naturalOrder())
					.orElse(null);
				batteries.add(new QuarantinedBattery(batteryId, Objects.toString(variables.get("safetyClass"), null),
						Objects.toString(variables.get("quarantineLocation"), null), since, readings(batteryId),
						instance));
			}
		}
		batteries.sort(Comparator.comparing(QuarantinedBattery::batteryId));
		return batteries;
	}

	/**
	 * The temperature log: each completion of the quarantine task the console wrote to
	 * the audit log.
	 */
	private List<TemperatureReading> readings(String batteryId) {
		List<TemperatureReading> readings = new ArrayList<>();
		for (AuditEntry entry : this.auditLog.about(batteryId)) {
			JsonNode data = read(entry.data());
			if ("TASK_COMPLETED".equals(entry.action()) && TEMPERATURE_TASK.equals(data.path("task").asText())) {
				JsonNode form = data.path("form");
				readings.add(new TemperatureReading(entry.recordedAt(), entry.actor(),
						value(form.path("quarantineSurfaceTemperatureC")),
						value(form.path("quarantineAmbientTemperatureC")), value(form.path("thermalEventObserved"))));
			}
		}
		return readings;
	}

	private List<OpenIncident> openIncidents() {
		return this.client.newIncidentSearchRequest()
			.filter((filter) -> filter.state(IncidentState.ACTIVE))
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items()
			.stream()
			.map((incident) -> new OpenIncident(incident.getProcessInstanceKey(), incident.getProcessDefinitionId(),
					incident.getElementId(), incident.getErrorMessage(),
					Optional.ofNullable(incident.getCreationTime()).map(OffsetDateTime::toInstant).orElse(null)))
			.toList();
	}

	private List<ElementInstance> completed(String processId, String elementId) {
		return elements(processId, elementId, ElementInstanceState.COMPLETED);
	}

	private List<ElementInstance> elements(String processId, String elementId, ElementInstanceState state) {
		return this.client.newElementInstanceSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId).elementId(elementId).state(state))
			.page((page) -> page.limit(LIMIT))
			.send()
			.join()
			.items();
	}

	private static Instant endOf(ElementInstance element) {
		OffsetDateTime at = (element.getEndDate() != null) ? element.getEndDate() : element.getStartDate();
		return (at == null) ? null : at.toInstant();
	}

	private JsonNode read(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			return this.json.nullNode();
		}
	}

	private Object value(JsonNode node) {
		return node.isMissingNode() || node.isNull() ? null : this.json.convertValue(node, Object.class);
	}

}

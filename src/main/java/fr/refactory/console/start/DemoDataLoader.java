package fr.refactory.console.start;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.records.AuditQuery;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Announces the demo arrivals once, when the application is ready (so after the start-up
 * deployment): {@code refactory.demo.enabled}, by default on only with the embedded
 * database. The announcements are written to the audit log as {@link DemoData#ACTOR};
 * finding such an entry means they were made and nothing is announced again. If a process
 * they start is not deployed, nothing is announced (and nothing remembered), and the log
 * says why.
 */
@Component
public class DemoDataLoader {

	/** What a load did. */
	public enum Outcome {

		ANNOUNCED, ALREADY_DONE, PROCESSES_NOT_DEPLOYED

	}

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	/**
	 * A gate scan of the demo waits this long for its arrival's instance to reach the
	 * catch event.
	 */
	private static final java.time.Duration FOLLOW_UP_TIME_TO_LIVE = java.time.Duration.ofMinutes(10);

	private final CamundaClient client;

	private final ProcessStarts starts;

	private final AuditLog auditLog;

	private final Environment environment;

	DemoDataLoader(@ConsoleClient CamundaClient client, ProcessStarts starts, AuditLog auditLog,
			Environment environment) {
		this.client = client;
		this.starts = starts;
		this.auditLog = auditLog;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenEnabled() {
		if (isEnabled()) {
			load(DemoData.refactoryScenarios());
		}
	}

	boolean isEnabled() {
		Boolean configured = this.environment.getProperty("refactory.demo.enabled", Boolean.class);
		return configured != null ? configured : this.environment.getProperty("spring.datasource.url", "").isBlank();
	}

	public Outcome load(DemoData demo) {
		if (!this.auditLog.search(new AuditQuery(demo.marker(), null, null, null, 1)).isEmpty()) {
			log.debug("Demo data already announced");
			return Outcome.ALREADY_DONE;
		}
		List<String> missing = demo.requiredProcesses().stream().filter((id) -> !isDeployed(id)).toList();
		if (!missing.isEmpty()) {
			log.warn("Demo data not announced: process(es) {} not deployed; will try again at the next start", missing);
			return Outcome.PROCESSES_NOT_DEPLOYED;
		}
		demo.announcements().forEach((announcement) -> announce(demo.marker(), announcement));
		demo.workInProgress().forEach((work) -> create(demo.marker(), work));
		log.info("Announced {} demo plant events and {} pieces of work in progress", demo.announcements().size(),
				demo.workInProgress().size());
		return Outcome.ANNOUNCED;
	}

	private void announce(String marker, DemoAnnouncement announcement) {
		long messageKey = announcement.followUp()
				? this.starts.publish(announcement.messageName(), announcement.correlationKey(),
						announcement.variables(), FOLLOW_UP_TIME_TO_LIVE)
				: this.starts.announce(announcement.messageName(), announcement.correlationKey(),
						announcement.variables());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("scenario", announcement.scenario());
		data.put("messageName", announcement.messageName());
		data.put("messageKey", Long.toString(messageKey));
		data.put("form", announcement.variables());
		this.auditLog
			.append(new AuditEvent(marker, announcement.followUp() ? "GATE_SCAN_RECORDED" : "PROCESS_START_REQUESTED",
					announcement.subjectType(), announcement.correlationKey(), null, null, data));
	}

	private void create(String marker, DemoWorkInProgress work) {
		var command = this.client.newCreateInstanceCommand()
			.bpmnProcessId(work.processId())
			.latestVersion()
			.variables(work.variables());
		long instanceKey = (work.startBeforeElement() == null ? command
				: command.startBeforeElement(work.startBeforeElement()))
			.send()
			.join()
			.getProcessInstanceKey();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("scenario", work.scenario());
		data.put("processId", work.processId());
		data.put("processInstanceKey", Long.toString(instanceKey));
		if (work.startBeforeElement() != null) {
			data.put("startBeforeElement", work.startBeforeElement());
		}
		data.put("variables", work.variables());
		this.auditLog.append(new AuditEvent(marker, "DEMO_WORK_IN_PROGRESS_CREATED", work.subjectType(),
				work.subjectKey(), null, null, data));
	}

	private boolean isDeployed(String processId) {
		return !this.client.newProcessDefinitionSearchRequest()
			.filter((filter) -> filter.processDefinitionId(processId))
			.page((page) -> page.limit(1))
			.send()
			.join()
			.items()
			.isEmpty();
	}

}

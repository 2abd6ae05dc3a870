package fr.refactory.console.start;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.records.AuditQuery;
import io.camunda.client.CamundaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Announces the demo arrivals once, when the application is ready (so after the start-up deployment):
 * {@code refactory.demo.enabled}, by default on only with the embedded database. The announcements are written to the
 * audit log as {@link DemoData#ACTOR}; finding such an entry means they were made and nothing is announced again. If
 * a process they start is not deployed, nothing is announced (and nothing remembered), and the log says why.
 */
@Component
public class DemoDataLoader {

	/** What a load did. */
	public enum Outcome {
		ANNOUNCED, ALREADY_DONE, PROCESSES_NOT_DEPLOYED
	}

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final CamundaClient client;

	private final ProcessStarts starts;

	private final AuditLog auditLog;

	private final Environment environment;

	DemoDataLoader(CamundaClient client, ProcessStarts starts, AuditLog auditLog, Environment environment) {
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
		return configured != null ? configured
				: this.environment.getProperty("spring.datasource.url", "").isBlank();
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
		log.info("Announced {} demo arrivals", demo.announcements().size());
		return Outcome.ANNOUNCED;
	}

	private void announce(String marker, DemoAnnouncement announcement) {
		long messageKey = this.starts.announce(announcement.messageName(), announcement.correlationKey(),
				announcement.variables());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("scenario", announcement.scenario());
		data.put("messageName", announcement.messageName());
		data.put("messageKey", Long.toString(messageKey));
		data.put("form", announcement.variables());
		this.auditLog.append(new AuditEvent(marker, "PROCESS_START_REQUESTED", announcement.subjectType(),
				announcement.correlationKey(), null, null, data));
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

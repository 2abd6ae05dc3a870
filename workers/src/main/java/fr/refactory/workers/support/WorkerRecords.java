package fr.refactory.workers.support;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Genealogy;
import fr.refactory.records.GenealogyLink;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a worker did, in the Refactory's own records (domain brief §6.3): an audit entry whose actor is the worker
 * ({@code worker:<job type>}) and genealogy links where assets move. Keys derive from the job key, so a job delivered
 * twice writes each entry and link once.
 */
@Component
public class WorkerRecords {

	private final AuditLog audit;

	private final Genealogy genealogy;

	private final Clock clock;

	WorkerRecords(AuditLog audit, Genealogy genealogy, ObjectProvider<Clock> clock) {
		this.audit = audit;
		this.genealogy = genealogy;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	/** Audit data from name/value pairs; unlike {@code Map.of}, a null value is allowed (and left out). */
	public static Map<String, Object> data(Object... namesAndValues) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			data.put(namesAndValues[i].toString(), namesAndValues[i + 1]);
		}
		return data;
	}

	public static String actor(ActivatedJob job) {
		return "worker:" + job.getType();
	}

	public Clock clock() {
		return this.clock;
	}

	public AuditEntry audit(ActivatedJob job, String action, String subjectType, String subjectKey,
			Map<String, ?> data) {
		Map<String, Object> payload = new LinkedHashMap<>();
		data.forEach((name, value) -> {
			if (value != null) {
				payload.put(name, value);
			}
		});
		payload.put("jobKey", job.getKey());
		payload.put("elementId", job.getElementId());
		return this.audit.append(new AuditEvent(actor(job), action, subjectType, subjectKey,
				job.getProcessInstanceKey(), JobOutcome.key(job, "audit:" + action).value(), payload));
	}

	/** Links asset {@code from} to asset {@code to}, e.g. a harvested part HARVESTED_FROM its donor vehicle. */
	public GenealogyLink link(ActivatedJob job, String fromType, String fromKey, String relation, String toType,
			String toKey) {
		String key = JobOutcome.key(job, "link:" + relation + ":" + fromKey + ">" + toKey).value();
		return this.genealogy.link(GenealogyLink.of(key, fromType, fromKey, relation, toType, toKey,
				job.getProcessInstanceKey(), this.clock.instant()));
	}

}

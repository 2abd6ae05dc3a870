package fr.refactory.engine.execution.behavior;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.LogKeys;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.IncidentStore;
import fr.refactory.engine.state.IncidentStore.NewIncident;
import fr.refactory.engine.state.RuntimeStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Creates incidents (the element stays active and waits) and resolves them.
 * {@code retryPhase} tells the resolution what to run again: the activation, the
 * completion, or nothing (a job incident: the job becomes activatable).
 */
@Component
@ConditionalOnEmbeddedEngine
public class IncidentBehavior {

	private static final Logger LOG = LoggerFactory.getLogger(IncidentBehavior.class);

	private final IncidentStore incidents;

	private final RuntimeStore store;

	IncidentBehavior(IncidentStore incidents, RuntimeStore store) {
		this.incidents = incidents;
		this.store = store;
	}

	public long create(ElementInstance instance, String errorType, String message, String retryPhase, Long jobKey) {
		long key = this.incidents.create(instance,
				new NewIncident(errorType, message, retryPhase, jobKey, this.store.now()));
		this.store.setIncident(instance.key(), key);
		logOpened(key, instance, errorType, message, jobKey);
		return key;
	}

	/**
	 * An incident waits for a person: one line, with the instance, element and job keys
	 * (ADR 1304). Written before the command commits; a rolled-back command's line stays.
	 */
	private static void logOpened(long key, ElementInstance instance, String errorType, String message, Long jobKey) {
		try (LogKeys.Scope element = LogKeys.element(instance.processInstanceKey(), instance.elementId());
				LogKeys.Scope job = (jobKey != null) ? LogKeys.job(jobKey) : null) {
			LOG.warn("Incident {} opened at {} of {} ({}): {}", key, instance.elementId(),
					instance.processDefinitionId(), errorType, message);
		}
	}

	public void resolve(long incidentKey, long elementInstanceKey) {
		this.incidents.resolve(incidentKey);
		this.store.setIncident(elementInstanceKey, null);
	}

	public void resolveAllOf(long elementInstanceKey) {
		this.incidents.resolveAllOf(elementInstanceKey);
	}

}

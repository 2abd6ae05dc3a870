package fr.refactory.engine.state;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The engine's meters, named and tagged as Zeebe's where Zeebe has one
 * (docs/observability.md, ADR 0601). The event log hands over the events of each
 * committed transaction ({@link #committed}); the few things that are no event (job
 * activation, message publication, a timer's lag, waiting long polls) are reported by the
 * one place that does them. Meters are cached per tag set: counting an event is two map
 * look-ups and an increment, no meter id is built.
 */
@Component
@ConditionalOnEmbeddedEngine
public class EngineMetrics {

	/**
	 * The embedded engine is one partition; the tag keeps Zeebe's dashboards and queries
	 * working.
	 */
	static final String PARTITION = "1";

	private static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	private final CounterFamily elementEvents;

	private final CounterFamily jobEvents;

	private final CounterFamily incidentEvents;

	private final CounterFamily messageEvents;

	private final Map<String, Timer> activationTimes = new ConcurrentHashMap<>();

	private final Timer timerLag;

	EngineMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.elementEvents = new CounterFamily("zeebe.element.instance.events",
				"Element instances activated, completed and terminated, per BPMN element type and process", "type",
				"bpmnProcessId", ElementAction.NAMES);
		this.jobEvents = new CounterFamily("zeebe.job.events", "Job events per job type", "type", null,
				JobAction.NAMES);
		this.incidentEvents = new CounterFamily("zeebe.incident.events", "Incidents created and resolved", "errorType",
				null, IncidentAction.NAMES);
		this.messageEvents = new CounterFamily("refactory.engine.message.events",
				"Messages published (or correlated through the correlate command) and correlations to subscriptions",
				null, null, MessageAction.NAMES);
		this.timerLag = Timer.builder("refactory.engine.timer.lag")
			.description("How late a timer fired: its firing time minus its due date")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(registry);
	}

	/**
	 * Counts the events of a transaction that committed (or of one event written outside
	 * a transaction).
	 */
	void committed(List<EngineEvent> events) {
		for (int index = 0; index < events.size(); index++) {
			count(events.get(index));
		}
	}

	private void count(EngineEvent event) {
		switch (event.valueType()) {
			case PROCESS_INSTANCE -> countElement(event);
			case JOB -> countJob(event);
			case INCIDENT -> countIncident(event);
			case PROCESS_MESSAGE_SUBSCRIPTION, MESSAGE_START_EVENT_SUBSCRIPTION -> {
				if (event.intent() == Intent.CORRELATED) {
					this.messageEvents.increment(MessageAction.CORRELATED.ordinal(), null, null);
				}
			}
			default -> {
			}
		}
	}

	private void countElement(EngineEvent event) {
		ElementAction action = switch (event.intent()) {
			case ELEMENT_ACTIVATED -> ElementAction.ACTIVATED;
			case ELEMENT_COMPLETED -> ElementAction.COMPLETED;
			case ELEMENT_TERMINATED -> ElementAction.TERMINATED;
			default -> null;
		};
		if (action != null) {
			this.elementEvents.increment(action.ordinal(), event.type(), event.processId());
		}
	}

	private void countJob(EngineEvent event) {
		JobAction action = switch (event.intent()) {
			case CREATED -> JobAction.CREATED;
			case COMPLETED -> JobAction.COMPLETED;
			case FAILED -> JobAction.FAILED;
			case TIMED_OUT -> JobAction.TIMED_OUT;
			case CANCELED -> JobAction.CANCELED;
			case ERROR_THROWN -> JobAction.ERROR_THROWN;
			default -> null;
		};
		if (action != null) {
			this.jobEvents.increment(action.ordinal(), event.type(), null);
		}
	}

	private void countIncident(EngineEvent event) {
		if (event.intent() == Intent.CREATED) {
			this.incidentEvents.increment(IncidentAction.CREATED.ordinal(), event.type(), null);
		}
		else if (event.intent() == Intent.RESOLVED) {
			this.incidentEvents.increment(IncidentAction.RESOLVED.ordinal(), event.type(), null);
		}
	}

	/**
	 * Jobs handed to a worker; {@code waited} is each one's time from creation to
	 * activation.
	 */
	void jobActivated(String type, long waitedMillis) {
		this.jobEvents.increment(JobAction.ACTIVATED.ordinal(), type, null);
		Timer timer = this.activationTimes.get(type);
		if (timer == null) {
			timer = this.activationTimes.computeIfAbsent(type,
					(newType) -> Timer.builder("zeebe.job.activation.time")
						.description("Time between a job's creation and its activation")
						.tags("type", newType, "partition", PARTITION)
						.publishPercentileHistogram()
						.minimumExpectedValue(Duration.ofMillis(1))
						.maximumExpectedValue(Duration.ofHours(1))
						.register(this.registry));
		}
		timer.record(Math.max(0, waitedMillis), TimeUnit.MILLISECONDS);
	}

	/** A message was published, or correlated with the correlate command. */
	public void messagePublished() {
		this.messageEvents.increment(MessageAction.PUBLISHED.ordinal(), null, null);
	}

	/** A timer fired {@code lag} after its due date. */
	public void timerFired(Duration lag) {
		this.timerLag.record(lag.isNegative() ? Duration.ZERO : lag);
	}

	/**
	 * Shows how many activation requests for the job type wait in a long poll (once per
	 * type).
	 */
	public void longPolls(String type, Set<?> waiting) {
		Gauge.builder("zeebe.long.polling.queued.current", waiting, Set::size)
			.description("Activation requests waiting in a long poll for jobs of the type")
			.tags("type", type)
			.register(this.registry);
	}

	private enum ElementAction {

		ACTIVATED, COMPLETED, TERMINATED;

		static final String[] NAMES = { "activated", "completed", "terminated" };

	}

	private enum JobAction {

		CREATED, ACTIVATED, COMPLETED, FAILED, TIMED_OUT, CANCELED, ERROR_THROWN;

		static final String[] NAMES = { "created", "activated", "completed", "failed", "timed out", "canceled",
				"error thrown" };

	}

	private enum IncidentAction {

		CREATED, RESOLVED;

		static final String[] NAMES = { "created", "resolved" };

	}

	private enum MessageAction {

		PUBLISHED, CORRELATED;

		static final String[] NAMES = { "published", "correlated" };

	}

	/**
	 * The counters of one name, by up to two tag values and the action. The first time a
	 * tag combination is seen its counters for every action are registered, so a series
	 * exists (at zero) before its first event.
	 */
	private final class CounterFamily {

		private final String name;

		private final String description;

		private final String firstTag;

		private final String secondTag;

		private final String[] actions;

		private final ConcurrentMap<String, ConcurrentMap<String, Counter[]>> counters = new ConcurrentHashMap<>();

		CounterFamily(String name, String description, String firstTag, String secondTag, String[] actions) {
			this.name = name;
			this.description = description;
			this.firstTag = firstTag;
			this.secondTag = secondTag;
			this.actions = actions;
		}

		void increment(int action, String first, String second) {
			String firstValue = (first != null) ? first : UNKNOWN;
			String secondValue = (second != null) ? second : UNKNOWN;
			ConcurrentMap<String, Counter[]> bySecond = this.counters.get(firstValue);
			if (bySecond == null) {
				bySecond = this.counters.computeIfAbsent(firstValue, (value) -> new ConcurrentHashMap<>());
			}
			Counter[] byAction = bySecond.get(secondValue);
			if (byAction == null) {
				byAction = bySecond.computeIfAbsent(secondValue, (value) -> register(firstValue, value));
			}
			byAction[action].increment();
		}

		private Counter[] register(String first, String second) {
			Counter[] byAction = new Counter[this.actions.length];
			for (int action = 0; action < byAction.length; action++) {
				Counter.Builder builder = Counter.builder(this.name)
					.description(this.description)
					.tag("action", this.actions[action])
					.tag("partition", PARTITION);
				if (this.firstTag != null) {
					builder.tag(this.firstTag, first);
				}
				if (this.secondTag != null) {
					builder.tag(this.secondTag, second);
				}
				byAction[action] = builder.register(EngineMetrics.this.registry);
			}
			return byAction;
		}

	}

}

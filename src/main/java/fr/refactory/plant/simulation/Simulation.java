package fr.refactory.plant.simulation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.PlantTechnicalException;

/**
 * What every simulated plant system does before it answers: wait the configured latency,
 * fail during an outage window, and fail a configured share of calls. Failures are
 * technical, so jobs retry and incidents show up as they would with the real system. The
 * failure draw uses a generator seeded from the system's name, so a run repeats.
 */
public final class Simulation {

	private final String system;

	private final SystemSettings settings;

	private final Clock clock;

	private final Pause pause;

	private final Random failures;

	private final SimulatedOutages outages;

	private final Map<String, Object> answers = new ConcurrentHashMap<>();

	public Simulation(String system, SystemSettings settings, Clock clock, Pause pause) {
		this(system, settings, clock, pause, new SimulatedOutages());
	}

	public Simulation(String system, SystemSettings settings, Clock clock, Pause pause, SimulatedOutages outages) {
		this.outages = outages;
		this.system = system;
		this.settings = settings;
		this.clock = clock;
		this.pause = pause;
		this.failures = Seeds.random("failures", system);
	}

	/**
	 * A simulation that answers at once and never fails; for tests of the adapters'
	 * answers.
	 */
	public static Simulation immediate(String system) {
		return new Simulation(system, SystemSettings.simulated(), Clock.systemUTC(), (duration) -> {
		});
	}

	/**
	 * Resources (benches, stations) whose id starts with this prefix are unavailable in
	 * every simulated system, so a demo or test can ask for {@code BENCH_UNAVAILABLE}.
	 */
	public static final String OFFLINE_PREFIX = "OFFLINE-";

	public static boolean isOffline(String resourceId) {
		return resourceId != null && resourceId.startsWith(OFFLINE_PREFIX);
	}

	/**
	 * Resources (benches, stations) whose id starts with this prefix never answer: every
	 * call to them fails technically and is worth retrying, so a demo or test can walk a
	 * job through its retries into an incident.
	 */
	public static final String UNREACHABLE_PREFIX = "UNREACHABLE-";

	/**
	 * Fails as a network failure would when the resource is one of the never-answering
	 * ones.
	 */
	public void failIfUnreachable(String resourceId) {
		if (resourceId != null && resourceId.startsWith(UNREACHABLE_PREFIX)) {
			throw PlantTechnicalException.retryable(this.system, resourceId + " does not answer");
		}
	}

	public String system() {
		return this.system;
	}

	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * Answers a command once per idempotency key: a repeated key gets the first answer
	 * again, as a real system that honours {@code Idempotency-Key} would give.
	 */
	@SuppressWarnings("unchecked")
	public <T> T once(String operation, IdempotencyKey key, Supplier<T> answer) {
		String replayKey = operation + "|" + key.value();
		Object previous = this.answers.get(replayKey);
		if (previous != null) {
			return (T) previous;
		}
		T fresh = answer(answer);
		Object raced = this.answers.putIfAbsent(replayKey, fresh);
		return (raced != null) ? (T) raced : fresh;
	}

	public <T> T answer(Supplier<T> answer) {
		if (!this.settings.latency().isZero()) {
			this.pause.pause(this.settings.latency());
		}
		Instant now = this.clock.instant();
		if (this.outages.isDown(this.system)) {
			throw PlantTechnicalException.retryable(this.system, this.system + " is down (simulated outage)");
		}
		if (this.settings.outages().stream().anyMatch((outage) -> outage.covers(now))) {
			throw PlantTechnicalException.retryable(this.system, "simulated outage at " + now);
		}
		if (this.settings.failureRate() > 0 && this.failures.nextDouble() < this.settings.failureRate()) {
			throw PlantTechnicalException.retryable(this.system,
					"simulated failure (failure rate " + this.settings.failureRate() + ")");
		}
		return answer.get();
	}

}

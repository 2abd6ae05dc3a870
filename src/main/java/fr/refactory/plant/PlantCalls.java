package fr.refactory.plant;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import fr.refactory.plant.PlantProperties.Mode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

/**
 * Every call to a plant port, observed in one place whatever the adapter (simulated or
 * HTTP): timed and counted per system, operation and outcome
 * ({@code refactory.plant.calls}), and each system's recent answers kept for its health
 * indicator (ADR 0603). The ports' interfaces are wrapped in a JDK proxy when the adapter
 * beans are made. Each call is also an observation ({@value #OBSERVATION}), a span of the
 * job's trace when tracing is on (ADR 1300).
 */
public final class PlantCalls implements CompositeHealthContributor {

	/**
	 * A reachable system that stopped answering: shown, but the application itself still
	 * works (HTTP 200).
	 */
	public static final Status DEGRADED = new Status("DEGRADED",
			"the last calls to the plant system failed technically; jobs that need it retry");

	/**
	 * Technical failures in a row after which an HTTP plant system is reported
	 * {@link #DEGRADED}: one failure is a blip the job's retry absorbs, three in a row
	 * means the system is not answering.
	 */
	static final int FAILURES_BEFORE_DEGRADED = 3;

	private static final String[] OUTCOMES = { "success", "business_error", "technical_error" };

	private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

	/**
	 * The observation of one call: its span in the worker's trace. Its own timer is
	 * switched off (application.yml).
	 */
	public static final String OBSERVATION = "refactory.plant.call";

	private final MeterRegistry registry;

	private final ObservationRegistry observations;

	private final Clock clock;

	private final Map<String, SystemCalls> systems = new ConcurrentHashMap<>();

	public PlantCalls(MeterRegistry registry, Clock clock) {
		this(registry, ObservationRegistry.NOOP, clock);
	}

	public PlantCalls(MeterRegistry registry, ObservationRegistry observations, Clock clock) {
		this.registry = registry;
		this.observations = observations;
		this.clock = clock;
	}

	/** The adapter of the system, with every call of its port observed. */
	<T> T observe(String system, Mode mode, Class<T> port, T adapter) {
		SystemCalls calls = this.systems.computeIfAbsent(system, (name) -> new SystemCalls(name, mode));
		Gauge.builder("refactory.plant.consecutive.failures", calls.consecutiveFailures, AtomicInteger::get)
			.description("Technical failures in a row of the plant system's latest calls (0 after an answer)")
			.tag("system", system)
			.register(this.registry);
		Map<Method, Operation> operations = new ConcurrentHashMap<>();
		for (Method method : port.getMethods()) {
			if (!method.isDefault()) {
				operations.put(method, new Operation(system, method.getName(), timersOf(system, method.getName())));
			}
		}
		InvocationHandler handler = new ObservedPort(adapter, operations, calls, this.observations, this.clock);
		return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] { port }, handler));
	}

	/**
	 * The adapter an observed port calls (for tests of which adapter configuration
	 * chose).
	 */
	static Object adapterBehind(Object port) {
		return ((ObservedPort) Proxy.getInvocationHandler(port)).adapter;
	}

	/**
	 * One health indicator per plant system ({@code /actuator/health}, component
	 * {@code plant}).
	 */
	@Override
	public HealthContributor getContributor(String name) {
		SystemCalls calls = this.systems.get(name);
		return (calls != null) ? (HealthIndicator) calls::health : null;
	}

	@Override
	public Iterator<NamedContributor<HealthContributor>> iterator() {
		return this.systems.values()
			.stream()
			.sorted(Comparator.comparing((SystemCalls calls) -> calls.system))
			.map((calls) -> NamedContributor.of(calls.system, (HealthContributor) (HealthIndicator) calls::health))
			.iterator();
	}

	private Timer[] timersOf(String system, String operation) {
		Timer[] byOutcome = new Timer[OUTCOMES.length];
		for (int outcome = 0; outcome < OUTCOMES.length; outcome++) {
			byOutcome[outcome] = Timer.builder("refactory.plant.calls")
				.description("Calls to a plant system's port: latency and count per operation and outcome")
				.tags("system", system, "operation", operation, "outcome", OUTCOMES[outcome])
				.serviceLevelObjectives(LATENCY_BUCKETS)
				.register(this.registry);
		}
		return byOutcome;
	}

	/** One operation of a port: its timers by outcome and what its span is called. */
	private record Operation(String system, String name, Timer[] byOutcome) {

		Observation observation(ObservationRegistry observations) {
			return Observation.createNotStarted(OBSERVATION, observations)
				.contextualName("plant " + this.system + " " + this.name)
				.lowCardinalityKeyValue("system", this.system)
				.lowCardinalityKeyValue("operation", this.name);
		}

	}

	/**
	 * Times each call of the port's own methods by outcome and tells the system's record
	 * how it went.
	 */
	private record ObservedPort(Object adapter, Map<Method, Operation> operations, SystemCalls calls,
			ObservationRegistry observations, Clock clock) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
			Operation operation = this.operations.get(method);
			if (operation == null) {
				return call(method, arguments);
			}
			Observation observation = operation.observation(this.observations).start();
			long start = System.nanoTime();
			int outcome = 0;
			try (Observation.Scope scope = observation.openScope()) {
				Object answer = call(method, arguments);
				this.calls.answered(this.clock.instant());
				return answer;
			}
			catch (PlantBusinessException ex) {
				outcome = 1;
				this.calls.answered(this.clock.instant());
				throw ex;
			}
			catch (RuntimeException | Error ex) {
				outcome = 2;
				this.calls.failed(this.clock.instant(), ex);
				observation.error(ex);
				throw ex;
			}
			finally {
				operation.byOutcome()[outcome].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				observation.lowCardinalityKeyValue("outcome", OUTCOMES[outcome]).stop();
			}
		}

		private Object call(Method method, Object[] arguments) throws Throwable {
			try {
				return method.invoke(this.adapter, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

	/** What the latest calls to one system say about it. */
	private static final class SystemCalls {

		private final String system;

		private final Mode mode;

		private final AtomicInteger consecutiveFailures = new AtomicInteger();

		private volatile Instant lastAnswer;

		private volatile Instant lastFailure;

		private volatile String lastError;

		SystemCalls(String system, Mode mode) {
			this.system = system;
			this.mode = mode;
		}

		void answered(Instant at) {
			this.lastAnswer = at;
			this.consecutiveFailures.set(0);
		}

		void failed(Instant at, Throwable failure) {
			this.lastFailure = at;
			this.lastError = failure.getMessage();
			this.consecutiveFailures.incrementAndGet();
		}

		/**
		 * A simulated system is always there (its configured outages and failure rate are
		 * the demo's faults, not the system's health). An HTTP system is known from its
		 * latest answers: UNKNOWN before the first call.
		 */
		Health health() {
			Health.Builder health = Health.status(status()).withDetail("mode", this.mode.name().toLowerCase());
			if (this.lastAnswer != null) {
				health.withDetail("lastAnswer", this.lastAnswer.toString());
			}
			if (this.lastFailure != null) {
				health.withDetail("lastTechnicalFailure", this.lastFailure.toString())
					.withDetail("lastError", String.valueOf(this.lastError));
			}
			return health.withDetail("consecutiveTechnicalFailures", this.consecutiveFailures.get()).build();
		}

		private Status status() {
			if (this.mode == Mode.SIMULATED) {
				return Status.UP;
			}
			if (this.consecutiveFailures.get() >= FAILURES_BEFORE_DEGRADED) {
				return DEGRADED;
			}
			return (this.lastAnswer == null && this.lastFailure == null) ? Status.UNKNOWN : Status.UP;
		}

	}

}

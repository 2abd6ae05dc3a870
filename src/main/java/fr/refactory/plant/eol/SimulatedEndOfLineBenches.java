package fr.refactory.plant.eol;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.eol.TestRun.Measurement;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * End-of-line benches whose measurements derive from the subject and programme; about one run in ten is out of
 * limits. Benches named {@code OFFLINE-…} are unavailable.
 */
public class SimulatedEndOfLineBenches implements EndOfLineBenches {

	/** The prefix of a programme that measures one control-plan check (e.g. {@code CHECK_ISOLATION}). */
	public static final String CHECK_PROGRAMME = "CHECK_";

	/**
	 * A VIN whose serial ends so reads a bonding resistance of exactly 0.1 Ω, D4b's limit (a failure: bonding must be
	 * below 0.1 Ω). The tester measures the DC bus and the bonding; the AC bus is measured at commissioning by the work
	 * lead where it applies (ADR 0316).
	 */
	public static final String BONDING_AT_LIMIT_SERIAL = "00100";

	private final Simulation simulation;

	private final Map<String, List<TestRun>> runsBySubject = new ConcurrentHashMap<>();

	public SimulatedEndOfLineBenches(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public TestRun runTest(IdempotencyKey key, TestRequest request) {
		return this.simulation.once("runTest", key, () -> {
			this.simulation.failIfUnreachable(request.benchId());
			if (Simulation.isOffline(request.benchId())) {
				throw new PlantBusinessException("eol", BusinessErrorCodes.BENCH_UNAVAILABLE,
						"bench " + request.benchId() + " is offline");
			}
			List<Measurement> measurements = measurementsOf(request);
			String verdict = measurements.stream().allMatch(Measurement::withinLimits) ? "OK" : "NOK";
			TestRun run = new TestRun(Seeds.id("EOL", key), request.subjectKey(), request.programme(),
					request.benchId(), calibrationDue(request.benchId()), verdict, measurements);
			this.runsBySubject.computeIfAbsent(request.subjectKey(), (subject) -> new CopyOnWriteArrayList<>())
				.add(run);
			return run;
		});
	}

	@Override
	public HvTestResults readHvTestResults(String vin) {
		return this.simulation.answer(() -> {
			Random random = Seeds.random("hv", vin);
			double dc = Seeds.between(random, 150, 900);
			// the former AC draw stays, so a VIN reads the same DC and bonding values as before
			Seeds.between(random, 550, 2000);
			double bonding = vin.endsWith(BONDING_AT_LIMIT_SERIAL) ? 0.1 : Seeds.between(random, 10, 90) / 1000.0;
			return new HvTestResults(vin, "HV-TESTER-1", dc, null, bonding, true, true);
		});
	}

	@Override
	public TestRuns results(String subjectKey) {
		return this.simulation
			.answer(() -> new TestRuns(subjectKey, List.copyOf(this.runsBySubject.getOrDefault(subjectKey, List.of()))));
	}

	/**
	 * A check programme ({@code CHECK_<code>}) measures that one check of the control plan and passes; any other
	 * programme measures brake force and noise.
	 */
	private static List<Measurement> measurementsOf(TestRequest request) {
		if (request.programme() != null && request.programme().startsWith(CHECK_PROGRAMME)) {
			return List.of(new Measurement(request.programme().substring(CHECK_PROGRAMME.length()), 1.0, "pass", 1.0,
					1.0));
		}
		Random random = Seeds.random("eol", request.subjectKey(), request.programme());
		return List.of(measurement("BRAKE_FORCE", "kN", 3.0, 9.0, random), measurement("NOISE", "dB", 40, 80, random));
	}

	/** Within limits nine times in ten, 10 % above the upper limit otherwise. */
	private static Measurement measurement(String name, String unit, double lower, double upper, Random random) {
		boolean within = random.nextInt(10) > 0;
		double value = within ? lower + (upper - lower) * random.nextDouble() : upper * 1.1;
		return new Measurement(name, Math.round(value * 100) / 100.0, unit, lower, upper);
	}

	private static LocalDate calibrationDue(String benchId) {
		return LocalDate.of(2026, 6, 1).plusDays(Seeds.between(Seeds.random("calibration", benchId), 0, 365));
	}

}

package fr.refactory.plant.btb;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * A battery test bench whose readings derive from the battery id. Capacity tests finish
 * at once: their result is there as soon as they are started. Benches named
 * {@code OFFLINE-…} are unavailable. A battery id starting with
 * {@link #SEALED_PACK_PREFIX} is a sealed pack: its modules cannot be replaced. A battery
 * id ending with {@link #TRIPPING_PACK_SUFFIX} trips the first bench that reads it and
 * the first cycler that tests it: they report BENCH_UNAVAILABLE for it from then on, the
 * next bench and cycler the MES offers work (ADR 0460). A battery id starting with
 * {@link #SILENT_BMS_PREFIX} is a pack whose BMS does not answer the bench (AS-44,
 * AS-51): the reading has no values, the capacity test still measures it (ADR 0474). A
 * battery id starting with {@link #WEAK_MODULE_PREFIX} is a reuse-grade pack with one
 * faulty module (AS-48): a cell at 2,600 mV against about 3,900 mV for the others, SoH 78
 * %; once its modules were replaced ({@link #registerModules}) the bench reads the
 * repaired pack: SoH 80 %, cells within 25 mV, no fault (ADR 0479).
 */
public class SimulatedBatteryTestBench implements BatteryTestBench {

	/**
	 * Battery ids with this prefix are sealed packs (no module replacement); for demos
	 * and tests.
	 */
	public static final String SEALED_PACK_PREFIX = "SEALED-";

	/**
	 * Battery ids with this prefix have a BMS that does not communicate; for demos and
	 * tests.
	 */
	public static final String SILENT_BMS_PREFIX = "MUTE-";

	/**
	 * Battery ids with this suffix trip the first bench and cycler they are put on; for
	 * demos and tests.
	 */
	public static final String TRIPPING_PACK_SUFFIX = "-TRIPS";

	/**
	 * Battery ids with this prefix have one faulty module until it is replaced; for demos
	 * and tests.
	 */
	public static final String WEAK_MODULE_PREFIX = "WEAK-";

	private final Simulation simulation;

	/** The packs whose modules were replaced (their BMS learnt the fitted modules). */
	private final Set<String> repaired = ConcurrentHashMap.newKeySet();

	/**
	 * The bench (key {@code bms:<pack>}) and cycler ({@code capacity:<pack>}) a tripping
	 * pack tripped.
	 */
	private final Map<String, String> tripped = new ConcurrentHashMap<>();

	private final Map<String, CapacityTestResult> results = new ConcurrentHashMap<>();

	public SimulatedBatteryTestBench(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public BmsReading readBms(String batteryId, String benchId) {
		return this.simulation.answer(() -> {
			requireOnline(benchId);
			requireNotTripped("bms", batteryId, benchId);
			if (batteryId.startsWith(SILENT_BMS_PREFIX)) {
				return BmsReading.silent(batteryId, true);
			}
			if (batteryId.startsWith(WEAK_MODULE_PREFIX)) {
				return weakModuleReading(batteryId);
			}
			Random random = Seeds.random("bms", batteryId);
			int cellMin = Seeds.between(random, 3300, 3800);
			return new BmsReading(batteryId, sohPct(batteryId), Seeds.between(random, 100, 900) / 10.0,
					Seeds.between(random, 50, 2500), cellMin, cellMin + Seeds.between(random, 5, 150),
					List.of(20.0 + random.nextInt(10), 20.0 + random.nextInt(10)),
					(double) Seeds.between(random, 150, 900), List.of(), !batteryId.startsWith(SEALED_PACK_PREFIX),
					identity(batteryId));
		});
	}

	/**
	 * AS-48: module 7 has a cell at 2,600 mV and the BMS logged it, until the module is
	 * replaced; then the cells are within 25 mV.
	 */
	private BmsReading weakModuleReading(String batteryId) {
		boolean repairedPack = this.repaired.contains(batteryId);
		List<String> faults = repairedPack ? List.of() : List.of("MODULE_07_CELL_UNDERVOLTAGE");
		return new BmsReading(batteryId, sohPct(batteryId), 55.0, 640, repairedPack ? 3890 : 2600,
				repairedPack ? 3915 : 3905, List.of(24.0, 25.0), 450.0, faults, true, identity(batteryId));
	}

	@Override
	public ModuleReplacement registerModules(IdempotencyKey key, ModuleReplacement replacement) {
		return this.simulation.once("registerModules", key, () -> {
			this.repaired.add(replacement.batteryId());
			return replacement;
		});
	}

	/**
	 * One of the packs the plant sees most (Zoe ZE40/ZE50, the Master retrofit kit),
	 * chosen by the battery id.
	 */
	private static PackIdentity identity(String batteryId) {
		Random random = Seeds.random("identity", batteryId);
		LocalDate madeOn = LocalDate.of(Seeds.between(random, 2016, 2023), Seeds.between(random, 1, 12), 1)
			.plusDays(Seeds.between(random, 0, 27));
		String serial = Seeds.id("SN", batteryId);
		return switch (random.nextInt(3)) {
			case 0 ->
				new PackIdentity("LG Energy Solution", serial, "ZOE-ZE50", madeOn, "NMC", 52.0, 400.0, 326.0, 12, 192);
			case 1 ->
				new PackIdentity("LG Energy Solution", serial, "ZOE-ZE40", madeOn, "NMC", 41.0, 360.0, 305.0, 12, 192);
			default -> new PackIdentity("Renault", serial, "MASTER-KIT-52", madeOn, "NMC", 52.0, 400.0, 330.0, 12, 192);
		};
	}

	@Override
	public CapacityTest startCapacityTest(IdempotencyKey key, CapacityTestRequest request) {
		return this.simulation.once("startCapacityTest", key, () -> {
			requireOnline(request.benchId());
			requireNotTripped("capacity", request.batteryId(), request.benchId());
			String testId = Seeds.id("CT", key);
			double soh = sohPct(request.batteryId());
			double measured = Math.round(request.ratedCapacityKwh() * soh) / 100.0;
			this.results.put(testId, new CapacityTestResult(testId, request.batteryId(), measured, soh));
			return new CapacityTest(testId, request.batteryId(), request.benchId());
		});
	}

	@Override
	public Optional<CapacityTestResult> capacityTestResult(String testId) {
		return this.simulation.answer(() -> Optional.ofNullable(this.results.get(testId)));
	}

	private double sohPct(String batteryId) {
		if (batteryId.startsWith(WEAK_MODULE_PREFIX)) {
			return this.repaired.contains(batteryId) ? 80.0 : 78.0;
		}
		return Seeds.between(Seeds.random("soh", batteryId), 550, 980) / 10.0;
	}

	private void requireNotTripped(String use, String batteryId, String benchId) {
		if (batteryId.endsWith(TRIPPING_PACK_SUFFIX)
				&& this.tripped.computeIfAbsent(use + ":" + batteryId, (first) -> benchId).equals(benchId)) {
			throw new PlantBusinessException("btb", BusinessErrorCodes.BENCH_UNAVAILABLE,
					"bench " + benchId + " tripped on pack " + batteryId);
		}
	}

	private static void requireOnline(String benchId) {
		if (Simulation.isOffline(benchId)) {
			throw new PlantBusinessException("btb", BusinessErrorCodes.BENCH_UNAVAILABLE,
					"bench " + benchId + " is offline");
		}
	}

}

package fr.refactory.plant.btb;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;

/**
 * The battery test bench (domain brief §3.11, {@code btb.*}). The capacity test runs for
 * hours: it is started, and its result is fetched when the bench reports
 * {@code CapacityTestDone}.
 */
public interface BatteryTestBench {

	/** Reads the BMS; an offline bench is {@code BENCH_UNAVAILABLE}. */
	BmsReading readBms(String batteryId, String benchId);

	CapacityTest startCapacityTest(IdempotencyKey key, CapacityTestRequest request);

	/** The result of a capacity test, empty while it runs. */
	Optional<CapacityTestResult> capacityTestResult(String testId);

	/**
	 * Teaches the pack's BMS the modules fitted by a module replacement; the next reading
	 * is of the repaired pack.
	 */
	ModuleReplacement registerModules(IdempotencyKey key, ModuleReplacement replacement);

}

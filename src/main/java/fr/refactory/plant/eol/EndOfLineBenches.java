package fr.refactory.plant.eol;

import fr.refactory.plant.IdempotencyKey;

/**
 * The end-of-line test benches for vehicles and parts (domain brief §3.11,
 * {@code eol.*}): tests with measured values, OK/NOK and the equipment that measured
 * them.
 */
public interface EndOfLineBenches {

	/**
	 * Runs a test programme on a vehicle or part; an offline bench is
	 * {@code BENCH_UNAVAILABLE}.
	 */
	TestRun runTest(IdempotencyKey key, TestRequest request);

	/** The HV safety measurements taken at commissioning of a converted vehicle. */
	HvTestResults readHvTestResults(String vin);

	/** Every test run on a subject so far, oldest first. */
	TestRuns results(String subjectKey);

}

package fr.refactory.plant.eol;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link EndOfLineBenches} adapter must do; run against the simulated and the
 * HTTP adapter.
 */
abstract class EndOfLineBenchesContract {

	static final String VIN = "VF1MA000012345678";

	protected abstract EndOfLineBenches benches();

	@Test
	void shouldGiveOkOnlyWhenEveryMeasurementIsWithinLimits() {
		TestRun run = benches().runTest(IdempotencyKey.of("job-1:eol"),
				new TestRequest("VEHICLE", VIN, "BRAKE_ROLLER_ROAD", "EOL-1"));

		assertThat(run.measurements()).isNotEmpty();
		assertThat(run.verdict())
			.isEqualTo(run.measurements().stream().allMatch(TestRun.Measurement::withinLimits) ? "OK" : "NOK");
		assertThat(run.equipmentId()).isEqualTo("EOL-1");
		assertThat(run.equipmentCalibrationDueDate()).isNotNull();
	}

	@Test
	void shouldListTheRunsOfASubjectOnceEach() {
		TestRequest request = new TestRequest("PART", "EMOTOR-0042", "EMOTOR_EOL", "EOL-2");
		TestRun run = benches().runTest(IdempotencyKey.of("job-2:eol"), request);
		benches().runTest(IdempotencyKey.of("job-2:eol"), request);

		TestRuns runs = benches().results("EMOTOR-0042");

		assertThat(runs.runs()).containsExactly(run);
	}

	@Test
	void shouldReadHvCommissioningResults() {
		HvTestResults results = benches().readHvTestResults(VIN);

		assertThat(results.vin()).isEqualTo(VIN);
		assertThat(results.isolationDcOhmPerV()).isPositive();
		assertThat(results.bondingResistanceOhm()).isPositive();
	}

	@Test
	void shouldReportAnOfflineBenchAsUnavailable() {
		assertThatExceptionOfType(PlantBusinessException.class)
			.isThrownBy(() -> benches().runTest(IdempotencyKey.of("job-3:eol"),
					new TestRequest("VEHICLE", VIN, "BRAKE_ROLLER_ROAD", "OFFLINE-EOL-1")))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(BusinessErrorCodes.BENCH_UNAVAILABLE));
	}

}

package fr.refactory.plant.btb;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link BatteryTestBench} adapter must do; run against the simulated and the
 * HTTP adapter.
 */
abstract class BatteryTestBenchContract {

	protected abstract BatteryTestBench bench();

	@Test
	void shouldReadPlausibleBmsData() {
		BmsReading reading = bench().readBms("BAT-ZOE-0001", "BTB-1");

		assertThat(reading.batteryId()).isEqualTo("BAT-ZOE-0001");
		assertThat(reading.sohPct()).isBetween(0.0, 100.0);
		assertThat(reading.cellMinMv()).isBetween(2000, reading.cellMaxMv());
		assertThat(reading.cellMaxMv()).isLessThanOrEqualTo(4500);
		assertThat(bench().readBms("BAT-ZOE-0001", "BTB-1")).isEqualTo(reading);
	}

	@Test
	void shouldSayWhetherThePacksModulesCanBeReplaced() {
		assertThat(bench().readBms("BAT-ZOE-0001", "BTB-1").moduleRepairable()).isTrue();
		assertThat(bench().readBms("SEALED-BAT-0001", "BTB-1").moduleRepairable()).isFalse();
	}

	/**
	 * ADR 0474: a pack whose BMS stays silent is read as nothing measured; the bench
	 * still knows the pack's design.
	 */
	@Test
	void shouldReadNothingFromAPackWhoseBmsDoesNotAnswer() {
		BmsReading reading = bench().readBms(SimulatedBatteryTestBench.SILENT_BMS_PREFIX + "BAT-0003", "BTB-1");

		assertThat(reading.bmsAnswered()).isFalse();
		assertThat(reading.sohPct()).isNull();
		assertThat(reading.cellMinMv()).isNull();
		assertThat(reading.cellMaxMv()).isNull();
		assertThat(reading.isolationOhmPerV()).isNull();
		assertThat(reading.moduleRepairable()).isTrue();
		assertThat(bench().readBms("BAT-ZOE-0001", "BTB-1").bmsAnswered()).isTrue();
	}

	/**
	 * ADR 0479 (AS-48): a WEAK- pack reports one faulty module until the modules fitted
	 * are registered with its BMS; then it reads repaired.
	 */
	@Test
	void shouldReadAFaultyModuleUntilItsReplacementIsRegistered() {
		BmsReading faulty = bench().readBms("WEAK-BAT-0001", "BTB-1");
		assertThat(faulty.faultHistory()).containsExactly("MODULE_07_CELL_UNDERVOLTAGE");
		assertThat(faulty.cellMinMv()).isEqualTo(2600);
		assertThat(faulty.sohPct()).isEqualTo(78.0);

		bench().registerModules(IdempotencyKey.of("weak-repair"), new ModuleReplacement("WEAK-BAT-0001",
				java.util.List.of("MOD-07-OLD"), java.util.List.of("MOD-07-NEW")));

		BmsReading repaired = bench().readBms("WEAK-BAT-0001", "BTB-1");
		assertThat(repaired.faultHistory()).isEmpty();
		assertThat(repaired.cellMaxMv() - repaired.cellMinMv()).isEqualTo(25);
		assertThat(repaired.sohPct()).isEqualTo(80.0);
	}

	@Test
	void shouldGiveTheResultOfAStartedCapacityTest() {
		CapacityTest test = bench().startCapacityTest(IdempotencyKey.of("job-1:capacity"),
				new CapacityTestRequest("BAT-ZOE-0002", "BTB-1", 52.0));

		CapacityTestResult result = bench().capacityTestResult(test.testId()).orElseThrow();

		assertThat(result.batteryId()).isEqualTo("BAT-ZOE-0002");
		assertThat(result.measuredCapacityKwh()).isBetween(0.0, 52.0);
		assertThat(result.sohPct()).isBetween(0.0, 100.0);
	}

	@Test
	void shouldStartOneCapacityTestPerIdempotencyKey() {
		CapacityTestRequest request = new CapacityTestRequest("BAT-ZOE-0003", "BTB-2", 41.0);

		CapacityTest first = bench().startCapacityTest(IdempotencyKey.of("job-2:capacity"), request);

		assertThat(bench().startCapacityTest(IdempotencyKey.of("job-2:capacity"), request)).isEqualTo(first);
	}

	@Test
	void shouldKnowNoResultOfAnUnknownTest() {
		assertThat(bench().capacityTestResult("CT-UNKNOWN")).isEmpty();
	}

	@Test
	void shouldReportAnOfflineBenchAsUnavailable() {
		assertThatExceptionOfType(PlantBusinessException.class)
			.isThrownBy(() -> bench().readBms("BAT-ZOE-0001", "OFFLINE-BTB-1"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(BusinessErrorCodes.BENCH_UNAVAILABLE));
	}

}

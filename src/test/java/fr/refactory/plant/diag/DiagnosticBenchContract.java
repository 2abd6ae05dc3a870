package fr.refactory.plant.diag;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.PlantTechnicalException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link DiagnosticBench} adapter must do; run against the simulated and the
 * HTTP adapter.
 */
abstract class DiagnosticBenchContract {

	static final String VIN = "VF1AG000012345678";

	protected abstract DiagnosticBench bench();

	@Test
	void shouldReadTheSameDataTwiceForTheSameVehicle() {
		VehicleReading reading = bench().readVehicleData(new DiagnosticRequest(VIN, "DIAG-1", false));

		assertThat(reading.vin()).isEqualTo(VIN);
		assertThat(reading.benchId()).isEqualTo("DIAG-1");
		assertThat(reading.ecuOdometerKm()).isPositive();
		assertThat(reading.bms()).isNull();
		assertThat(bench().readVehicleData(new DiagnosticRequest(VIN, "DIAG-1", false))).isEqualTo(reading);
	}

	@Test
	void shouldReadTheBmsOfAnHvVehicle() {
		VehicleReading reading = bench().readVehicleData(new DiagnosticRequest(VIN, "DIAG-1", true));

		assertThat(reading.bms()).isNotNull();
		assertThat(reading.bms().sohPct()).isBetween(0.0, 100.0);
		assertThat(reading.bms().cellMinMv()).isLessThanOrEqualTo(reading.bms().cellMaxMv());
	}

	@Test
	void shouldReportAnOfflineBenchAsUnavailable() {
		assertThatExceptionOfType(PlantBusinessException.class)
			.isThrownBy(() -> bench().readVehicleData(new DiagnosticRequest(VIN, "OFFLINE-DIAG-9", false)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(BusinessErrorCodes.BENCH_UNAVAILABLE));
	}

	@Test
	void shouldReportAnUnreachableBenchAsARetryableTechnicalFailure() {
		assertThatExceptionOfType(PlantTechnicalException.class)
			.isThrownBy(() -> bench().readVehicleData(new DiagnosticRequest(VIN, "UNREACHABLE-DIAG-9", false)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

}

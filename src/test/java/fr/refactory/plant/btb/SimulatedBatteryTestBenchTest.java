package fr.refactory.plant.btb;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatedBatteryTestBenchTest extends BatteryTestBenchContract {

	private final BatteryTestBench bench = new SimulatedBatteryTestBench(Simulation.immediate("btb"));

	@Override
	protected BatteryTestBench bench() {
		return this.bench;
	}

	/**
	 * A pack that trips the first bench and the first cycler it is put on is read and
	 * tested on the next ones.
	 */
	@Test
	void shouldTripTheFirstBenchAndCyclerOfATrippingPack() {
		String pack = "BAT-0042" + SimulatedBatteryTestBench.TRIPPING_PACK_SUFFIX;

		assertThatExceptionOfType(PlantBusinessException.class).isThrownBy(() -> this.bench.readBms(pack, "BTB-A"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(BusinessErrorCodes.BENCH_UNAVAILABLE));
		assertThatExceptionOfType(PlantBusinessException.class).isThrownBy(() -> this.bench.readBms(pack, "BTB-A"));
		assertThat(this.bench.readBms(pack, "BTB-B").batteryId()).isEqualTo(pack);
		assertThatExceptionOfType(PlantBusinessException.class).isThrownBy(() -> this.bench
			.startCapacityTest(IdempotencyKey.of("job-1:ct"), new CapacityTestRequest(pack, "CYC-A", 52.0)));
		assertThat(this.bench
			.startCapacityTest(IdempotencyKey.of("job-2:ct"), new CapacityTestRequest(pack, "CYC-B", 52.0))
			.benchId()).isEqualTo("CYC-B");
	}

}

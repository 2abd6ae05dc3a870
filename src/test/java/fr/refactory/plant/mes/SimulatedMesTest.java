package fr.refactory.plant.mes;

import java.time.Duration;
import java.time.Instant;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedMesTest extends MesContract {

	private final Mes mes = new SimulatedMes(Simulation.immediate("mes"));

	@Override
	protected Mes mes() {
		return this.mes;
	}

	/**
	 * The retrofit line is booked for a conversion week after the kit's lead time (ADR
	 * 0431): the slot starts three weeks ahead at the line's 07:00 start and lasts the
	 * five working days of the conversion target.
	 */
	@Test
	void shouldBookTheRetrofitLineForAConversionWeekAfterTheKitLeadTime() {
		Instant before = Instant.now();
		ResourceSlot slot = this.mes.reserveResource(IdempotencyKey.of("job-retrofit:slot"),
				new ResourceRequest(SimulatedMes.RETROFIT_LINE, null, "VF1MA000000012345"));

		assertThat(slot.resourceId()).startsWith(SimulatedMes.RETROFIT_LINE);
		assertThat(slot.slotStart()).isAfter(before.plus(Duration.ofDays(20)))
			.isBefore(before.plus(Duration.ofDays(22)));
		assertThat(slot.slotStart().toString()).endsWith("T07:00:00Z");
		assertThat(slot.slotEnd()).isEqualTo(slot.slotStart().plus(Duration.ofDays(7)));
	}

	/**
	 * After a bench reported itself unavailable the MES is asked again without it (ADR
	 * 0460): it offers another bench of the type, the same one for the same subject.
	 */
	@Test
	void shouldOfferAnotherBenchThanTheOneReportedUnavailable() {
		ResourceSlot first = this.mes.reserveResource(IdempotencyKey.of("job-btb:1"),
				new ResourceRequest("BATTERY_TEST_BENCH", null, "BAT-0001"));
		ResourceSlot again = this.mes.reserveResource(IdempotencyKey.of("job-btb:2"),
				new ResourceRequest("BATTERY_TEST_BENCH", null, "BAT-0001", java.util.List.of(first.resourceId())));
		ResourceSlot same = this.mes.reserveResource(IdempotencyKey.of("job-btb:3"),
				new ResourceRequest("BATTERY_TEST_BENCH", null, "BAT-0001", java.util.List.of(first.resourceId())));

		assertThat(first.resourceId()).startsWith("BATTERY_TEST_BENCH-");
		assertThat(again.resourceId()).startsWith("BATTERY_TEST_BENCH-").isNotEqualTo(first.resourceId());
		assertThat(same.resourceId()).isEqualTo(again.resourceId());
	}

}

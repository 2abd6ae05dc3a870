package fr.refactory.engine.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import fr.refactory.engine.Rejection;
import fr.refactory.engine.clock.ControlledClock;
import fr.refactory.engine.clock.PeriodicCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without {@code refactory.engine.management.enabled} (production), {@code PUT /v2/clock}
 * and {@code POST /v2/clock/reset} are refused as INVALID_STATE (409) and the engine
 * clock does not move (ADR 0250).
 */
class ClockControllerDisabledTest {

	private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");

	@Test
	void shouldRefuseToPinOrResetTheClockWhenManagementIsOff() {
		ControlledClock clock = new ControlledClock(Clock.fixed(NOW, ZoneOffset.UTC));
		clock.add(java.time.Duration.ofMinutes(5));
		ClockController controller = new ClockController(clock,
				new StaticListableBeanFactory().getBeanProvider(PeriodicCheck.class), false);

		assertThatThrownBy(() -> controller.pin(new ClockController.PinRequest(0L)))
			.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
				assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID_STATE);
				assertThat(rejection.kind().status()).isEqualTo(409);
				assertThat(rejection.getMessage()).contains("refactory.engine.management.enabled");
			});
		assertThatThrownBy(controller::reset).isInstanceOf(Rejection.class);

		assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void shouldPinAndResetWhenManagementIsOn() {
		ControlledClock clock = new ControlledClock(Clock.fixed(NOW, ZoneOffset.UTC));
		ClockController controller = new ClockController(clock,
				new StaticListableBeanFactory().getBeanProvider(PeriodicCheck.class), true);

		controller.pin(new ClockController.PinRequest(1_000L));
		assertThat(clock.millis()).isEqualTo(1_000L);
		clock.add(java.time.Duration.ofSeconds(1));
		assertThat(clock.millis()).as("moving a pinned clock keeps it pinned").isEqualTo(2_000L);

		controller.reset();
		assertThat(clock.instant()).isEqualTo(NOW);
	}

}

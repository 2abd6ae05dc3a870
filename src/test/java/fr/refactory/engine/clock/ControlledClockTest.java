package fr.refactory.engine.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlledClockTest {

	private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

	@Test
	void shouldGiveAZonedViewThatFollowsTheMovesOfTheClock() {
		ControlledClock clock = new ControlledClock(Clock.fixed(NOW, ZoneOffset.UTC));
		Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

		clock.add(Duration.ofHours(2));

		assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(paris.instant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
		assertThat(paris.withZone(ZoneOffset.UTC).millis()).isEqualTo(clock.millis());
	}

}

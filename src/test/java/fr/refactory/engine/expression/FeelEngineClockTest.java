package fr.refactory.engine.expression;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FEEL's {@code now()} and {@code today()} read the clock of the running engine; when a
 * second engine (a test's own application) stops, FEEL goes back to the clock of the
 * engine that still runs (ADR 0280).
 */
class FeelEngineClockTest {

	private static Object eval(String feel) {
		return FeelExpressions.evaluate(FeelExpressions.parseFeel(feel), Map.of());
	}

	@Test
	void shouldReadTheLatestRunningEngineClockAndFallBackWhenItStops() {
		Clock shared = Clock.fixed(Instant.parse("2031-03-04T05:06:07Z"), ZoneOffset.UTC);
		Clock other = Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC);
		FeelExpressions.useClock(shared);
		try {
			FeelExpressions.useClock(other);
			assertThat(eval("today()")).isEqualTo(LocalDate.parse("2040-01-01"));
			FeelExpressions.releaseClock(other);

			assertThat(eval("today()")).isEqualTo(LocalDate.parse("2031-03-04"));
			assertThat(((ZonedDateTime) eval("now()")).toInstant()).isEqualTo(Instant.parse("2031-03-04T05:06:07Z"));
		}
		finally {
			FeelExpressions.releaseClock(other);
			FeelExpressions.releaseClock(shared);
		}
	}

}

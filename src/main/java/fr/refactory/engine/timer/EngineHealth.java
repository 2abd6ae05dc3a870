package fr.refactory.engine.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.TimerStore;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The embedded engine on {@code /actuator/health} ({@code engine}): DOWN when it cannot
 * read its state from the database; the pending timer lag (how long the earliest due
 * timer has waited to fire, on the engine's clock) is a detail. The lag alone does not
 * make it DOWN: moving the engine clock (Camunda Process Test) makes many timers due at
 * once, and a scheduler that stops firing them is already reported DOWN by
 * {@code engineSchedulers} (ADR 0602).
 */
@Component("engine")
@ConditionalOnEmbeddedEngine
class EngineHealth implements HealthIndicator {

	private final TimerStore timers;

	private final Clock clock;

	EngineHealth(TimerStore timers, Clock clock) {
		this.timers = timers;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		try {
			Optional<Instant> earliestDue = this.timers.earliestDue(now);
			Duration lag = earliestDue.map((due) -> Duration.between(due, now)).orElse(Duration.ZERO);
			return Health.up()
				.withDetail("database", "reachable")
				.withDetail("pendingTimerLag", lag.toString())
				.withDetail("engineClock", now.toString())
				.build();
		}
		catch (DataAccessException ex) {
			return Health.down()
				.withDetail("database", "unreachable: " + ex.getMostSpecificCause().getMessage())
				.build();
		}
	}

}

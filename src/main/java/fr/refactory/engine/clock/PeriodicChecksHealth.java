package fr.refactory.engine.clock;

import java.time.Duration;
import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} is DOWN when a scheduler of the engine (timers, job deadlines)
 * has not completed a tick for {@code refactory.engine.scheduler.stall-after}, or work it
 * handed over (a timer to fire) has waited that long: its timers or deadlines are not
 * being done, which a supervisor should see and restart (docs/decisions/0261). Details
 * give each scheduler's last successful tick.
 */
@Component("engineSchedulers")
@ConditionalOnEmbeddedEngine
class PeriodicChecksHealth implements HealthIndicator {

	private final List<PeriodicCheck> checks;

	private final Duration stallAfter;

	PeriodicChecksHealth(List<PeriodicCheck> checks,
			@Value("${refactory.engine.scheduler.stall-after:PT30S}") Duration stallAfter) {
		this.checks = checks;
		this.stallAfter = stallAfter;
	}

	@Override
	public Health health() {
		boolean stalled = false;
		Health.Builder health = Health.up();
		for (PeriodicCheck check : this.checks) {
			boolean late = check.isRunning() && (check.sinceLastSuccessfulTick().compareTo(this.stallAfter) > 0
					|| check.oldestPendingWork().compareTo(this.stallAfter) > 0);
			stalled |= late;
			health.withDetail(check.name(), (late ? "stalled, " : "") + "last successful tick "
					+ ((check.lastSuccessfulTick() == null) ? "none yet" : check.lastSuccessfulTick().toString())
					+ ", oldest work handed over " + check.oldestPendingWork().toSeconds() + " s ago");
		}
		return (stalled ? health.down() : health).build();
	}

}

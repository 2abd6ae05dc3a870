package fr.refactory.engine.clock;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduler that completes no tick shows as DOWN in health; one that ticks shows its
 * last tick.
 */
class PeriodicChecksHealthTest {

	@Test
	void aSchedulerWithoutASuccessfulTickIsStalled() {
		PeriodicCheck failing = new PeriodicCheck("failing") {
			@Override
			protected void tick() {
				throw new IllegalStateException("database away");
			}
		};
		failing.start();
		try {
			failing.checkNow();
			var health = new PeriodicChecksHealth(List.of(failing), Duration.ZERO).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("failing").toString()).contains("stalled").contains("none yet");
		}
		finally {
			failing.stop();
		}
	}

	@Test
	void aSchedulerWhoseHandedOverWorkWaitsTooLongIsStalled() {
		PeriodicCheck stuckWork = new PeriodicCheck("stuck-work") {
			@Override
			protected void tick() {
			}

			@Override
			public Duration oldestPendingWork() {
				return Duration.ofMinutes(5);
			}
		};
		stuckWork.start();
		try {
			stuckWork.checkNow();
			var health = new PeriodicChecksHealth(List.of(stuckWork), Duration.ofSeconds(30)).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("stuck-work").toString()).contains("stalled").contains("300 s ago");
		}
		finally {
			stuckWork.stop();
		}
	}

	@Test
	void aTickingSchedulerIsUpWithItsLastTick() {
		PeriodicCheck ticking = new PeriodicCheck("ticking") {
			@Override
			protected void tick() {
			}
		};
		ticking.start();
		try {
			ticking.checkNow();
			var health = new PeriodicChecksHealth(List.of(ticking), Duration.ofMinutes(1)).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("ticking").toString()).contains("last successful tick 20");
		}
		finally {
			ticking.stop();
		}
	}

}

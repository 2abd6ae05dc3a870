package fr.refactory.engine.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's time: the system clock plus an offset that tests (and CPT through {@code /actuator/clock}) can move.
 * Every timestamp the engine writes comes from here.
 */
public class ControlledClock extends Clock {

	private final Clock system;

	private final AtomicLong offsetMillis = new AtomicLong();

	public ControlledClock(Clock system) {
		this.system = system;
	}

	public void add(Duration offset) {
		this.offsetMillis.addAndGet(offset.toMillis());
	}

	public void reset() {
		this.offsetMillis.set(0);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(this, Duration.ZERO).withZone(zone);
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	@Override
	public long millis() {
		return this.system.millis() + this.offsetMillis.get();
	}

}

package fr.refactory.engine.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's time: the system clock plus an offset that tests (and CPT through
 * {@code /actuator/clock}) can move. Every timestamp the engine writes comes from here.
 */
public class ControlledClock extends Clock {

	private final Clock system;

	private final AtomicLong offsetMillis = new AtomicLong();

	/**
	 * Epoch millis the clock stands still at ({@code PUT /v2/clock}), or null while it
	 * ticks.
	 */
	private volatile Long pinnedMillis;

	public ControlledClock(Clock system) {
		this.system = system;
	}

	/**
	 * Moves the clock; a pinned clock stays pinned, at the pinned time plus the offset.
	 */
	public synchronized void add(Duration offset) {
		Long pinned = this.pinnedMillis;
		if (pinned != null) {
			this.pinnedMillis = pinned + offset.toMillis();
		}
		else {
			this.offsetMillis.addAndGet(offset.toMillis());
		}
	}

	/**
	 * Stops the clock at the given time until it is reset (Camunda's
	 * {@code PUT /v2/clock}).
	 */
	public synchronized void pin(Instant instant) {
		this.pinnedMillis = instant.toEpochMilli();
	}

	/** Back to the system time, ticking: removes both a pin and any offset. */
	public synchronized void reset() {
		this.pinnedMillis = null;
		this.offsetMillis.set(0);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** A view in another zone that still follows this clock's moves. */
	@Override
	public Clock withZone(ZoneId zone) {
		return new Zoned(this, zone);
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	@Override
	public long millis() {
		Long pinned = this.pinnedMillis;
		return (pinned != null) ? pinned : this.system.millis() + this.offsetMillis.get();
	}

	private static final class Zoned extends Clock {

		private final ControlledClock clock;

		private final ZoneId zone;

		Zoned(ControlledClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new Zoned(this.clock, zone);
		}

		@Override
		public Instant instant() {
			return this.clock.instant();
		}

		@Override
		public long millis() {
			return this.clock.millis();
		}

	}

}

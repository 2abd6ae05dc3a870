package fr.refactory.engine.state;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a timer is due and, for cycles, how it repeats.
 *
 * @param dueDate when the timer fires next
 * @param repetitions how many more times it fires after this one ({@code -1}: without
 * end, {@code 0}: once)
 * @param interval for repeating timers: an ISO-8601 duration or a cron expression; null
 * when it fires once
 */
public record TimerSchedule(Instant dueDate, int repetitions, String interval) {

	public static final int UNBOUNDED = -1;

	public static TimerSchedule once(Instant dueDate) {
		return new TimerSchedule(dueDate, 0, null);
	}

	/**
	 * The schedule after this one fired at {@code firedAt}, if the timer repeats: one
	 * interval after its due date, or, when that is already past (the clock jumped), one
	 * interval after the firing, so a jump fires a cycle once.
	 */
	public Optional<TimerSchedule> next(Instant firedAt) {
		if (this.interval == null || this.repetitions == 0) {
			return Optional.empty();
		}
		int remaining = this.repetitions == UNBOUNDED ? UNBOUNDED : this.repetitions - 1;
		Instant next = after(this.dueDate, this.interval);
		if (!next.isAfter(firedAt)) {
			next = after(firedAt, this.interval);
		}
		return Optional.of(new TimerSchedule(next, remaining, this.interval));
	}

	/**
	 * The next occurrence of the interval (ISO duration or cron) strictly after
	 * {@code from}.
	 */
	public static Instant after(Instant from, String interval) {
		if (CronExpression.isValidExpression(interval)) {
			ZonedDateTime next = CronExpression.parse(interval).next(from.atZone(ZoneOffset.UTC));
			if (next == null) {
				throw new IllegalArgumentException("the cron expression '" + interval + "' never fires again");
			}
			return next.toInstant();
		}
		return plus(from, interval);
	}

	/**
	 * Adds an ISO-8601 duration with date part (years, months, weeks, days) and time
	 * part, on the UTC calendar.
	 */
	public static Instant plus(Instant from, String isoDuration) {
		String text = isoDuration.trim().toUpperCase();
		boolean negative = text.startsWith("-");
		if (negative) {
			text = text.substring(1);
		}
		if (!text.startsWith("P")) {
			throw new IllegalArgumentException("'" + isoDuration + "' is not an ISO-8601 duration");
		}
		int time = text.indexOf('T');
		String datePart = time < 0 ? text : text.substring(0, time);
		String timePart = time < 0 ? null : text.substring(time);
		ZonedDateTime result = from.atZone(ZoneOffset.UTC);
		if (!datePart.equals("P")) {
			Period period = Period.parse(datePart);
			result = negative ? result.minus(period) : result.plus(period);
		}
		if (timePart != null) {
			Duration duration = Duration.parse("P" + timePart);
			result = negative ? result.minus(duration) : result.plus(duration);
		}
		else if (datePart.equals("P")) {
			throw new IllegalArgumentException("'" + isoDuration + "' is not an ISO-8601 duration");
		}
		return result.toInstant();
	}

}

package fr.refactory.engine.timer;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

import fr.refactory.engine.execution.ElementFailure;
import fr.refactory.engine.expression.FeelExpressions;
import fr.refactory.engine.model.TimerDefinition;
import fr.refactory.engine.state.TimerSchedule;

import org.springframework.scheduling.support.CronExpression;

/**
 * Evaluates a timer definition into its schedule, as Camunda 8 reads them: a date
 * (ISO-8601 date-time, or a FEEL date and time), a duration (ISO-8601, also with
 * years/months/weeks, or a FEEL duration) from now, or a cycle
 * ({@code R[n]/[start/]duration}, or a cron expression, repeating without end). A value
 * that is none of these raises an {@code EXTRACT_VALUE_ERROR} incident.
 */
public final class TimerExpressions {

	private TimerExpressions() {
	}

	public static TimerSchedule schedule(TimerDefinition timer, Map<String, Object> variables, Instant now) {
		Object value = FeelExpressions.evaluate(timer.expression(), variables);
		try {
			return switch (timer.kind()) {
				case DATE -> TimerSchedule.once(date(value));
				case DURATION -> TimerSchedule.once(plus(now, value));
				case CYCLE -> cycle(text(value), now);
			};
		}
		catch (DateTimeException | IllegalArgumentException | ArithmeticException ex) {
			throw new ElementFailure("EXTRACT_VALUE_ERROR",
					"Expected result of the expression '" + timer.expression().source() + "' to be a valid timer "
							+ timer.kind().name().toLowerCase() + ", but was '" + value + "': " + ex.getMessage());
		}
	}

	private static Instant date(Object value) {
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof LocalDateTime local) {
			return local.toInstant(ZoneOffset.UTC);
		}
		if (value instanceof LocalDate day) {
			return day.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		return parseDate(text(value));
	}

	private static Instant parseDate(String text) {
		try {
			return ZonedDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notZoned) {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
	}

	private static Instant plus(Instant now, Object value) {
		if (value instanceof Duration duration) {
			return now.plus(duration);
		}
		if (value instanceof Period period) {
			return now.atZone(ZoneOffset.UTC).plus(period).toInstant();
		}
		return TimerSchedule.plus(now, text(value));
	}

	/**
	 * {@code R3/PT10M}, {@code R/PT1H}, {@code R2/2026-01-01T08:00:00Z/P1D} or a cron
	 * expression. The start date may carry a zone id with a slash
	 * ({@code R/2022-01-01T10:00:00+02:00[Europe/Berlin]/P1D}), so the parts are the text
	 * before the first slash and after the last one, and the start date is everything
	 * between them.
	 */
	private static TimerSchedule cycle(String text, Instant now) {
		if (CronExpression.isValidExpression(text)) {
			return new TimerSchedule(TimerSchedule.after(now, text), TimerSchedule.UNBOUNDED, text);
		}
		int firstSlash = text.indexOf('/');
		int lastSlash = text.lastIndexOf('/');
		if (firstSlash < 0 || !text.startsWith("R")) {
			throw new IllegalArgumentException(
					"expected a repeating interval 'R[n]/[start/]duration' or a cron expression");
		}
		String count = text.substring(1, firstSlash);
		int repetitions = count.isEmpty() || count.equals("-1") ? TimerSchedule.UNBOUNDED : Integer.parseInt(count);
		if (repetitions == 0) {
			throw new IllegalArgumentException("a cycle must repeat at least once");
		}
		String interval = text.substring(lastSlash + 1);
		Instant first = firstSlash == lastSlash ? TimerSchedule.plus(now, interval)
				: startDate(text.substring(firstSlash + 1, lastSlash), interval);
		return new TimerSchedule(first, repetitions == TimerSchedule.UNBOUNDED ? repetitions : repetitions - 1,
				interval);
	}

	/**
	 * The start date of a cycle; the interval is checked here too, since the cycle starts
	 * without adding it.
	 */
	private static Instant startDate(String text, String interval) {
		Instant start = parseDate(text);
		TimerSchedule.plus(start, interval);
		return start;
	}

	private static String text(Object value) {
		if (value == null || value instanceof Map || value instanceof Iterable || value instanceof TemporalAccessor) {
			throw new IllegalArgumentException("expected a text");
		}
		return String.valueOf(value).trim();
	}

}

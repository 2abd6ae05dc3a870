package fr.refactory.workers.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;

import fr.refactory.records.PlantCalendar;

/**
 * A working-time duration as a model writes it in a {@code calendar.dueDate} task header: {@code "2 WD"} (working
 * days) or {@code "8 WH"} (working hours), and the moments the worker reads and writes.
 */
record WorkingTime(int amount, String unit) {

	static final String WORKING_DAYS = "WD";

	static final String WORKING_HOURS = "WH";

	/** ISO local date-time, then an offset, a zone in brackets, both or none (FEEL writes a zone without offset). */
	private static final DateTimeFormatter MOMENT = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffsetId()
		.optionalEnd()
		.optionalStart()
		.appendLiteral('[')
		.appendZoneRegionId()
		.appendLiteral(']')
		.optionalEnd()
		.toFormatter();

	/** The duration a header gives, or {@code null} when it is none. */
	static WorkingTime parse(String text) {
		Matcher matcher = PlantCalendar.WORKING_TIME.matcher((text != null) ? text : "");
		return matcher.matches() ? new WorkingTime(Integer.parseInt(matcher.group(1)), matcher.group(2)) : null;
	}

	ZonedDateTime after(ZonedDateTime from, PlantCalendar calendar) {
		return WORKING_DAYS.equals(this.unit) ? calendar.plusWorkingDays(from, this.amount)
				: calendar.plusWorkingHours(from, Duration.ofHours(this.amount));
	}

	/**
	 * A moment as a FEEL {@code now()}, a date-time with an offset or a zone, a local date-time (the plant's time) or a
	 * date (its start, in the plant's time).
	 */
	static ZonedDateTime moment(String text, ZoneId plantZone) {
		String iso = text.strip().replace('@', '[');
		if (iso.contains("[") && !iso.endsWith("]")) {
			iso = iso + "]";
		}
		if (!iso.contains("T")) {
			return LocalDate.parse(iso).atStartOfDay(plantZone);
		}
		TemporalAccessor parsed = MOMENT.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
		return (parsed instanceof ZonedDateTime zoned) ? zoned : ((LocalDateTime) parsed).atZone(plantZone);
	}

	/** ISO 8601 with the plant's offset, to the second: what a {@code timeDate} reads with {@code date and time()}. */
	static String iso(ZonedDateTime moment) {
		return moment.truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}

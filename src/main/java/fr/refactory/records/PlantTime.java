package fr.refactory.records;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Times as the plant reads them (ADR 1501): in the plant calendar's zone
 * ({@code Europe/Paris} for Flins), as {@code dd/MM/yyyy HH:mm}. What is stored stays an
 * ISO instant in UTC. Pages call it as {@code @plantTime}.
 */
@Component("plantTime")
public class PlantTime {

	public static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	public static final DateTimeFormatter DISPLAY_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private static final String ZONE_OF_REQUEST = PlantTime.class.getName() + ".zone";

	private final PlantCalendars calendars;

	PlantTime(PlantCalendars calendars) {
		this.calendars = calendars;
	}

	/** The plant's zone, read once per page request. */
	public ZoneId zone() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return this.calendars.zone();
		}
		Object known = request.getAttribute(ZONE_OF_REQUEST, RequestAttributes.SCOPE_REQUEST);
		if (known instanceof ZoneId zone) {
			return zone;
		}
		ZoneId zone = this.calendars.zone();
		request.setAttribute(ZONE_OF_REQUEST, zone, RequestAttributes.SCOPE_REQUEST);
		return zone;
	}

	/**
	 * A moment (a date-time with offset, an instant, or its ISO text) in plant time;
	 * other values as they are.
	 */
	public String format(Object moment) {
		return format(moment, DISPLAY);
	}

	public String formatWithSeconds(Object moment) {
		return format(moment, DISPLAY_SECONDS);
	}

	private String format(Object moment, DateTimeFormatter pattern) {
		if (moment == null) {
			return "";
		}
		return instantOf(moment).map((instant) -> pattern.format(instant.atZone(zone()))).orElseGet(moment::toString);
	}

	/**
	 * The moment as a {@code datetime-local} input shows it in plant time
	 * ({@code yyyy-MM-ddTHH:mm}), if it is one.
	 */
	public Optional<String> localInput(Object moment) {
		return instantOf(moment).map((instant) -> LocalDateTime.ofInstant(instant, zone())
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
	}

	static Optional<Instant> instantOf(Object moment) {
		if (moment instanceof Instant instant) {
			return Optional.of(instant);
		}
		if (moment instanceof OffsetDateTime offset) {
			return Optional.of(offset.toInstant());
		}
		if (moment instanceof ZonedDateTime zoned) {
			return Optional.of(zoned.toInstant());
		}
		return moment instanceof String text ? parsed(text) : Optional.empty();
	}

	private static Optional<Instant> parsed(String text) {
		try {
			return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
		}
		catch (DateTimeParseException ex) {
			try {
				return Optional.of(ZonedDateTime.parse(text.trim()).toInstant());
			}
			catch (DateTimeParseException notZoned) {
				return Optional.empty();
			}
		}
	}

}

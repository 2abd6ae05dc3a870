package fr.refactory.records.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.refactory.records.ClosureDay;
import fr.refactory.records.PlantCalendar;
import fr.refactory.records.PublicHoliday;
import fr.refactory.records.Shift;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.Resource;

/**
 * Reads the versioned calendar file ({@code decisions/plant-calendar.yaml}); a mistake in
 * it stops the start with the entry it is in, rather than silently counting working days
 * on a wrong calendar.
 */
public final class CalendarFile {

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private CalendarFile() {
	}

	public static PlantCalendar read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return calendar(map(root, resource.getDescription()), resource.getDescription());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the plant calendar " + resource.getDescription(), ex);
		}
	}

	private static PlantCalendar calendar(Map<?, ?> root, String file) {
		try {
			return new PlantCalendar(((Number) required(root, "version")).intValue(), ZoneId.of(text(root, "timeZone")),
					workingDays(root), holidays(root), shifts(root), closures(root));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The plant calendar " + file + " is wrong: " + ex.getMessage(), ex);
		}
	}

	private static Set<DayOfWeek> workingDays(Map<?, ?> root) {
		Set<DayOfWeek> days = new TreeSet<>();
		for (Object day : list(root, "workingDays")) {
			days.add(DayOfWeek.valueOf(String.valueOf(day).toUpperCase(Locale.ROOT)));
		}
		return days;
	}

	private static List<PublicHoliday> holidays(Map<?, ?> root) {
		List<PublicHoliday> holidays = new ArrayList<>();
		for (Object entry : list(root, "publicHolidays")) {
			Map<?, ?> holiday = map(entry, "publicHolidays");
			Object offset = holiday.get("easterOffsetDays");
			Object date = holiday.get("date");
			holidays.add(new PublicHoliday(text(holiday, "name"),
					(date != null) ? MonthDay.parse(String.valueOf(date), MONTH_DAY) : null,
					(offset != null) ? ((Number) offset).intValue() : null));
		}
		return holidays;
	}

	private static List<Shift> shifts(Map<?, ?> root) {
		List<Shift> shifts = new ArrayList<>();
		for (Object entry : list(root, "shifts")) {
			Map<?, ?> shift = map(entry, "shifts");
			List<String> lines = new ArrayList<>();
			if (shift.get("lines") instanceof List<?> named) {
				named.forEach((line) -> lines.add(String.valueOf(line)));
			}
			shifts.add(new Shift(text(shift, "code"), text(shift, "name"), LocalTime.parse(text(shift, "starts")),
					LocalTime.parse(text(shift, "ends")), lines));
		}
		return shifts;
	}

	private static List<ClosureDay> closures(Map<?, ?> root) {
		List<ClosureDay> closures = new ArrayList<>();
		Object entries = root.get("closureDays");
		for (Object entry : (entries != null) ? list(root, "closureDays") : List.of()) {
			Map<?, ?> closure = map(entry, "closureDays");
			closures.add(new ClosureDay(LocalDate.parse(text(closure, "date")), text(closure, "reason"),
					ClosureDay.FROM_FILE, "plant-calendar.yaml", null));
		}
		return closures;
	}

	private static Object required(Map<?, ?> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			throw new IllegalArgumentException("'" + key + "' is missing in " + map);
		}
		return value;
	}

	private static String text(Map<?, ?> map, String key) {
		return String.valueOf(required(map, key));
	}

	private static List<?> list(Map<?, ?> map, String key) {
		if (required(map, key) instanceof List<?> list) {
			return list;
		}
		throw new IllegalArgumentException("'" + key + "' must be a list");
	}

	private static Map<?, ?> map(Object value, String where) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw new IllegalArgumentException("expected key: value entries in " + where + ", but got " + value);
	}

}

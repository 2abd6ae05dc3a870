package fr.refactory.records;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.refactory.records.calendar.CalendarFile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plant calendar in force (ADR 0700), kept in the database and copied from the
 * versioned calendar file at start when the file is newer. Process owners add and remove
 * closure days; each change is audited as {@value #ACTION}.
 */
@Component
public class PlantCalendars implements SmartInitializingSingleton {

	public static final String ACTION = "PLANT_CALENDAR_CHANGED";

	public static final String LOADED = "PLANT_CALENDAR_LOADED";

	public static final String SUBJECT = "plant-calendar";

	private static final int MAX_REASON_LENGTH = 500;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Resource file;

	private final TransactionTemplate transactions;

	PlantCalendars(JdbcTemplate jdbc, AuditLog auditLog, ObjectProvider<Clock> clock,
			@Value("${refactory.calendar.file:classpath:decisions/plant-calendar.yaml}") Resource file,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock.getIfUnique(Clock::systemUTC);
		this.file = file;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transactions.executeWithoutResult((status) -> loadIfNewer(CalendarFile.read(this.file)));
	}

	/** The calendar in force. */
	@Transactional(readOnly = true)
	public PlantCalendar current() {
		return this.jdbc.queryForObject("select file_version, time_zone, working_days from plant_calendar",
				(rs, row) -> new PlantCalendar(rs.getInt("file_version"), ZoneId.of(rs.getString("time_zone")),
						workingDays(rs.getArray("working_days")), holidays(), shifts(), closures()));
	}

	/**
	 * The plant's time zone, that of its calendar file ({@code timeZone}): the zone
	 * people read and type times in.
	 */
	@Transactional(readOnly = true)
	public ZoneId zone() {
		return ZoneId.of(this.jdbc.queryForObject("select time_zone from plant_calendar", String.class));
	}

	/**
	 * Closes the plant on that day; refused for a day already closed, a day that is not
	 * worked anyway, or no reason.
	 */
	@Transactional
	public ClosureDay addClosureDay(LocalDate day, String reason, String user) {
		String why = reason(reason);
		PlantCalendar calendar = lockedCurrent();
		if (calendar.closureOn(day).isPresent()) {
			throw new PlantCalendarRefusal("day", day + " is already a closure day");
		}
		if (!calendar.isWorkingDay(day)) {
			throw new PlantCalendarRefusal("day", day + " is not a working day anyway ("
					+ calendar.holidayOn(day).map(PublicHoliday::name).orElse(day.getDayOfWeek().toString()) + ")");
		}
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into plant_closure_day (day, reason, source, changed_by, changed_at) "
						+ "values (?, ?, ?, ?, ?)",
				day, why, ClosureDay.FROM_MODELS_PAGE, user, now.atOffset(ZoneOffset.UTC));
		audit(user, "CLOSURE_DAY_ADDED", day, why, calendar.version());
		return new ClosureDay(day, why, ClosureDay.FROM_MODELS_PAGE, user, now);
	}

	/**
	 * Opens the plant again on a closure day; refused when the day is no closure day or
	 * without a reason.
	 */
	@Transactional
	public void removeClosureDay(LocalDate day, String reason, String user) {
		String why = reason(reason);
		PlantCalendar calendar = lockedCurrent();
		if (calendar.closureOn(day).isEmpty()) {
			throw new PlantCalendarRefusal("day", day + " is not a closure day");
		}
		this.jdbc.update("delete from plant_closure_day where day = ?", day);
		audit(user, "CLOSURE_DAY_REMOVED", day, why, calendar.version());
	}

	void loadIfNewer(PlantCalendar fromFile) {
		Integer stored = this.jdbc.query("select file_version from plant_calendar where id = 1 for update",
				(rs) -> rs.next() ? rs.getInt(1) : null);
		if (stored != null && stored >= fromFile.version()) {
			return;
		}
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		this.jdbc.update("insert into plant_calendar (id, file_version, time_zone, working_days, loaded_at) "
				+ "values (1, ?, ?, ?, ?) on conflict (id) do update set file_version = excluded.file_version, "
				+ "time_zone = excluded.time_zone, working_days = excluded.working_days, loaded_at = excluded.loaded_at",
				fromFile.version(), fromFile.zone().getId(),
				textArray(fromFile.workingDays().stream().sorted().map(DayOfWeek::name).toList()), now);
		this.jdbc.update("delete from plant_public_holiday");
		for (PublicHoliday holiday : fromFile.publicHolidays()) {
			this.jdbc.update("insert into plant_public_holiday (name, month_day, easter_offset_days) values (?, ?, ?)",
					holiday.name(), (holiday.monthDay() != null) ? String.format("%02d-%02d",
							holiday.monthDay().getMonthValue(), holiday.monthDay().getDayOfMonth()) : null,
					holiday.easterOffsetDays());
		}
		this.jdbc.update("delete from plant_shift");
		for (Shift shift : fromFile.shifts()) {
			this.jdbc.update("insert into plant_shift (code, name, starts_at, ends_at, lines) values (?, ?, ?, ?, ?)",
					shift.code(), shift.name(), shift.starts(), shift.ends(), textArray(shift.lines()));
		}
		this.jdbc.update("delete from plant_closure_day where source = ?", ClosureDay.FROM_FILE);
		for (ClosureDay closure : fromFile.closureDays()) {
			this.jdbc.update(
					"insert into plant_closure_day (day, reason, source, changed_by, changed_at) "
							+ "values (?, ?, ?, ?, ?) on conflict (day) do nothing",
					closure.day(), closure.reason(), ClosureDay.FROM_FILE, closure.changedBy(), now);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("file", this.file.getFilename());
		data.put("previousVersion", stored);
		data.put("version", fromFile.version());
		this.auditLog.append(new AuditEvent("application", LOADED, "CALENDAR", SUBJECT, null, null, data));
	}

	private PlantCalendar lockedCurrent() {
		this.jdbc.query("select id from plant_calendar where id = 1 for update", (rs) -> null);
		return current();
	}

	private void audit(String user, String change, LocalDate day, String reason, int version) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("change", change);
		data.put("day", day.toString());
		data.put("reason", reason);
		data.put("calendarFileVersion", version);
		this.auditLog.append(new AuditEvent(user, ACTION, "CALENDAR", SUBJECT, null, null, data));
	}

	private static String reason(String reason) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new PlantCalendarRefusal("reason", "Say why the plant's working days change (shutdown, strike…)");
		}
		if (why.length() > MAX_REASON_LENGTH) {
			throw new PlantCalendarRefusal("reason", "Keep the reason under " + MAX_REASON_LENGTH + " characters");
		}
		return why;
	}

	private List<PublicHoliday> holidays() {
		return this.jdbc.query("select name, month_day, easter_offset_days from plant_public_holiday order by name",
				(rs, row) -> new PublicHoliday(rs.getString("name"),
						(rs.getString("month_day") != null) ? MonthDay.parse("--" + rs.getString("month_day")) : null,
						rs.getObject("easter_offset_days", Integer.class)));
	}

	private List<Shift> shifts() {
		return this.jdbc.query("select code, name, starts_at, ends_at, lines from plant_shift order by starts_at, code",
				(rs, row) -> new Shift(rs.getString("code"), rs.getString("name"),
						rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
						texts(rs.getArray("lines"))));
	}

	private List<ClosureDay> closures() {
		return this.jdbc.query("select day, reason, source, changed_by, changed_at from plant_closure_day order by day",
				PlantCalendars::closure);
	}

	private static ClosureDay closure(ResultSet rs, int row) throws SQLException {
		return new ClosureDay(rs.getObject("day", LocalDate.class), rs.getString("reason"), rs.getString("source"),
				rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant());
	}

	private static Set<DayOfWeek> workingDays(Array days) throws SQLException {
		return texts(days).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
	}

	private static List<String> texts(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private String[] textArray(List<String> values) {
		return values.toArray(String[]::new);
	}

}

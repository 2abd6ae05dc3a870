package fr.refactory.records;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plant's working time (ADR 0700): working days of the week less public holidays and
 * closure days, and the working day's hours from the start of its first plant-wide shift
 * to the end of its last.
 * <p>
 * A moment outside working time counts from the start of the next working day (an arrival
 * on Friday at 22:00 counts from Monday 05:30); <em>n working days</em> later is the same
 * time of day <em>n</em> working days further; <em>n working hours</em> later counts only
 * the minutes inside working days' hours.
 */
public record PlantCalendar(int version, ZoneId zone, Set<DayOfWeek> workingDays, List<PublicHoliday> publicHolidays,
		List<Shift> shifts, List<ClosureDay> closureDays) {

	/**
	 * A working-time duration as a model writes it ({@code 2 WD} working days,
	 * {@code 8 WH} working hours): the one grammar the {@code calendar.dueDate} worker
	 * reads and the model lint checks.
	 */
	public static final Pattern WORKING_TIME = Pattern.compile("^\\s*(\\d{1,4})\\s*(WD|WH)\\s*$");

	/**
	 * Far enough for any SLA; a calendar without a working day in that time is a broken
	 * calendar.
	 */
	private static final int MAX_DAYS_SEARCHED = 3 * 366;

	public PlantCalendar {
		workingDays = Set.copyOf(workingDays);
		publicHolidays = List.copyOf(publicHolidays);
		shifts = List.copyOf(shifts);
		closureDays = closureDays.stream().sorted(Comparator.comparing(ClosureDay::day)).toList();
		if (shifts.stream().noneMatch(Shift::plantWide)) {
			throw new IllegalArgumentException("The plant calendar needs at least one shift without lines");
		}
		shifts.stream().filter(Shift::plantWide).filter(Shift::overnight).findFirst().ifPresent((shift) -> {
			throw new IllegalArgumentException("Shift " + shift.code()
					+ " runs overnight on every line: give it its lines, the plant's working day ends at midnight");
		});
	}

	/** Start of the plant's working day (first plant-wide shift). */
	public LocalTime dayStarts() {
		return plantWideShifts().map(Shift::starts).min(Comparator.naturalOrder()).orElseThrow();
	}

	/** End of the plant's working day (last plant-wide shift). */
	public LocalTime dayEnds() {
		return plantWideShifts().map(Shift::ends).max(Comparator.naturalOrder()).orElseThrow();
	}

	public boolean isWorkingDay(LocalDate day) {
		return this.workingDays.contains(day.getDayOfWeek()) && holidayOn(day).isEmpty() && closureOn(day).isEmpty();
	}

	public Optional<PublicHoliday> holidayOn(LocalDate day) {
		return this.publicHolidays.stream().filter((holiday) -> holiday.in(day.getYear()).equals(day)).findFirst();
	}

	/** The public holidays of a year, by date. */
	public List<DatedHoliday> holidaysIn(int year) {
		return this.publicHolidays.stream()
			.map((holiday) -> new DatedHoliday(holiday.in(year), holiday.name()))
			.sorted(Comparator.comparing(DatedHoliday::date))
			.toList();
	}

	public Optional<ClosureDay> closureOn(LocalDate day) {
		return this.closureDays.stream().filter((closure) -> closure.day().equals(day)).findFirst();
	}

	/**
	 * {@code days} working days after {@code from}, at the same time of day (see the
	 * class comment).
	 */
	public ZonedDateTime plusWorkingDays(ZonedDateTime from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("Expected a number of working days of 0 or more, but got " + days);
		}
		LocalDateTime start = workingStart(from);
		LocalDate day = start.toLocalDate();
		for (int counted = 0; counted < days; counted++) {
			day = nextWorkingDay(day);
		}
		return ZonedDateTime.of(day, start.toLocalTime(), this.zone);
	}

	/**
	 * {@code hours} of working time after {@code from}, counting only working days'
	 * hours.
	 */
	public ZonedDateTime plusWorkingHours(ZonedDateTime from, Duration hours) {
		if (hours.isNegative()) {
			throw new IllegalArgumentException("Expected working hours of 0 or more, but got " + hours);
		}
		LocalDateTime at = workingStart(from);
		Duration left = hours;
		while (true) {
			Duration today = Duration.between(at.toLocalTime(), dayEnds());
			if (left.compareTo(today) <= 0) {
				return ZonedDateTime.of(at.plus(left), this.zone);
			}
			left = left.minus(today);
			at = nextWorkingDay(at.toLocalDate()).atTime(dayStarts());
		}
	}

	/**
	 * The moment itself inside working time, else the start of the next working day, in
	 * the plant's local time.
	 */
	LocalDateTime workingStart(ZonedDateTime from) {
		LocalDateTime local = from.withZoneSameInstant(this.zone).toLocalDateTime();
		LocalDate day = local.toLocalDate();
		if (isWorkingDay(day) && local.toLocalTime().isBefore(dayEnds())) {
			return local.toLocalTime().isBefore(dayStarts()) ? day.atTime(dayStarts()) : local;
		}
		return nextWorkingDay(day).atTime(dayStarts());
	}

	private LocalDate nextWorkingDay(LocalDate after) {
		LocalDate day = after.plusDays(1);
		for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				return day;
			}
		}
		throw new IllegalStateException("The plant calendar has no working day in the " + MAX_DAYS_SEARCHED
				+ " days after " + after + ": check its working days and closure days");
	}

	/** A public holiday on its date of a given year. */
	public record DatedHoliday(LocalDate date, String name) {
	}

	/**
	 * The shifts running at a moment, by the time of day only (the roster says who works
	 * which day, ADR 0710), each with the date it started on: a night shift is still the
	 * previous day's after midnight.
	 */
	public List<ShiftAt> shiftsRunningAt(java.time.Instant moment) {
		LocalDateTime local = LocalDateTime.ofInstant(moment, this.zone);
		LocalTime time = local.toLocalTime();
		LocalDate today = local.toLocalDate();
		return this.shifts.stream().flatMap((shift) -> {
			if (!shift.overnight()) {
				boolean running = !time.isBefore(shift.starts()) && time.isBefore(shift.ends());
				return running ? java.util.stream.Stream.of(new ShiftAt(shift, today))
						: java.util.stream.Stream.empty();
			}
			if (!time.isBefore(shift.starts())) {
				return java.util.stream.Stream.of(new ShiftAt(shift, today));
			}
			return time.isBefore(shift.ends()) ? java.util.stream.Stream.of(new ShiftAt(shift, today.minusDays(1)))
					: java.util.stream.Stream.empty();
		}).toList();
	}

	/** A shift of the calendar on the date it starts. */
	public record ShiftAt(Shift shift, LocalDate startedOn) {
	}

	private java.util.stream.Stream<Shift> plantWideShifts() {
		return this.shifts.stream().filter(Shift::plantWide);
	}

}

package fr.refactory.records;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import fr.refactory.records.calendar.CalendarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working time on the calendar file the product ships (decisions/plant-calendar.yaml),
 * dates checked by hand.
 */
class PlantCalendarTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final PlantCalendar CALENDAR = CalendarFile
		.read(new ClassPathResource("decisions/plant-calendar.yaml"));

	@ParameterizedTest
	@CsvSource({ "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16",
			"2038, 2038-04-25", "2049, 2049-04-18" })
	void shouldComputeEasterSunday(int year, LocalDate easter) {
		assertThat(PublicHoliday.easterSunday(year)).isEqualTo(easter);
	}

	@ParameterizedTest(name = "{0} + {1} WD = {2}")
	@CsvSource({
			// Friday evening: Monday and Tuesday, not Saturday and Sunday
			"2026-03-06T18:00, 2, 2026-03-10T18:00",
			// Good Friday + 1 WD: Easter Monday is skipped
			"2026-04-03T18:00, 1, 2026-04-07T18:00",
			// Ascension Thursday (Easter + 39) is skipped
			"2026-05-13T10:00, 1, 2026-05-15T10:00",
			// Whit Monday (Easter + 50) and 14 July
			"2027-05-14T09:00, 1, 2027-05-18T09:00", "2027-07-13T09:00, 1, 2027-07-15T09:00",
			// after the last shift: counts from Monday 05:30
			"2026-03-06T21:45, 1, 2026-03-10T05:30",
			// before the first shift: counts from 05:30 that day
			"2026-03-09T04:00, 1, 2026-03-10T05:30",
			// a Saturday counts from Monday 05:30
			"2026-03-07T11:00, 2, 2026-03-11T05:30",
			// the year-end closure days of the file, Christmas and New Year
			"2026-12-23T10:00, 1, 2027-01-04T10:00",
			// zero working days: the moment itself when it is working time
			"2026-03-09T10:00, 0, 2026-03-09T10:00" })
	void shouldAddWorkingDays(String from, int days, String expected) {
		assertThat(CALENDAR.plusWorkingDays(paris(from), days)).isEqualTo(paris(expected));
	}

	@Test
	void shouldKeepTheLocalTimeAcrossTheSummerTimeChange() {
		ZonedDateTime due = CALENDAR.plusWorkingDays(paris("2026-03-27T18:00"), 2);

		assertThat(due.toOffsetDateTime().toString()).isEqualTo("2026-03-31T18:00+02:00");
	}

	@Test
	void shouldAddWorkingDaysFromAMomentInAnotherZone() {
		ZonedDateTime fridayEveningUtc = ZonedDateTime.parse("2026-03-06T17:00Z");

		assertThat(CALENDAR.plusWorkingDays(fridayEveningUtc, 2)).isEqualTo(paris("2026-03-10T18:00"));
	}

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource({ "2026-03-06T20:30, PT8H, 2026-03-09T12:30", "2026-03-09T06:00, PT8H, 2026-03-09T14:00",
			"2026-03-09T21:00, PT30M, 2026-03-09T21:30", "2026-04-03T21:00, PT1H, 2026-04-07T06:00" })
	void shouldAddWorkingHoursInsideTheWorkingDay(String from, Duration hours, String expected) {
		assertThat(CALENDAR.plusWorkingHours(paris(from), hours)).isEqualTo(paris(expected));
	}

	@Test
	void shouldSpanTheWorkingDayOverThePlantWideShiftsOnly() {
		assertThat(CALENDAR.dayStarts()).hasToString("05:30");
		assertThat(CALENDAR.dayEnds()).hasToString("21:30");
		assertThat(CALENDAR.shifts()).anySatisfy((shift) -> {
			assertThat(shift.code()).isEqualTo("NIGHT");
			assertThat(shift.overnight()).isTrue();
			assertThat(shift.plantWide()).isFalse();
		});
	}

	@Test
	void shouldNameTheHolidayOfADay() {
		assertThat(CALENDAR.holidayOn(LocalDate.parse("2026-04-06"))).map(PublicHoliday::name)
			.contains("Lundi de Pâques");
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-03"))).isTrue();
		assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-11-11"))).isFalse();
	}

	@Test
	void shouldRefuseNegativeWorkingDays() {
		assertThatThrownBy(() -> CALENDAR.plusWorkingDays(paris("2026-03-09T10:00"), -1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("-1");
	}

	private static ZonedDateTime paris(String localDateTime) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS);
	}

	/**
	 * Which shift is at work, for the roster (ADR 0710): the night shift after midnight
	 * is the previous day's.
	 */
	@ParameterizedTest(name = "{0}: {1} of {2}")
	@CsvSource({ "2026-03-09T05:30, MORNING, 2026-03-09", "2026-03-09T13:29, MORNING, 2026-03-09",
			"2026-03-09T13:30, AFTERNOON, 2026-03-09", "2026-03-09T21:30, NIGHT, 2026-03-09",
			"2026-03-10T03:00, NIGHT, 2026-03-09", "2026-03-10T05:29, NIGHT, 2026-03-09" })
	void shouldNameTheShiftRunningAtAMoment(String at, String shift, LocalDate startedOn) {
		assertThat(CALENDAR.shiftsRunningAt(paris(at).toInstant())).singleElement().satisfies((running) -> {
			assertThat(running.shift().code()).isEqualTo(shift);
			assertThat(running.startedOn()).isEqualTo(startedOn);
		});
	}

}

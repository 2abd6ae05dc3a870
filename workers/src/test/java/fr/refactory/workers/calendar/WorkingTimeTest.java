package fr.refactory.workers.calendar;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The header and date formats of {@code calendar.dueDate} (ADR 0700). */
class WorkingTimeTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@ParameterizedTest
	@CsvSource({ "2 WD, 2, WD", "10 WD, 10, WD", "8 WH, 8, WH", "' 1WD ', 1, WD" })
	void shouldReadAWorkingTimeHeader(String text, int amount, String unit) {
		assertThat(WorkingTime.parse(text)).isEqualTo(new WorkingTime(amount, unit));
	}

	@ParameterizedTest
	@CsvSource({ "P2D", "2 days", "2", "-1 WD", "2 wd", "''" })
	void shouldRefuseWhatIsNoWorkingTime(String text) {
		assertThat(WorkingTime.parse(text)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2026-03-06T17:00:00.123Z", "2026-03-06T18:00:00.123+01:00", "2026-03-06T18:00:00.123+01:00[Europe/Paris]",
			"2026-03-06T18:00:00.123@Europe/Paris", "2026-03-06T18:00:00.123" })
	void shouldReadTheMomentsFeelAndTheEnginesGive(String text) {
		assertThat(WorkingTime.moment(text, PARIS).toInstant())
			.isEqualTo(ZonedDateTime.parse("2026-03-06T17:00:00.123Z").toInstant());
	}

	@Test
	void shouldReadADateAsTheStartOfThatDayAtThePlant() {
		assertThat(WorkingTime.moment("2026-03-06", PARIS)).isEqualTo(ZonedDateTime.of(2026, 3, 6, 0, 0, 0, 0, PARIS));
	}

	@Test
	void shouldWriteTheDueDateWithThePlantsOffsetToTheSecond() {
		assertThat(WorkingTime.iso(ZonedDateTime.of(2026, 3, 10, 18, 0, 0, 999, PARIS)))
			.isEqualTo("2026-03-10T18:00:00+01:00");
	}

}

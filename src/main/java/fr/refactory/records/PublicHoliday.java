package fr.refactory.records;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A public holiday rule of the plant calendar: a fixed day of the year, or a number of
 * days after Easter Sunday (Easter Monday +1, Ascension +39, Whit Monday +50), so that
 * every year's date is computed, never listed.
 *
 * @param name as the calendar file names it
 * @param monthDay the fixed day, or {@code null} for a moving holiday
 * @param easterOffsetDays days after Easter Sunday, or {@code null} for a fixed holiday
 */
public record PublicHoliday(String name, MonthDay monthDay, Integer easterOffsetDays) {

	public PublicHoliday {
		if ((monthDay == null) == (easterOffsetDays == null)) {
			throw new IllegalArgumentException(
					"Public holiday '" + name + "' needs either a date (MM-DD) or easterOffsetDays, not both or none");
		}
	}

	/** The holiday's date in that year. */
	public LocalDate in(int year) {
		return (this.monthDay != null) ? this.monthDay.atYear(year)
				: easterSunday(year).plusDays(this.easterOffsetDays);
	}

	/**
	 * Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm,
	 * Meeus/Jones/Butcher), valid for every year from 1583.
	 */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

}

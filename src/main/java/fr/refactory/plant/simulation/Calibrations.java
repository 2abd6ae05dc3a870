package fr.refactory.plant.simulation;

import java.time.LocalDate;
import java.util.Random;

/**
 * When the simulated plant's measuring equipment is next due for calibration, the same
 * for every simulated system (the MES's calibration check and the benches' own records
 * agree). Equipment is calibrated once a year, on a day of its own, so its answer stays
 * plausible on any date; one piece in eight missed its calibration in 2026 and stays
 * overdue (AS-67, a measurement with equipment past calibration), docs/decisions/0471.
 */
public final class Calibrations {

	private static final LocalDate FIRST_CALIBRATIONS = LocalDate.of(2026, 1, 1);

	private static final int ONE_IN_MISSED = 8;

	private Calibrations() {
	}

	/**
	 * The equipment's calibration due date as it stands on {@code on}: valid on that date
	 * when not before it.
	 */
	public static LocalDate dueOn(String equipmentId, LocalDate on) {
		Random random = Seeds.random("calibration", equipmentId);
		LocalDate due = FIRST_CALIBRATIONS.plusDays(Seeds.between(random, 0, 364));
		if (random.nextInt(ONE_IN_MISSED) == 0) {
			return due;
		}
		int years = 0;
		while (due.plusYears(years).isBefore(on)) {
			years++;
		}
		return due.plusYears(years);
	}

}

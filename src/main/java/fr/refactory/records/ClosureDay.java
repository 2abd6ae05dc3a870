package fr.refactory.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A day the whole plant is closed besides weekends and public holidays.
 *
 * @param source {@code FILE} (the calendar file) or {@code MODELS_PAGE} (a process owner
 * added it)
 */
public record ClosureDay(LocalDate day, String reason, String source, String changedBy, Instant changedAt) {

	public static final String FROM_FILE = "FILE";

	public static final String FROM_MODELS_PAGE = "MODELS_PAGE";

}

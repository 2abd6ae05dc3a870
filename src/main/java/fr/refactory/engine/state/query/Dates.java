package fr.refactory.engine.state.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Date-times on the wire: ISO-8601 UTC with milliseconds. */
public final class Dates {

	private Dates() {
	}

	public static String format(Timestamp timestamp) {
		return timestamp == null ? null : format(timestamp.toInstant());
	}

	public static String format(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
	}

	public static String key(Long key) {
		return key == null ? null : String.valueOf(key);
	}

}

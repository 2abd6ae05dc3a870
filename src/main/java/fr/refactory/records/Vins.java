package fr.refactory.records;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised VINs, the key of every vehicle record (domain brief §5.3: trim, upper-case,
 * 17 characters, no I/O/Q).
 */
public final class Vins {

	private static final Pattern VIN = Pattern.compile("^[A-HJ-NPR-Z0-9]{17}$");

	private Vins() {
	}

	public static String normalise(String raw) {
		String vin = (raw != null) ? raw.trim().toUpperCase(Locale.ROOT) : "";
		if (!VIN.matcher(vin).matches()) {
			throw new IllegalArgumentException(
					"Expected a VIN of 17 letters and digits without I, O or Q, but got '" + raw + "'");
		}
		return vin;
	}

}

package fr.refactory.workers.vin;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The facts decision D1 ({@code vin-validation}) needs about a VIN, computed from the raw text an operator or a
 * system gave: trimmed and upper-cased, never otherwise corrected (domain brief §5.3).
 *
 * @param vin the normalised VIN (trimmed, upper case, inner spaces kept: they make it invalid)
 * @param length number of characters after normalisation
 * @param charsetValid only {@code 0-9} and {@code A-Z} without I, O and Q
 * @param region {@code NORTH_AMERICA} when the first character is 1 to 5, otherwise {@code OTHER}
 * @param checkDigitMatches whether position 9 carries the ISO 3779 / North-American check digit; {@code null} when
 * the charset is invalid or the length is not 17, as the check cannot be computed
 * @param expectedCheckDigit the check digit computed from the other positions, or {@code null}
 */
public record VinCheck(String vin, int length, boolean charsetValid, String region, Boolean checkDigitMatches,
		Character expectedCheckDigit) {

	public static final String NORTH_AMERICA = "NORTH_AMERICA";

	public static final String OTHER = "OTHER";

	static final int VIN_LENGTH = 17;

	private static final Pattern CHARSET = Pattern.compile("[A-HJ-NPR-Z0-9]*");

	private static final int[] WEIGHTS = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };

	private static final int CHECK_DIGIT_POSITION = 8;

	private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

	private static final String LETTER_VALUES = "12345678123457923456789";

	public static VinCheck of(String rawVin) {
		String vin = (rawVin != null) ? rawVin.trim().toUpperCase(Locale.ROOT) : "";
		boolean charsetValid = !vin.isEmpty() && CHARSET.matcher(vin).matches();
		Character expected = (charsetValid && vin.length() == VIN_LENGTH) ? checkDigitOf(vin) : null;
		Boolean matches = (expected != null) ? expected == vin.charAt(CHECK_DIGIT_POSITION) : null;
		return new VinCheck(vin, vin.length(), charsetValid, regionOf(vin), matches, expected);
	}

	static String regionOf(String vin) {
		return (!vin.isEmpty() && vin.charAt(0) >= '1' && vin.charAt(0) <= '5') ? NORTH_AMERICA : OTHER;
	}

	/** ISO 3779 transliteration and weights, modulus 11; a remainder of 10 is written X. */
	static char checkDigitOf(String vin) {
		int sum = 0;
		for (int position = 0; position < VIN_LENGTH; position++) {
			sum += transliterate(vin.charAt(position)) * WEIGHTS[position];
		}
		int remainder = sum % 11;
		return (remainder == 10) ? 'X' : (char) ('0' + remainder);
	}

	private static int transliterate(char character) {
		if (Character.isDigit(character)) {
			return character - '0';
		}
		return LETTER_VALUES.charAt(LETTERS.indexOf(character)) - '0';
	}

}

package fr.refactory.decisions;

import java.util.HashMap;
import java.util.Map;

/**
 * The inputs of D1 computed from a raw VIN as brief §4 D1 describes the
 * {@code vin.validate} step: trim, upper-case, length, charset ({@code 0-9}, {@code A-Z}
 * except I, O, Q), region (first character 1-5 = North America) and the mod-11 check
 * digit of position 9. Used by the acceptance scenarios, which start from the VIN itself.
 */
final class VinFacts {

	private static final int[] WEIGHTS = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };

	private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

	private static final int[] LETTER_VALUES = { 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9 };

	private VinFacts() {
	}

	static Map<String, Object> of(String rawVin) {
		String vin = rawVin.strip().toUpperCase();
		boolean charsetValid = vin.matches("[A-HJ-NPR-Z0-9]*");
		Map<String, Object> facts = new HashMap<>();
		facts.put("length", vin.length());
		facts.put("charsetValid", charsetValid);
		facts.put("region", !vin.isEmpty() && vin.charAt(0) >= '1' && vin.charAt(0) <= '5' ? "NORTH_AMERICA" : "OTHER");
		facts.put("checkDigitMatches", charsetValid && vin.length() == 17 ? checkDigit(vin) == vin.charAt(8) : null);
		return facts;
	}

	static char checkDigit(String vin) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = vin.charAt(i);
			int value = Character.isDigit(c) ? c - '0' : LETTER_VALUES[LETTERS.indexOf(c)];
			sum += value * WEIGHTS[i];
		}
		int remainder = sum % 11;
		return remainder == 10 ? 'X' : (char) ('0' + remainder);
	}

}

package fr.refactory.workers.vin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VinCheckTest {

	@Test
	void shouldComputeTheBriefsWorkedReferenceCheckDigit() {
		VinCheck check = VinCheck.of("1M8GDM9AXKP042788");

		assertThat(check.expectedCheckDigit()).isEqualTo('X');
		assertThat(check.checkDigitMatches()).isTrue();
		assertThat(check.region()).isEqualTo(VinCheck.NORTH_AMERICA);
	}

	@Test
	void shouldFlagAnEuropeanVinWhoseNinthPositionIsNoCheckDigit() {
		VinCheck check = VinCheck.of("WP0ZZZ99ZTS392124");

		assertThat(check.charsetValid()).isTrue();
		assertThat(check.region()).isEqualTo(VinCheck.OTHER);
		assertThat(check.checkDigitMatches()).isFalse();
	}

	@Test
	void shouldTrimAndUpperCaseButNeverCorrect() {
		VinCheck check = VinCheck.of("  vf1ma000066123456 ");

		assertThat(check.vin()).isEqualTo("VF1MA000066123456");
		assertThat(check.length()).isEqualTo(17);
	}

	@ParameterizedTest(name = "{0}: length {1}, charset valid {2}")
	@CsvSource({ "VF1MA00006612345O, 17, false", "VF1IA000066123456, 17, false", "VF1QA000066123456, 17, false",
			"VF1MA00006612345, 16, true", "VF1MA0000661234567, 18, true", "VF1MA 00006612345, 17, false" })
	void shouldRejectLettersIOQAndWrongLengths(String vin, int length, boolean charsetValid) {
		VinCheck check = VinCheck.of(vin);

		assertThat(check.length()).isEqualTo(length);
		assertThat(check.charsetValid()).isEqualTo(charsetValid);
	}

	@Test
	void shouldLeaveTheCheckDigitUnknownWhenItCannotBeComputed() {
		assertThat(VinCheck.of("VF1OA000066123456").checkDigitMatches()).isNull();
		assertThat(VinCheck.of("1M8GDM9AXKP04278").checkDigitMatches()).isNull();
		assertThat(VinCheck.of(null).length()).isZero();
		assertThat(VinCheck.of(null).charsetValid()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "1, NORTH_AMERICA", "5, NORTH_AMERICA", "6, OTHER", "V, OTHER", "J, OTHER" })
	void shouldMapTheFirstCharacterToARegion(String first, String region) {
		assertThat(VinCheck.regionOf(first + "M8GDM9AXKP042788")).isEqualTo(region);
	}

	@Test
	void shouldDetectASingleWrongCharacterThroughTheCheckDigit() {
		assertThat(VinCheck.of("1M8GDM9AXKP042789").checkDigitMatches()).isFalse();
		assertThat(VinCheck.of("1M8GDM9A1KP042788").checkDigitMatches()).isFalse();
	}

}

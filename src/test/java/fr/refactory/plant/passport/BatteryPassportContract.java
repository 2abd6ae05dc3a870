package fr.refactory.plant.passport;

import fr.refactory.plant.IdempotencyKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link BatteryPassport} adapter must do; run against the simulated and the
 * HTTP adapter.
 */
abstract class BatteryPassportContract {

	protected abstract BatteryPassport passport();

	@Test
	void shouldRecordAStatusChange() {
		PassportRecord record = passport().setStatus(IdempotencyKey.of("job-1:passport"),
				new PassportStatusChange("BAT-ZOE-0001", "WASTE", 61.5));

		assertThat(record.batteryId()).isEqualTo("BAT-ZOE-0001");
		assertThat(record.status()).isEqualTo("WASTE");
		assertThat(record.passportId()).isNotBlank();
		assertThat(passport().find("BAT-ZOE-0001")).contains(record);
	}

	@Test
	void shouldLinkANewPassportToItsParent() {
		passport().setStatus(IdempotencyKey.of("job-2:passport"),
				new PassportStatusChange("BAT-ZOE-0002", "ORIGINAL", 74.0));

		PassportRecord linked = passport().createLinkedPassport(IdempotencyKey.of("job-3:linked"),
				new LinkedPassportRequest("BAT-ZOE-0002", "REPURPOSED", "STATIONARY_STORAGE"));

		assertThat(linked.batteryId()).isNotEqualTo("BAT-ZOE-0002");
		assertThat(linked.parentBatteryId()).isEqualTo("BAT-ZOE-0002");
		assertThat(linked.status()).isEqualTo("REPURPOSED");
		assertThat(passport().find(linked.batteryId())).contains(linked);
	}

	@Test
	void shouldCreateOneLinkedPassportPerIdempotencyKey() {
		LinkedPassportRequest request = new LinkedPassportRequest("BAT-ZOE-0003", "REMANUFACTURED", null);

		PassportRecord first = passport().createLinkedPassport(IdempotencyKey.of("job-4:linked"), request);

		assertThat(passport().createLinkedPassport(IdempotencyKey.of("job-4:linked"), request)).isEqualTo(first);
	}

	@Test
	void shouldFindNoPassportOfAnUnknownBattery() {
		assertThat(passport().find("BAT-NEVER-SEEN")).isEmpty();
	}

}

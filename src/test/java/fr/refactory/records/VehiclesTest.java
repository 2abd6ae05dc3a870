package fr.refactory.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import fr.refactory.records.Vehicles.OdometerUpdate;
import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VehiclesTest extends RefactoryIntegrationTest {

	@Autowired
	Vehicles vehicles;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldStoreTheVehicleUnderItsNormalisedVin() {
		String vin = TestKeys.vin();

		Vehicle stored = this.vehicles.register(vehicle("  " + vin.toLowerCase(Locale.ROOT) + " "));

		assertThat(stored.vin()).isEqualTo(vin);
		assertThat(stored.createdAt()).isNotNull();
		assertThat(this.vehicles.find(vin.toLowerCase(Locale.ROOT))).contains(stored);
	}

	@Test
	void shouldRegisterAVehicleOnceWhenRegisteredTwice() {
		String vin = TestKeys.vin();

		Vehicle first = this.vehicles.register(vehicle(vin));
		Vehicle again = this.vehicles.register(vehicle(vin).withOdometer(99_999, Instant.now()));

		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("select count(*) from vehicle where vin = ?", Integer.class, vin))
			.isEqualTo(1);
	}

	@Test
	void shouldRefuseAVinWithForbiddenLetters() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.vehicles.register(vehicle("VF1MAOOO012345678")))
			.withMessageContaining("VF1MAOOO012345678");
	}

	@Test
	void shouldKeepTheHigherReadingWhenTheOdometerGoesBack() {
		String vin = TestKeys.vin();
		this.vehicles.register(vehicle(vin));

		OdometerUpdate forward = this.vehicles.recordOdometer(vin, 150_000, Instant.parse("2026-11-28T10:00:00Z"));
		OdometerUpdate back = this.vehicles.recordOdometer(vin, 120_000, Instant.parse("2026-11-29T10:00:00Z"));

		assertThat(forward).isEqualTo(OdometerUpdate.ACCEPTED);
		assertThat(back).isEqualTo(OdometerUpdate.ROLLBACK);
		assertThat(this.vehicles.find(vin).orElseThrow().odometerKm()).isEqualTo(150_000);
	}

	static Vehicle vehicle(String vin) {
		return new Vehicle(vin, "RENAULT", "MASTER_III", "MASTER III 2.3 dCi", "ICE_DIESEL", "N1",
				LocalDate.of(2016, 3, 1), Instant.parse("2026-11-28T08:15:00Z"), 100_000,
				Instant.parse("2026-11-28T08:15:00Z"), null, null);
	}

}

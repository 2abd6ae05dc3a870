package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Battery passport records: versions numbered in order, once per key, and kept: nothing
 * deletes them (ADR 0900).
 */
class BatteryPassportsTest extends RefactoryIntegrationTest {

	private static final Instant ELEVEN_YEARS_AGO = Instant.parse("2014-03-01T10:00:00Z");

	@Autowired
	Batteries batteries;

	@Autowired
	BatteryPassports passports;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void versionsAreNumberedInOrderOncePerKeyAndSetTheBatteryStatus() {
		String battery = registered();

		PassportVersion first = this.passports.append(version(battery, "ORIGINAL", "k1"));
		PassportVersion second = this.passports.append(version(battery, "WASTE", "k2"));
		PassportVersion again = this.passports.append(version(battery, "WASTE", "k2"));

		assertThat(first.versionNumber()).isEqualTo(1);
		assertThat(second.versionNumber()).isEqualTo(2);
		assertThat(again).isEqualTo(second);
		assertThat(this.passports.history(battery)).extracting(PassportVersion::status)
			.containsExactly("ORIGINAL", "WASTE");
		assertThat(this.batteries.find(battery).orElseThrow().regulatoryStatus()).isEqualTo("WASTE");
	}

	@Test
	void aPassportOlderThanTenYearsCannotBeDeletedNorChanged() {
		String battery = registered();
		this.passports.append(version(battery, "WASTE", "old"));
		this.batteries.recordSoh(new SohReading(null, battery, new BigDecimal("55.0"), "BMS", ELEVEN_YEARS_AGO, "BTB-1",
				battery + ":soh"));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from battery_passport_version where battery_id = ?", battery))
			.withMessageContaining("kept for at least 10 years");
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.jdbc
			.update("update battery_passport_version set status = 'ORIGINAL' where battery_id = ?", battery));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from battery_soh_reading where battery_id = ?", battery));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from battery where battery_id = ?", battery));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("truncate table battery_passport_version"));

		assertThat(this.passports.history(battery)).singleElement()
			.satisfies((kept) -> assertThat(kept.recordedAt()).isEqualTo(ELEVEN_YEARS_AGO));
		assertThat(this.batteries.sohHistory(battery)).hasSize(1);
	}

	@Test
	void thePublicViewLeavesOutLegitimateInterestAndAuthorityAttributes() {
		String battery = registered();
		this.passports.append(version(battery, "REUSED", "v"));

		PassportView open = this.passports.view(battery, PassportAccess.PUBLIC).orElseThrow();
		PassportView technician = this.passports.view(battery, PassportAccess.LEGITIMATE_INTEREST).orElseThrow();
		PassportView authority = this.passports.view(battery, PassportAccess.AUTHORITIES).orElseThrow();

		assertThat(open.attributes()).containsKeys(PassportAttribute.BATTERY_ID, PassportAttribute.CHEMISTRY)
			.doesNotContainKeys(PassportAttribute.SOH_PCT, PassportAttribute.STATUS, PassportAttribute.SOH_HISTORY,
					PassportAttribute.HOST_VIN);
		assertThat(technician.value(PassportAttribute.SOH_PCT)).isEqualTo(new BigDecimal("77.5"));
		assertThat(technician.attributes()).doesNotContainKey(PassportAttribute.HOST_VIN);
		assertThat(authority.attributes()).containsKeys(PassportAttribute.values());
	}

	private String registered() {
		return this.batteries
			.register(new Battery(TestKeys.unique("BAT"), null, null, "NMC", new BigDecimal("52.00"), null, null, null,
					null, null, null, null, null, null, null, null, null))
			.batteryId();
	}

	private static PassportVersion version(String battery, String status, String key) {
		return PassportVersion.of(battery, "PP-" + battery, status, new BigDecimal("77.5"), 900, null, null,
				"STATUS_CHANGED", ELEVEN_YEARS_AGO, "worker:passport.setStatus", battery + ":" + key);
	}

}

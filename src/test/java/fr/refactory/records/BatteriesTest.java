package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class BatteriesTest extends RefactoryIntegrationTest {

	@Autowired
	Batteries batteries;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldKeepEveryStateOfHealthReadingInTimeOrder() {
		String batteryId = this.batteries.register(battery(TestKeys.unique("BAT"), null)).batteryId();

		this.batteries.recordSoh(reading(batteryId, "71.5", "CAPACITY_TEST", "2026-11-28T12:00:00Z"));
		this.batteries.recordSoh(reading(batteryId, "74.0", "BMS", "2026-11-27T09:00:00Z"));

		assertThat(this.batteries.sohHistory(batteryId)).extracting(SohReading::sohPct, SohReading::method)
			.containsExactly(tuple(new BigDecimal("74.0"), "BMS"), tuple(new BigDecimal("71.5"), "CAPACITY_TEST"));
	}

	@Test
	void shouldRecordAReadingOncePerIdempotencyKey() {
		String batteryId = this.batteries.register(battery(TestKeys.unique("BAT"), null)).batteryId();
		SohReading reading = reading(batteryId, "80.2", "BMS", "2026-11-28T12:00:00Z");

		SohReading first = this.batteries.recordSoh(reading);
		SohReading again = this.batteries.recordSoh(reading);

		assertThat(again).isEqualTo(first);
		assertThat(this.batteries.sohHistory(batteryId)).hasSize(1);
	}

	@Test
	void shouldRefuseAStateOfHealthAboveHundredPercent() {
		String batteryId = this.batteries.register(battery(TestKeys.unique("BAT"), null)).batteryId();

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.batteries.recordSoh(reading(batteryId, "100.1", "BMS", "2026-11-28T12:00:00Z")));
	}

	@Test
	void shouldFollowParentPassportsThroughTheLineage() {
		Battery original = this.batteries.register(battery(TestKeys.unique("BAT"), null));
		Battery repurposed = this.batteries.register(battery(TestKeys.unique("BAT"), original.batteryId()));
		Battery again = this.batteries.register(battery(TestKeys.unique("BAT"), repurposed.batteryId()));

		assertThat(this.batteries.lineage(again.batteryId())).extracting(Battery::batteryId)
			.containsExactly(again.batteryId(), repurposed.batteryId(), original.batteryId());
	}

	@Test
	void shouldStopFollowingParentsThatLoopBack() {
		Battery first = this.batteries.register(battery(TestKeys.unique("BAT"), null));
		Battery second = this.batteries.register(battery(TestKeys.unique("BAT"), first.batteryId()));
		this.jdbc.update("update battery set parent_battery_id = ? where battery_id = ?", second.batteryId(),
				first.batteryId());

		assertThat(this.batteries.lineage(second.batteryId())).extracting(Battery::batteryId)
			.containsExactly(second.batteryId(), first.batteryId());
	}

	@Test
	void shouldChangeTheRegulatoryStatus() {
		Battery battery = this.batteries.register(battery(TestKeys.unique("BAT"), null));

		Battery waste = this.batteries.changeRegulatoryStatus(battery.batteryId(), "WASTE");

		assertThat(waste.regulatoryStatus()).isEqualTo("WASTE");
		assertThat(this.batteries.find(battery.batteryId()).orElseThrow().regulatoryStatus()).isEqualTo("WASTE");
		assertThat(waste.version()).isEqualTo(battery.version() + 1);
	}

	static Battery battery(String batteryId, String parentBatteryId) {
		return new Battery(batteryId, "SN-" + batteryId, "ZOE-ZE50", "NMC", new BigDecimal("52.00"), "PP-" + batteryId,
				parentBatteryId, null, (parentBatteryId != null) ? "REPURPOSED" : null, null, null, null, null, null,
				null, null, null);
	}

	private static SohReading reading(String batteryId, String sohPct, String method, String at) {
		return new SohReading(null, batteryId, new BigDecimal(sohPct), method, Instant.parse(at), "BTB-1",
				TestKeys.unique("job"));
	}

}

package fr.refactory.workers.passport;

import java.util.Map;

import fr.refactory.plant.passport.BatteryPassport;
import fr.refactory.records.Batteries;
import fr.refactory.records.BatteryPassports;
import fr.refactory.records.PassportVersion;
import fr.refactory.records.Genealogy;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class PassportWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	PassportWorkers workers;

	@Autowired
	Batteries batteries;

	@Autowired
	Genealogy genealogy;

	@Autowired
	BatteryPassports passports;

	@Autowired
	BatteryPassport passport;

	@Autowired
	fr.refactory.workers.btb.BatteryTestBenchWorkers bench;

	@Test
	void setStatusChangesThePassportAndTheBatteryRecord() {
		String battery = "BAT-" + TestVins.master();

		Map<String, Object> result = this.workers
			.setStatus(TestJob.of("passport.setStatus", Map.of("batteryId", battery)).header("status", "WASTE"));

		assertThat(result).containsEntry("passportStatus", "WASTE").containsKey("passportId");
		assertThat(this.batteries.find(battery).orElseThrow().regulatoryStatus()).isEqualTo("WASTE");
	}

	@Test
	void aLinkedPassportDeliveredTwiceCreatesOneNewBatteryAndOneLink() {
		String battery = "BAT-" + TestVins.master();
		TestJob job = TestJob.of("passport.createLinkedPassport",
				Map.of("batteryId", battery, "targetApplication", "MOBILE_STORAGE"));

		Map<String, Object> first = this.workers.createLinkedPassport(job);
		Map<String, Object> second = this.workers.createLinkedPassport(job.again());

		assertThat(second).isEqualTo(first);
		String newBattery = first.get("newBatteryId").toString();
		assertThat(this.batteries.find(newBattery)).hasValueSatisfying((b) -> {
			assertThat(b.parentBatteryId()).isEqualTo(battery);
			assertThat(b.regulatoryStatus()).isEqualTo("REPURPOSED");
		});
		assertThat(this.genealogy.linksOf(battery)).singleElement().satisfies((link) -> {
			assertThat(link.fromKey()).isEqualTo(newBattery);
			assertThat(link.relation()).isEqualTo("REPURPOSED_FROM");
		});
		assertThat(this.passports.history(newBattery)).singleElement().satisfies((version) -> {
			assertThat(version.change()).isEqualTo("ISSUED_LINKED");
			assertThat(version.parentBatteryId()).isEqualTo(battery);
		});
		assertThat(this.passports.history(battery)).singleElement().satisfies((version) -> {
			assertThat(version.change()).isEqualTo("REPURPOSED_INTO");
			assertThat(version.successorBatteryId()).isEqualTo(newBattery);
		});
	}

	/** 6.7c: the repurposed battery is a new one with its own passport; the original's status changes (ADR 0900). */
	@Test
	void aRepurposedBatteryGetsANewPassportLinkedToItsParentWhoseStatusChanges() {
		String battery = "BAT-" + TestVins.master();
		this.workers.setStatus(TestJob.of("passport.setStatus", Map.of("batteryId", battery, "sohPct", 68.4,
				"cycleCount", 1450)).header("status", "ORIGINAL"));

		Map<String, Object> result = this.workers.createLinkedPassport(TestJob.of("passport.createLinkedPassport",
				Map.of("batteryId", battery, "targetApplication", "STATIONARY_STORAGE", "sohPct", 68.4, "cycleCount",
						1450)));

		String newBattery = result.get("newBatteryId").toString();
		assertThat(newBattery).isNotEqualTo(battery);
		assertThat(result.get("newPassportId")).isNotEqualTo(this.batteries.find(battery).orElseThrow().passportId());
		assertThat(this.batteries.find(battery).orElseThrow().regulatoryStatus()).isEqualTo("REPURPOSED");
		assertThat(this.passports.history(battery)).extracting(PassportVersion::status)
			.containsExactly("ORIGINAL", "REPURPOSED");
		assertThat(this.passports.successors(battery)).containsExactly(newBattery);
		assertThat(this.passports.history(newBattery)).singleElement().satisfies((version) -> {
			assertThat(version.versionNumber()).isEqualTo(1);
			assertThat(version.passportId()).isEqualTo(result.get("newPassportId"));
			assertThat(version.sohPct()).isEqualByComparingTo("68.4");
			assertThat(version.cycleCount()).isEqualTo(1450);
		});
		assertThat(this.passport.find(battery)).hasValueSatisfying(
				(platform) -> assertThat(platform.status()).isEqualTo("REPURPOSED"));
	}

	/**
	 * A remanufactured battery is, like a repurposed one, a new battery with its own passport linked to the original,
	 * whose status becomes REMANUFACTURED; the new pack keeps the original's design data (ADR 0904).
	 */
	@Test
	void aRemanufacturedBatteryGetsANewPassportLinkedToItsParentWhoseStatusChanges() {
		String battery = "BAT-" + TestVins.master();
		this.bench.readBms(TestJob.of("btb.readBms", Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1")));

		Map<String, Object> result = this.workers.createLinkedPassport(TestJob
			.of("passport.createLinkedPassport", Map.of("batteryId", battery, "sohPct", 91.0, "cycleCount", 40))
			.header("status", "REMANUFACTURED"));

		String newBattery = result.get("newBatteryId").toString();
		assertThat(newBattery).isNotEqualTo(battery);
		assertThat(this.batteries.find(newBattery)).hasValueSatisfying((b) -> {
			assertThat(b.parentBatteryId()).isEqualTo(battery);
			assertThat(b.regulatoryStatus()).isEqualTo("REMANUFACTURED");
			assertThat(b.chemistry()).isEqualTo("NMC");
			assertThat(b.modelReference()).isEqualTo(this.batteries.find(battery).orElseThrow().modelReference());
		});
		assertThat(this.batteries.find(battery).orElseThrow().regulatoryStatus()).isEqualTo("REMANUFACTURED");
		assertThat(this.passport.find(battery)).hasValueSatisfying((p) -> assertThat(p.status()).isEqualTo("REMANUFACTURED"));
		assertThat(this.passport.find(newBattery))
			.hasValueSatisfying((p) -> assertThat(p.parentBatteryId()).isEqualTo(battery));
		assertThat(this.passports.history(battery)).last().satisfies((version) -> {
			assertThat(version.change()).isEqualTo("REMANUFACTURED_INTO");
			assertThat(version.successorBatteryId()).isEqualTo(newBattery);
		});
		assertThat(this.genealogy.linksOf(newBattery)).singleElement()
			.satisfies((link) -> assertThat(link.relation()).isEqualTo("REMANUFACTURED_FROM"));
	}

}

package fr.refactory.workers.passport;

import java.util.Map;

import fr.refactory.records.Batteries;
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
	}

}

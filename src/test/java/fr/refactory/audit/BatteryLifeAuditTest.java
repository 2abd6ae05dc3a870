package fr.refactory.audit;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.workers.btb.BatteryTestBenchWorkers;
import fr.refactory.workers.mes.MesWorkers;
import fr.refactory.workers.passport.PassportWorkers;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditor question Q4 (domain brief §6.2, issue 22): the life of a battery, from the
 * records the processes' workers write: the vehicle it arrived in (battery-triage's BMS
 * read), the vehicle a retrofit fitted it to (mes.recordGenealogy in lcv-retrofit), and,
 * for a repurposed battery, the vehicles of the battery it was made from.
 */
class BatteryLifeAuditTest extends RefactoryIntegrationTest {

	@Autowired
	BatteryTestBenchWorkers bench;

	@Autowired
	MesWorkers mes;

	@Autowired
	PassportWorkers passportWorkers;

	@Test
	void aRepurposedBatteryShowsTheVehiclesOfTheBatteryItWasMadeFrom() {
		String original = "BAT-LIFE-" + TestVins.master();
		String arrivedIn = TestVins.master();
		String retrofitted = TestVins.master();
		this.bench.readBms(TestJob.of("btb.readBms",
				Map.of("batteryId", original, "btbBenchId", "BATTERY_TEST_BENCH-1", "hostVin", arrivedIn)));
		this.mes
			.recordGenealogy(TestJob.of("mes.recordGenealogy", Map.of("vin", retrofitted, "batteryPackId", original)));
		String repurposed = this.passportWorkers
			.createLinkedPassport(TestJob.of("passport.createLinkedPassport",
					Map.of("batteryId", original, "targetApplication", "STATIONARY_STORAGE")))
			.get("newBatteryId")
			.toString();
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		String life = auditor.get("/audit/batteries/" + repurposed).body();
		String parentLife = auditor.get("/audit/batteries/" + original).body();

		assertThat(section(life, "battery-lineage")).contains(repurposed, original, "REPURPOSED");
		assertThat(section(life, "battery-vehicles")).contains(arrivedIn, retrofitted, "arrived in", "fitted");
		assertThat(section(life, "battery-vehicles-query")).contains("with recursive lineage", "genealogy_link");
		assertThat(section(parentLife, "battery-successors")).contains(repurposed);
		assertThat(section(parentLife, "soh-history")).contains("BMS", "BATTERY_TEST_BENCH-1");
		assertThat(section(parentLife, "passport-versions")).contains("REPURPOSED_INTO");
	}

	/**
	 * Q12: a repurposed battery is listed with its original, its new passport and the SoH
	 * it was decided on.
	 */
	@Test
	void everyBatteryThatLeftForASecondLifeIsListedWithItsSohAtDecisionTime() {
		String original = "BAT-SL-" + TestVins.master();
		String remanufacturedFrom = "BAT-RM-" + TestVins.master();
		Map<String, Object> repurposed = this.passportWorkers
			.createLinkedPassport(TestJob.of("passport.createLinkedPassport",
					Map.of("batteryId", original, "targetApplication", "STATIONARY_STORAGE", "sohPct", 68.4)));
		String remanufactured = this.passportWorkers
			.createLinkedPassport(
					TestJob.of("passport.createLinkedPassport", Map.of("batteryId", remanufacturedFrom, "sohPct", 91.0))
						.header("status", "REMANUFACTURED"))
			.get("newBatteryId")
			.toString();

		String page = WebSession.signedIn(baseUrl(), "auditor").get("/audit/second-life").body();

		int cell = page.indexOf(">" + repurposed.get("newBatteryId") + "<");
		assertThat(cell).as("the repurposed battery is listed").isPositive();
		String row = page.substring(page.lastIndexOf("<tr", cell), page.indexOf("</tr>", cell));
		assertThat(row).contains(original, repurposed.get("newPassportId").toString(), "68.4");
		assertThat(section(page, "second-life")).doesNotContain(remanufactured, remanufacturedFrom);
		assertThat(section(page, "second-life-query")).contains("ISSUED_LINKED", "REPURPOSED");
	}

	@Test
	void onlyAuditorsReadTheLifeOfABatteryAndAnUnknownOneIsNotFound() {
		String battery = "BAT-LIFE-" + TestVins.master();
		this.bench
			.readBms(TestJob.of("btb.readBms", Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1")));

		HttpResponse<String> technician = WebSession.signedIn(baseUrl(), "battery-technician")
			.get("/audit/batteries/" + battery);
		HttpResponse<String> unknown = WebSession.signedIn(baseUrl(), "auditor")
			.get("/audit/batteries/BAT-NO-SUCH-" + TestVins.master());

		assertThat(technician.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	/** The HTML from the element with this id to the end of its table or paragraph. */
	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("element %s on the page", id).isNotNegative();
		int end = page.indexOf("</table>", start);
		int paragraph = page.indexOf("</p>", start);
		int pre = page.indexOf("</pre>", start);
		int first = Integer.MAX_VALUE;
		for (int candidate : new int[] { end, paragraph, pre }) {
			if (candidate > start && candidate < first) {
				first = candidate;
			}
		}
		return page.substring(start, (first == Integer.MAX_VALUE) ? page.length() : first);
	}

}

package fr.refactory.console.passport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.workers.passport.PassportWorkers;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR-code page of a battery passport over HTTP: public attributes without sign-in, SoH history for a battery
 * technician; nothing deletes a passport through the page.
 */
class PassportPageTest extends RefactoryIntegrationTest {

	@Autowired
	fr.refactory.workers.btb.BatteryTestBenchWorkers bench;

	@Autowired
	PassportWorkers passportWorkers;

	@Test
	void withoutSignInThePageShowsOnlyPublicAttributes() {
		String battery = measuredAndRecycled();

		HttpResponse<String> page = new WebSession(baseUrl()).get("/passport/" + battery);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/passport/" + battery);
		assertThat(page.body()).contains("id=\"attr-BATTERY_ID\"", "id=\"attr-CHEMISTRY\"", "PUBLIC")
			.doesNotContain("attr-SOH_PCT", "attr-STATUS", "soh-history", "passport-versions", "WASTE", "attr-HOST_VIN");
	}

	@Test
	void aBatteryTechnicianSeesTheSohHistoryButNotTheHostVehicle() {
		String battery = measuredAndRecycled();

		HttpResponse<String> page = WebSession.signedIn(baseUrl(), "battery-technician").get("/passport/" + battery);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"soh-history\"", "attr-SOH_PCT", "WASTE", "BATTERY_TEST_BENCH-1")
			.doesNotContain("attr-HOST_VIN");
	}

	@Test
	void thePageDeletesNothingAndUnknownBatteriesAreNotFound() throws Exception {
		String battery = measuredAndRecycled();
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/passport/" + battery))
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> unknown = new WebSession(baseUrl()).get("/passport/BAT-NO-SUCH-" + TestVins.master());

		assertThat(delete.statusCode()).isGreaterThanOrEqualTo(300);
		assertThat(new WebSession(baseUrl()).get("/passport/" + battery).statusCode()).isEqualTo(200);
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	/** A BMS read at the bench (SoH reading) and the passport set to WASTE, as the triage workers do. */
	private String measuredAndRecycled() {
		String battery = "BAT-" + TestVins.master();
		Map<String, Object> bms = this.bench.readBms(TestJob.of("btb.readBms",
				Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1", "hostVin", TestVins.master())));
		this.passportWorkers.setStatus(TestJob.of("passport.setStatus",
				Map.of("batteryId", battery, "sohPct", bms.get("sohPct"), "cycleCount", bms.get("cycleCount")))
			.header("status", "WASTE"));
		return battery;
	}

}

package fr.refactory.console.passport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.workers.passport.PassportWorkers;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR-code page of a battery passport over HTTP: public attributes without sign-in,
 * SoH history for a battery technician; nothing deletes a passport through the page.
 */
class PassportPageTest extends RefactoryIntegrationTest {

	@Autowired
	fr.refactory.workers.btb.BatteryTestBenchWorkers bench;

	@Autowired
	PassportWorkers passportWorkers;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void withoutSignInThePageShowsOnlyPublicAttributes() {
		String battery = measuredAndRecycled();

		HttpResponse<String> page = new WebSession(baseUrl()).get("/passport/" + battery);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/passport/" + battery);
		assertThat(page.body()).contains("id=\"attr-BATTERY_ID\"", "id=\"attr-CHEMISTRY\"", "public")
			.doesNotContain("attr-SOH_PCT", "attr-STATUS", "soh-history", "passport-versions", "WASTE",
					"attr-HOST_VIN");
	}

	/**
	 * Annex XIII: the pack as made, as its BMS reported it at the bench, is public
	 * (maker, date, chemistry, rated values); how it is built inside (modules, cells) is
	 * for those with a legitimate interest, e.g. a dismantler.
	 */
	@Test
	void theStaticDataTheBmsReportedIsPublicAndTheInsideOfThePackIsNot() {
		String battery = measuredAndRecycled();

		String open = new WebSession(baseUrl()).get("/passport/" + battery).body();
		String technician = WebSession.signedIn(baseUrl(), "battery-technician").get("/passport/" + battery).body();

		assertThat(open)
			.contains("attr-MANUFACTURER", "attr-MANUFACTURING_DATE", "attr-RATED_CAPACITY_KWH",
					"attr-NOMINAL_VOLTAGE_V", "attr-MASS_KG", "NMC")
			.containsPattern("LG Energy Solution|Renault")
			.containsPattern("20(1[6-9]|2[0-3])-\\d\\d-\\d\\d")
			.doesNotContain("attr-MODULE_COUNT", "attr-CELL_COUNT", "not supplied");
		assertThat(technician).contains("attr-MODULE_COUNT", "attr-CELL_COUNT", "192");
	}

	@Test
	void aBatteryTechnicianSeesTheSohHistoryButNotTheHostVehicle() {
		String battery = measuredAndRecycled();

		HttpResponse<String> page = WebSession.signedIn(baseUrl(), "battery-technician").get("/passport/" + battery);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"soh-history\"", "attr-SOH_PCT", "WASTE", "BATTERY_TEST_BENCH-1")
			.doesNotContain("attr-HOST_VIN");
	}

	/**
	 * T16: no handler of the application (console pages, the v2 API, the operations API)
	 * changes or removes a battery, its passport versions or its SoH readings; only reads
	 * are mapped, so a record older than 10 years stays.
	 */
	@Test
	void noPageNorApiMapsAChangeOfABatteryOrItsPassport() {
		var writes = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.filter((mapping) -> mapping.getMethodsCondition()
				.getMethods()
				.stream()
				.anyMatch((method) -> method != RequestMethod.GET && method != RequestMethod.HEAD))
			.flatMap((mapping) -> mapping.getPatternValues().stream())
			.filter((pattern) -> pattern.toLowerCase(java.util.Locale.ROOT).matches(".*(passport|batter|soh).*"))
			.toList();
		var reads = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((mapping) -> mapping.getPatternValues().stream())
			.filter((pattern) -> pattern.startsWith("/passport"))
			.toList();

		assertThat(reads).as("the passport pages are mapped, so the check looks at the real handlers")
			.contains("/passport/{batteryId}", "/passport/{batteryId}/qr");
		assertThat(writes).isEmpty();
	}

	/**
	 * The label's QR code is served without sign-in and decodes to the battery's public
	 * page.
	 */
	@Test
	void theQrCodeOpensThePublicPageOfTheBattery() throws Exception {
		String battery = measuredAndRecycled();
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<byte[]> qr = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/passport/" + battery + "/qr")).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> unknown = http
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/passport/BAT-NO-SUCH-" + TestVins.master() + "/qr"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(decoded(qr.body())).isEqualTo(baseUrl() + "/passport/" + battery);
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void thePageDeletesNothingAndUnknownBatteriesAreNotFound() throws Exception {
		String battery = measuredAndRecycled();
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> delete = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/passport/" + battery)).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> unknown = new WebSession(baseUrl()).get("/passport/BAT-NO-SUCH-" + TestVins.master());

		assertThat(delete.statusCode()).isGreaterThanOrEqualTo(300);
		assertThat(new WebSession(baseUrl()).get("/passport/" + battery).statusCode()).isEqualTo(200);
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	private static String decoded(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

	/**
	 * A BMS read at the bench (SoH reading) and the passport set to WASTE, as the triage
	 * workers do.
	 */
	private String measuredAndRecycled() {
		String battery = "BAT-" + TestVins.master();
		Map<String, Object> bms = this.bench.readBms(TestJob.of("btb.readBms",
				Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1", "hostVin", TestVins.master())));
		this.passportWorkers.setStatus(
				TestJob
					.of("passport.setStatus",
							Map.of("batteryId", battery, "sohPct", bms.get("sohPct"), "cycleCount",
									bms.get("cycleCount")))
					.header("status", "WASTE"));
		return battery;
	}

}

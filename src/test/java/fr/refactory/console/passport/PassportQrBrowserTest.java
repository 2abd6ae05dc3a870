package fr.refactory.console.passport;

import java.util.List;
import java.util.Map;

import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.btb.BatteryTestBenchWorkers;
import fr.refactory.workers.passport.PassportWorkers;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22: someone scans a battery label's QR code. Without signing in they see the
 * passport's public data and its QR image; a battery technician signed in on the same
 * page sees the state-of-health history (ADR 0901, 0905).
 */
class PassportQrBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	BatteryTestBenchWorkers bench;

	@Autowired
	PassportWorkers passportWorkers;

	@Test
	void aPassersbySeesOnlyPublicDataAndABatteryTechnicianSeesTheSohHistory() {
		String battery = "BAT-QR-" + TestVins.master();
		readAtTheBench(battery);
		readAtTheBench(battery);
		this.passportWorkers.setStatus(TestJob.of("passport.setStatus", Map.of("batteryId", battery, "sohPct", 80.0))
			.header("status", "WASTE"));

		try (Browser browser = Browser.open(baseUrl())) {
			browser.go("/passport/" + battery);
			WebElement qr = browser.waitFor(By.id("passport-qr"));
			assertThat(((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].naturalWidth", qr))
				.as("the QR image loads without sign-in")
				.isEqualTo(240L);
			assertThat(browser.driver().findElement(By.id("passport-public-url")).getText())
				.endsWith("/passport/" + battery);
			assertThat(browser.driver().findElement(By.id("attr-CHEMISTRY")).getText()).contains("NMC");
			assertThat(browser.driver().findElement(By.id("attr-MANUFACTURER")).getText()).isNotBlank();
			assertThat(ids(browser, "#passport-attributes tr")).doesNotContain("attr-SOH_PCT", "attr-STATUS",
					"attr-HOST_VIN", "attr-MODULE_COUNT");
			assertThat(browser.driver().findElements(By.id("soh-history"))).isEmpty();
			assertThat(browser.pageText()).doesNotContain("WASTE");
			browser.screenshot("passport-public");

			browser.signIn("battery-technician").go("/passport/" + battery);
			List<WebElement> readings = browser.waitFor(By.id("soh-history")).findElements(By.cssSelector("tbody tr"));
			assertThat(readings).hasSize(2)
				.allSatisfy((row) -> assertThat(row.getText()).contains("BMS", "BATTERY_TEST_BENCH-1"));
			assertThat(ids(browser, "#passport-attributes tr"))
				.contains("attr-SOH_PCT", "attr-STATUS", "attr-MODULE_COUNT")
				.doesNotContain("attr-HOST_VIN");
			assertThat(browser.pageText()).contains("WASTE");
			browser.screenshot("passport-battery-technician");
		}
	}

	private void readAtTheBench(String battery) {
		this.bench.readBms(TestJob.of("btb.readBms",
				Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1", "hostVin", TestVins.master())));
	}

	private static List<String> ids(Browser browser, String css) {
		return browser.driver()
			.findElements(By.cssSelector(css))
			.stream()
			.map((row) -> row.getAttribute("id"))
			.toList();
	}

}

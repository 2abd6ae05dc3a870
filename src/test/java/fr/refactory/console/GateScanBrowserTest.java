package fr.refactory.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import fr.refactory.records.AuditLog;
import fr.refactory.test.Browser;
import fr.refactory.test.InstanceWithVariable;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15: the gate scan in the console (ADR 0405). An arrival announced by the plant
 * waits at "Vehicle at gate"; the intake operator scans its VIN in Chromium and the real
 * vehicle-intake model moves on to the master data task. A core serial nothing waits for
 * is refused with a message, and nothing is recorded.
 */
class GateScanBrowserTest extends RefactoryIntegrationTest {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	AuditLog auditLog;

	private Long intake;

	@Test
	void shouldMoveAnAnnouncedVehicleOnWhenTheOperatorScansItAtTheGate() {
		String vin = euVin();
		// published as the ERP does: other tests deploy small processes started by the
		// same message (StartFormTest),
		// so the vehicle-intake instance is found by its VIN rather than taken from a
		// correlation's answer
		this.client.newPublishMessageCommand()
			.messageName("VehicleArrivalAnnounced")
			.correlationKey(vin)
			.variables(Map.of("vin", vin, "declaredProgram", "USED_CAR_REFURB", "senderId", "Dealer Mantes"))
			.send()
			.join();
		this.intake = intakeOf(vin);
		awaitWaitingAtTheGate();

		try (Browser browser = Browser.open(baseUrl()).signIn("intake-operator")) {
			browser.go("/console/start");
			browser.click(By.linkText("Gate scan: vehicle at gate"));
			browser.type(By.id("input-vin"), vin.toLowerCase());
			browser.screenshot("gate-scan-vehicle-form");
			browser.click(By.id("announce"));
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("Vehicle at gate recorded: " + vin);

			String taskList = Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> browser.go("/console/tasks?subject=" + vin).pageText(),
						(text) -> text.contains("Enter vehicle master data"));
			assertThat(taskList).contains(vin);
			assertThat(browser.horizontalOverflow()).as("task list scrolls sideways").isLessThanOrEqualTo(0);
			browser.screenshot("gate-scan-vehicle-moved-on");
		}
		assertThat(this.auditLog.about(vin)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("GATE_SCAN_RECORDED");
			assertThat(entry.actor()).isEqualTo("intake-operator");
		});
	}

	@Test
	void shouldRefuseACoreReceiptNothingWaitsFor() {
		String serial = "GBX-NONE-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		WebSession inspector = WebSession.signedIn(baseUrl(), "reman-technician");

		HttpResponse<String> refused = inspector.post("/console/start/core-received",
				Map.of("coreSerial", List.of(serial.toLowerCase()), "receiptDate", List.of("2026-12-01")));

		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("Nothing waits for " + serial).contains("value=\"" + serial + "\"");
		assertThat(this.auditLog.about(serial)).isEmpty();
	}

	@AfterEach
	void cancelTheIntake() {
		if (this.intake != null) {
			this.client.newCancelInstanceCommand(this.intake).send().join();
		}
	}

	private long intakeOf(String vin) {
		return InstanceWithVariable.await(this.client, "vin", vin, "vehicle-intake", 0, Duration.ofSeconds(90));
	}

	private void awaitWaitingAtTheGate() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.until(() -> this.client.newMessageSubscriptionSearchRequest()
				.filter((f) -> f.processInstanceKey(this.intake))
				.send()
				.join()
				.items()
				.stream()
				.anyMatch((subscription) -> "VehicleAtGate".equals(subscription.getMessageName())));
	}

	/**
	 * A European VIN the simulated ERP does not know (master data by hand); D1 does not
	 * enforce its check digit.
	 */
	private static String euVin() {
		StringBuilder vin = new StringBuilder("WDB");
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
		}
		return vin.toString();
	}

}

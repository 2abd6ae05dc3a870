package fr.refactory.console;

import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake operator's day in a real (headless) Chromium. Screenshots go to target/screenshots. */
class OperatorConsoleBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	CamundaClient client;

	@Test
	void shouldClaimCorrectAndCompleteTheGateInspectionInTheBrowser() {
		IntakeFixture intake = IntakeFixture.start(this.client);
		long taskKey = intake.openTask("task-gate-inspection").getUserTaskKey();
		intake.openTask("task-quality-check");

		try (Browser browser = Browser.open(baseUrl()).signIn("intake-operator")) {
			browser.go("/console/tasks?process=" + intake.processId);
			browser.waitFor(By.id("task-table"));
			assertThat(browser.pageText()).contains("Gate inspection").contains(intake.vin).doesNotContain("Quality check");
			browser.screenshot("console-task-list");

			browser.click(By.linkText("Gate inspection"));
			browser.waitFor(By.id("claim")).click();
			assertThat(browser.waitFor(By.id("assignee")).getText()).isEqualTo("intake-operator");

			browser.type(By.id("input-odometerKm"), "-12");
			browser.type(By.id("input-plateVin"), intake.vin);
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("error-odometerKm")).getText()).isEqualTo("Must be at least 0");
			assertThat(browser.driver().findElement(By.id("input-odometerKm")).getDomProperty("value")).isEqualTo("-12");
			assertThat(browser.driver().findElement(By.id("input-plateVin")).getDomProperty("value")).isEqualTo(intake.vin);
			browser.screenshot("console-task-validation-error");

			browser.type(By.id("input-odometerKm"), "84210");
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("Gate inspection").contains("completed");
			assertThat(browser.pageText()).contains("Registration review");
			browser.screenshot("console-after-completion");
		}
		assertThat(intake.rootVariable("odometerKm")).isEqualTo("84210");
		assertThat(intake.openTask("task-registration-review")).isNotNull();
		assertThat(taskKey).isPositive();
	}

	@Test
	void shouldAnswerForbiddenToAUserOutsideTheTasksGroups() {
		IntakeFixture intake = IntakeFixture.start(this.client);
		long taskKey = intake.openTask("task-gate-inspection").getUserTaskKey();

		try (Browser browser = Browser.open(baseUrl()).signIn("battery-technician")) {
			browser.go("/console/tasks/" + taskKey);
			assertThat(browser.waitFor(By.id("error-status")).getText()).startsWith("403");
			browser.screenshot("console-forbidden");
		}
	}

}

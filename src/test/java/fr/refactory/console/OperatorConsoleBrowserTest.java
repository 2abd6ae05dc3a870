package fr.refactory.console;

import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake operator's day in a real (headless) Chromium at tablet size (1024×768).
 * Screenshots go to target/screenshots; every main page is checked for horizontal
 * scrolling.
 */
class OperatorConsoleBrowserTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void shouldClaimCorrectAndCompleteTheGateInspectionInTheBrowser() {
		IntakeFixture intake = IntakeFixture.start(this.client);
		long taskKey = intake.openTask("task-gate-inspection").getUserTaskKey();
		intake.openTask("task-quality-check");

		try (Browser browser = Browser.open(baseUrl()).signIn("intake-operator")) {
			browser.go("/console/tasks?process=" + intake.processId);
			browser.waitFor(By.id("task-table"));
			assertThat(browser.pageText()).contains("Gate inspection")
				.contains(intake.vin)
				.doesNotContain("Quality check");
			assertThat(browser.horizontalOverflow()).as("task list scrolls sideways").isLessThanOrEqualTo(0);
			browser.screenshot("console-task-list");

			browser.click(By.linkText("Gate inspection"));
			browser.waitFor(By.id("claim")).click();
			assertThat(browser.waitFor(By.id("assignee")).getText()).isEqualTo("intake-operator");
			browser.waitFor(By.id("input-odometerKm"));
			assertThat(browser.horizontalOverflow()).as("task page scrolls sideways").isLessThanOrEqualTo(0);
			browser.screenshot("console-task-form");

			browser.type(By.id("input-odometerKm"), "-12");
			browser.type(By.id("input-plateVin"), intake.vin);
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("error-odometerKm")).getText()).isEqualTo("Must be at least 0");
			assertThat(browser.driver().findElement(By.id("input-odometerKm")).getDomProperty("value"))
				.isEqualTo("-12");
			assertThat(browser.driver().findElement(By.id("input-plateVin")).getDomProperty("value"))
				.isEqualTo(intake.vin);
			assertThat(browser.horizontalOverflow()).as("page with errors scrolls sideways").isLessThanOrEqualTo(0);
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

	/**
	 * Live visibility (ADR 0402): the damage description (hidden unless damageSeverity =
	 * STRUCTURAL) appears and disappears as the operator changes the severity, without a
	 * page load; what is typed stays; the server still decides on submission (hidden: not
	 * validated, not submitted; shown: required).
	 */
	@Test
	void shouldShowAndHideAConditionalFieldWhileTheOperatorFillsInTheForm() {
		IntakeFixture intake = IntakeFixture.start(this.client);
		long taskKey = intake.openTask("task-gate-inspection").getUserTaskKey();

		try (Browser browser = Browser.open(baseUrl()).signIn("intake-operator")) {
			browser.go("/console/tasks/" + taskKey);
			browser.waitFor(By.id("claim")).click();
			browser.waitFor(By.id("input-odometerKm"));
			assertThat(browser.driver().findElement(By.id("field-damageComment")).isDisplayed()).isFalse();
			Object pageMarker = markPage(browser);

			browser.type(By.id("input-odometerKm"), "1200");
			new Select(browser.driver().findElement(By.id("input-damageSeverity"))).selectByValue("STRUCTURAL");
			browser.waitFor(By.id("input-damageComment"));
			browser.type(By.id("input-damageComment"), "Bent B-pillar");
			browser.screenshot("console-task-conditional-field-shown");

			new Select(browser.driver().findElement(By.id("input-damageSeverity"))).selectByValue("NONE");
			browser.waitUntilHidden(By.id("field-damageComment"));
			assertThat(markPage(browser)).as("same page, no reload").isEqualTo(pageMarker);
			assertThat(browser.driver().findElement(By.id("input-odometerKm")).getDomProperty("value"))
				.isEqualTo("1200");

			new Select(browser.driver().findElement(By.id("input-damageSeverity"))).selectByValue("STRUCTURAL");
			browser.waitFor(By.id("input-damageComment"));
			browser.type(By.id("input-damageComment"), "");
			browser.type(By.id("input-plateVin"), intake.vin);
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("error-damageComment")).getText()).isNotBlank();

			new Select(browser.driver().findElement(By.id("input-damageSeverity"))).selectByValue("NONE");
			browser.waitUntilHidden(By.id("field-damageComment"));
			browser.click(By.id("complete"));
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("Gate inspection").contains("completed");
		}
		assertThat(intake.rootVariable("damageSeverity")).isEqualTo("\"NONE\"");
	}

	/**
	 * The start page and the core arrival start form at tablet size; the donor VIN is
	 * asked only for removed cores.
	 */
	@Test
	void shouldShowTheStartPagesAndAskForTheDonorVinOnlyForRemovedCores() {
		try (Browser browser = Browser.open(baseUrl()).signIn("reman-technician")) {
			browser.go("/console/start");
			browser.waitFor(By.linkText("Announce a core arrival"));
			assertThat(browser.horizontalOverflow()).as("start list scrolls sideways").isLessThanOrEqualTo(0);
			browser.screenshot("console-start-list");

			browser.click(By.linkText("Announce a core arrival"));
			browser.waitFor(By.id("input-coreSerial"));
			assertThat(browser.driver().findElement(By.id("field-donorVin")).isDisplayed()).isFalse();
			new Select(browser.driver().findElement(By.id("input-origin"))).selectByValue("RETROFIT_REMOVAL");
			browser.waitFor(By.id("input-donorVin"));
			assertThat(browser.horizontalOverflow()).as("start form scrolls sideways").isLessThanOrEqualTo(0);
			browser.screenshot("console-start-form");

			new Select(browser.driver().findElement(By.id("input-origin"))).selectByValue("DEALER_RETURN");
			browser.waitUntilHidden(By.id("field-donorVin"));
		}
	}

	/**
	 * Sets (once) and reads a marker on the window: it survives htmx swaps but not a page
	 * load.
	 */
	private static Object markPage(Browser browser) {
		return ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return window.pageMarker || (window.pageMarker = Math.random().toString());");
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

package fr.refactory.journeys;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24's acceptance at the plant, in French at tablet size (1024×768): the intake
 * operator switches the console to French, announces a vehicle, records its gate scan and
 * completes the gate inspection with "45 000" km and an arrival typed in Paris time; the
 * form's header shows the real VIN; the completed task opens read only, and a stale
 * completion is a message, not an engine error. Switching to English shows the same pages
 * in English. Screenshots of the three forms in French go to
 * {@code target/screenshots/fr/}.
 */
class ShopFloorInFrenchBrowserTest extends JourneyTest {

	/**
	 * What a page may never show a person: a stack trace, Spring's fallback page or the
	 * engine's problem text.
	 */
	private static final List<String> DEVELOPER_TEXTS = List.of("Exception", "Whitelabel", "ProblemDetail",
			"INVALID_STATE", "at fr.refactory", "at io.camunda", "Internal Server Error");

	@Test
	void anIntakeOperatorChecksAVehicleInInFrenchAndReadsTheClosedTaskInEnglish() {
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		String vin = RenewVehicles.clio(today, 4, 45_000).vin();
		try (Operator people = operators("shop-floor-fr")) {
			Operator operator = people.as("intake-operator");
			WebDriver page = operator.browser().driver();
			operator.browser().go("/console/tasks");
			operator.browser().click(By.id("language-fr"));
			operator.browser().waitFor(By.id("language-en"));
			assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
			assertThat(page.findElement(By.id("nav-tasks")).getText()).isEqualTo("Tâches");
			assertThat(page.findElement(By.id("tab-groups")).getText()).isEqualTo("Tâches de mes groupes");

			operator.browser().go("/console/start");
			operator.browser().click(By.linkText("Annoncer l'arrivée d'un véhicule"));
			operator.browser().waitFor(By.id("input-vin"));
			assertThat(page.findElement(By.id("announce")).getText()).isEqualTo("Annoncer");
			operator.browser().screenshot("fr/vehicle-arrival");
			operator.startForm("Annoncer l'arrivée d'un véhicule",
					Map.of("vin", vin, "declaredProgram", "USED_CAR_REFURB", "senderId", "Dealer Mantes"));
			assertNoDeveloperText(operator);
			operator.browser().go("/console/start");
			operator.browser().click(By.linkText("Scan portail : véhicule au portail"));
			operator.browser().waitFor(By.id("input-vin"));
			operator.browser().screenshot("fr/vehicle-at-gate");
			operator.startForm("Scan portail : véhicule au portail", Map.of("vin", vin));
			long intake = instanceOf("vehicle-intake", "vin", vin);

			TaskForm inspection = operator.task(vin, "Inspect vehicle at gate");
			assertThat(inspection.text()).as("the form's header, templating resolved")
				.contains("Inspect vehicle " + vin)
				.doesNotContain("{{")
				.contains("Prise par", "Heure de l'usine (Europe/Paris)", "Arrival (date)")
				.doesNotContain("null *");
			inspection.set("arrivalAt", today + "T08:30")
				.set("odometerKm", "45 000")
				.set("fuelOrChargeLevelPct", "12,5")
				.set("keysCount", "2")
				.tick("documentsPresent", "REGISTRATION_CERTIFICATE", "CSA", "SERVICE_BOOK")
				.set("damageSeverity", "NONE")
				.set("vinPlateMatchesRegistration", "true");
			((JavascriptExecutor) page).executeScript("window.scrollTo(0, 0);");
			operator.browser().screenshot("fr/gate-inspection");
			page.findElement(By.id("complete")).click();
			assertThat(inspection.awaitOutcome()).isEqualTo("Tâche « Inspect vehicle at gate » terminée.");
			assertNoDeveloperText(operator);

			assertThat(variableOrNull(intake, "odometerKm")).isEqualTo("45000");
			assertThat(variableOrNull(intake, "fuelOrChargeLevelPct")).isEqualTo("12.5");
			assertThat(variableOrNull(intake, "arrivalAt")).as("08:30 in Flins, stored in UTC")
				.isEqualTo(
						ZonedDateTime.of(today, LocalTime.of(8, 30), ZoneId.of("Europe/Paris")).toInstant().toString());

			long taskKey = completedInspection(intake).getUserTaskKey();
			operator.browser().go("/console/tasks/" + taskKey);
			String closed = operator.browser().waitFor(By.id("completed-by")).getText();
			assertThat(closed).matches("Terminée par intake-operator le \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.");
			assertThat(page.findElements(By.cssSelector("#claim, #unclaim, #complete"))).isEmpty();
			// as the person typed them, in French: narrow no-break space between
			// thousands, the arrival in plant time
			assertThat(page.findElement(By.tagName("main")).getText()).contains("Odometer reading (km) : 45\u202f000",
					"Arrival (date) : " + today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
							+ " 08:30",
					"Documents present : Registration certificate, Certificate of administrative situation, Service book",
					"Worst damage severity : None");
			operator.browser().screenshot("fr/gate-inspection-completed");

			postStaleCompletion(operator, taskKey);
			assertThat(operator.browser().waitFor(By.id("problem")).getText())
				.isEqualTo("Cette tâche est déjà close : plus rien ne peut y être fait.");
			assertNoDeveloperText(operator);

			operator.browser().click(By.id("language-en"));
			assertThat(operator.browser().waitFor(By.id("completed-by")).getText())
				.startsWith("Completed by intake-operator on ");
			assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
			assertThat(page.findElement(By.id("nav-tasks")).getText()).isEqualTo("Tasks");
			operator.browser().go("/console/tasks");
			assertThat(page.findElement(By.id("tab-groups")).getText()).isEqualTo("My groups' tasks");
			assertThat(page.findElement(By.id("task-count")).getText()).endsWith("open task(s)");
		}
	}

	private UserTask completedInspection(long intake) {
		return this.client.newUserTaskSearchRequest()
			.filter((filter) -> filter.processInstanceKey(intake).state(UserTaskState.COMPLETED))
			.send()
			.join()
			.items()
			.stream()
			.filter((task) -> "Inspect vehicle at gate".equals(task.getName()))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * What a page left open on another tablet would send: the completion of a task that
	 * is closed since.
	 */
	private static void postStaleCompletion(Operator operator, long taskKey) {
		((JavascriptExecutor) operator.browser().driver()).executeScript("""
				const token = document.querySelector("header form[action$='/logout'] input[name='_csrf']").value;
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/console/tasks/' + arguments[0] + '/complete';
				const csrf = document.createElement('input');
				csrf.type = 'hidden'; csrf.name = '_csrf'; csrf.value = token;
				form.appendChild(csrf);
				document.body.appendChild(form);
				form.submit();
				""", taskKey);
	}

	private static void assertNoDeveloperText(Operator operator) {
		String text = operator.browser().pageText();
		assertThat(DEVELOPER_TEXTS).allSatisfy((developer) -> assertThat(text).doesNotContain(developer));
	}

}

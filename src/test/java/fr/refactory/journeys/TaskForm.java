package fr.refactory.journeys;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The form of an open task (or of a start-page form) as a person fills it in: by the field's key, whatever the
 * field's kind (text, number, text area, date, select, radio, checklist, checkbox). A field shown only under a
 * condition is waited for, as the page shows it once the fields it depends on are filled in.
 */
final class TaskForm {

	private static final Duration FIELD_APPEARS = Duration.ofSeconds(10);

	private final Operator operator;

	TaskForm(Operator operator) {
		this.operator = operator;
	}

	/** Types, chooses or ticks a value: for a checkbox "true" ticks it and "false" unticks it. */
	TaskForm set(String key, String value) {
		WebElement field = new WebDriverWait(driver(), FIELD_APPEARS)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-" + key)));
		List<WebElement> checkbox = field.findElements(By.cssSelector("input[type=checkbox][name='" + key + "']"));
		if (field.findElements(By.id("input-" + key)).isEmpty() && checkbox.size() == 1) {
			if (checkbox.get(0).isSelected() != Boolean.parseBoolean(value)) {
				checkbox.get(0).click();
			}
			return this;
		}
		WebElement input = field.findElement(By.id("input-" + key));
		switch (input.getTagName()) {
			case "select" -> new Select(input).selectByValue(value);
			case "div" -> input.findElement(By.cssSelector("input[value='" + value + "']")).click();
			default -> type(input, value);
		}
		return this;
	}

	/** Ticks these options of a checklist field (and unticks the others). */
	TaskForm tick(String key, String... values) {
		WebElement list = new WebDriverWait(driver(), FIELD_APPEARS)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-" + key)));
		List<String> wanted = List.of(values);
		for (WebElement option : list.findElements(By.cssSelector("input[type=checkbox]"))) {
			if (option.isSelected() != wanted.contains(option.getDomProperty("value"))) {
				option.click();
			}
		}
		return this;
	}

	/** The options a select or radio field offers, in order (e.g. the people the console proposes). */
	List<String> options(String key) {
		WebElement input = new WebDriverWait(driver(), FIELD_APPEARS)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-" + key)));
		List<WebElement> options = "select".equals(input.getTagName()) ? new Select(input).getOptions()
				: input.findElements(By.cssSelector("input[type=radio]"));
		return options.stream().map((o) -> o.getDomProperty("value")).filter((v) -> !v.isEmpty()).toList();
	}

	/** The value a text or number field shows (e.g. a read-only field the process filled in). */
	String value(String key) {
		return new WebDriverWait(driver(), FIELD_APPEARS)
			.until(ExpectedConditions.presenceOfElementLocated(By.id("input-" + key)))
			.getDomProperty("value");
	}

	/** The form's text (task details, read-only fields), to check what the person sees. */
	String text() {
		return driver().findElement(By.tagName("main")).getText();
	}

	/** Completes the task; fails with the form's errors when the console refuses it. */
	Operator complete(String screenshotName) {
		this.operator.screenshot(screenshotName);
		driver().findElement(By.id("complete")).click();
		awaitOutcome();
		return this.operator;
	}

	/** Waits for the page after a submission: its notice, or fails with the errors the page shows. */
	String awaitOutcome() {
		new WebDriverWait(driver(), Duration.ofSeconds(30)).until(ExpectedConditions.or(
				ExpectedConditions.visibilityOfElementLocated(By.id("notice")),
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error, #problem, #error-status"))));
		List<WebElement> notice = driver().findElements(By.id("notice"));
		if (notice.isEmpty()) {
			String errors = driver().findElements(By.cssSelector(".field-error, #problem, #error-status"))
				.stream()
				.map((error) -> {
					WebElement holder = error.findElements(By.xpath("ancestor::div[contains(@class,'form-field')]"))
						.stream()
						.findFirst()
						.orElse(null);
					return (holder == null ? "" : holder.getDomAttribute("id") + ": ") + error.getText();
				})
				.collect(Collectors.joining("; "));
			throw new AssertionError("The console refused the form: " + errors);
		}
		return notice.get(0).getText();
	}

	private void type(WebElement input, String value) {
		String kind = input.getDomAttribute("type");
		if ("date".equals(kind) || "time".equals(kind) || "datetime-local".equals(kind)) {
			// typing into a date input depends on the browser's locale: set the value as a date picker would
			((JavascriptExecutor) driver()).executeScript("arguments[0].value = arguments[1];"
					+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
					+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
			return;
		}
		input.clear();
		input.sendKeys(value);
	}

	private WebDriver driver() {
		return this.operator.browser().driver();
	}

}

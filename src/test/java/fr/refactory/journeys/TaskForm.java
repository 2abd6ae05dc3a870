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

/**
 * The form of an open task (or of a start-page form) as a person fills it in: by the
 * field's key, whatever the field's kind (text, number, text area, date, select, radio,
 * checklist, checkbox). A field shown only under a condition is waited for, as the page
 * shows it once the fields it depends on are filled in.
 */
final class TaskForm {

	private static final Duration FIELD_APPEARS = Duration.ofSeconds(10);

	/**
	 * The shown field {@code field-<key>}'s control and its kind, or null while the field
	 * is not shown: [the input, "checkbox", ticked] for a lone checkbox, else [the input,
	 * its type or tag name, whether it holds text].
	 */
	private static final String CONTROL = """
			const key = arguments[0];
			const field = document.getElementById('field-' + key);
			if (!field || field.getClientRects().length === 0) return null;
			const input = document.getElementById('input-' + key);
			if (!input) {
				const boxes = field.querySelectorAll("input[type=checkbox][name='" + key + "']");
				return boxes.length === 1 ? [boxes[0], 'checkbox', boxes[0].checked] : null;
			}
			const tag = input.tagName.toLowerCase();
			return [input, tag === 'input' ? (input.getAttribute('type') || 'text') : tag, !!input.value];
			""";

	private final Operator operator;

	TaskForm(Operator operator) {
		this.operator = operator;
	}

	/**
	 * Types, chooses or ticks a value: for a checkbox "true" ticks it and "false" unticks
	 * it. The field is found and recognised in one look at the page ({@link #CONTROL});
	 * the person's input itself goes through WebDriver as typing and clicks.
	 */
	TaskForm set(String key, String value) {
		List<?> control = this.operator.browser()
			.waiting(FIELD_APPEARS)
			.until((driver) -> (List<?>) ((JavascriptExecutor) driver).executeScript(CONTROL, key));
		WebElement input = (WebElement) control.get(0);
		switch (control.get(1).toString()) {
			case "checkbox" -> {
				if (Boolean.TRUE.equals(control.get(2)) != Boolean.parseBoolean(value)) {
					input.click();
				}
			}
			case "select" -> new Select(input).selectByValue(value);
			case "div" -> input.findElement(By.cssSelector("input[value='" + value + "']")).click();
			case "date", "time", "datetime-local" -> pick(input, value);
			default -> {
				// an empty field is typed into at once: clearing it would be one more
				// WebDriver round trip
				if (Boolean.TRUE.equals(control.get(2))) {
					input.clear();
				}
				input.sendKeys(value);
			}
		}
		return this;
	}

	/** Ticks these options of a checklist field (and unticks the others). */
	TaskForm tick(String key, String... values) {
		WebElement list = this.operator.browser()
			.waiting(FIELD_APPEARS)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-" + key)));
		List<String> wanted = List.of(values);
		for (WebElement option : list.findElements(By.cssSelector("input[type=checkbox]"))) {
			if (option.isSelected() != wanted.contains(option.getDomProperty("value"))) {
				option.click();
			}
		}
		return this;
	}

	/**
	 * The options a select or radio field offers, in order (e.g. the people the console
	 * proposes).
	 */
	List<String> options(String key) {
		WebElement input = this.operator.browser()
			.waiting(FIELD_APPEARS)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-" + key)));
		List<WebElement> options = "select".equals(input.getTagName()) ? new Select(input).getOptions()
				: input.findElements(By.cssSelector("input[type=radio]"));
		return options.stream().map((o) -> o.getDomProperty("value")).filter((v) -> !v.isEmpty()).toList();
	}

	/**
	 * The value a text or number field shows (e.g. a read-only field the process filled
	 * in).
	 */
	String value(String key) {
		return this.operator.browser()
			.waiting(FIELD_APPEARS)
			.until(ExpectedConditions.presenceOfElementLocated(By.id("input-" + key)))
			.getDomProperty("value");
	}

	/**
	 * The form's text (task details, read-only fields), to check what the person sees.
	 */
	String text() {
		return driver().findElement(By.tagName("main")).getText();
	}

	/** Completes the task; fails with the form's errors when the console refuses it. */
	Operator complete(String screenshotName) {
		this.operator.stepScreenshot(screenshotName);
		driver().findElement(By.id("complete")).click();
		awaitOutcome();
		return this.operator;
	}

	/**
	 * Waits for the page after a submission: its notice, or fails with the errors the
	 * page shows.
	 */
	String awaitOutcome() {
		this.operator.browser()
			.waiting(Duration.ofSeconds(30))
			.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("notice")),
					ExpectedConditions
						.visibilityOfElementLocated(By.cssSelector(".field-error, #problem, #error-status"))));
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
			this.operator.screenshot("refused");
			throw new AssertionError("The console refused the form: " + errors);
		}
		return notice.get(0).getText();
	}

	/**
	 * Typing into a date input depends on the browser's locale: set the value as a date
	 * picker would.
	 */
	private void pick(WebElement input, String value) {
		((JavascriptExecutor) driver()).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
	}

	private WebDriver driver() {
		return this.operator.browser().driver();
	}

}

package fr.refactory.journeys;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.refactory.test.Browser;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journey's people at the console, in one Chromium at tablet size: one development user
 * signed in at a time, who finds a task of a subject in the task list, claims it and
 * fills in its form as typed. The journey's last page is
 * {@code target/screenshots/journeys/<journey>.png}; a step the console refuses or a task
 * that does not appear leaves a screenshot under
 * {@code target/screenshots/journeys/<journey>/}, and with
 * {@code -Djourneys.step-screenshots=true} every form does, as it is sent (off by
 * default: a screenshot per form was a tenth of a journey's time, ADR 1201).
 */
final class Operator implements AutoCloseable {

	/**
	 * How long a task may take to appear: the application's workers run the automatic
	 * steps before it.
	 */
	private static final Duration TASK_APPEARS = Duration.ofSeconds(120);

	/**
	 * How often a journey looks again for what the workers are producing (a task, a
	 * variable, an end): at once, then every 200 ms. Awaitility's fixed interval
	 * otherwise also delays the first look by the interval, a second per task.
	 */
	static final Duration LOOK_AGAIN = Duration.ofMillis(200);

	private static final boolean STEP_SCREENSHOTS = Boolean.getBoolean("journeys.step-screenshots");

	private final Browser browser;

	private final String journey;

	private int step;

	private String user;

	private final Map<String, Set<Cookie>> sessions = new HashMap<>();

	private final boolean ownsBrowser;

	/**
	 * Whether {@link #user} signs in on the way to the next page (no session of theirs
	 * yet).
	 */
	private boolean signInPending;

	private Operator(Browser browser, String journey) {
		this(browser, journey, true);
	}

	private Operator(Browser browser, String journey, boolean ownsBrowser) {
		this.browser = browser;
		this.journey = journey;
		this.ownsBrowser = ownsBrowser;
	}

	/**
	 * The same tablet for another journey, nobody signed in yet: starting Chromium again
	 * costs seconds on the build machine. Closing the journey leaves the tablet to its
	 * owner.
	 */
	Operator forJourney(String nextJourney) {
		return new Operator(this.browser, nextJourney, false);
	}

	static Operator open(String baseUrl, String journey) {
		return new Operator(Browser.open(baseUrl), journey);
	}

	/**
	 * Hands the tablet to this development user: signed in the first time (password
	 * "demo"), back in their own session afterwards, as a person who signed in once at
	 * the start of the shift. The first sign-in happens on the way to the next page the
	 * person opens: the application sends them to its login page and, once signed in, on
	 * to that page, without the home page in between (a page load per sign-in, ADR 1202).
	 */
	Operator as(String username) {
		if (!username.equals(this.user)) {
			this.browser.driver().manage().deleteAllCookies();
			Set<Cookie> session = this.sessions.get(username);
			if (session == null) {
				this.signInPending = true;
			}
			else {
				this.signInPending = false;
				session.forEach(this.browser.driver().manage()::addCookie);
			}
			this.user = username;
		}
		return this;
	}

	/**
	 * Opens a page of the application as the signed-in user, through the login page when
	 * they have not signed in yet.
	 */
	private Browser go(String path) {
		this.browser.go(path);
		if (this.signInPending) {
			if (this.browser.driver().getCurrentUrl().contains("/login")) {
				this.browser.signInOnThisPage(this.user);
			}
			else {
				// a page anyone may see: sign in, then open it as the person
				this.browser.signIn(this.user).go(path);
			}
			signedIn();
		}
		return this.browser;
	}

	private void signedIn() {
		this.sessions.put(this.user, this.browser.driver().manage().getCookies());
		this.signInPending = false;
	}

	/**
	 * Opens a plant-event form of the console's start page by its link text, fills it in
	 * and sends it.
	 */
	Operator startForm(String linkText, Map<String, String> values) {
		go("/console/start");
		this.browser.click(By.linkText(linkText));
		TaskForm form = new TaskForm(this);
		values.forEach(form::set);
		stepScreenshot("start-" + slug(linkText));
		WebElement submit = this.browser.driver().findElement(By.id("announce"));
		submit.click();
		String notice = form.awaitOutcome();
		stepScreenshot("started-" + slug(linkText));
		assertThat(notice).as("answer to %s", linkText).isNotBlank();
		return this;
	}

	/**
	 * Waits until the task list shows the subject's task to the signed-in user, opens and
	 * claims it. Fails with the page's text when it does not appear.
	 */
	TaskForm task(String subject, String taskName) {
		try {
			Awaitility.await()
				.atMost(TASK_APPEARS)
				.pollDelay(Duration.ZERO)
				.pollInterval(LOOK_AGAIN)
				.until(() -> sees(subject, taskName));
		}
		catch (ConditionTimeoutException ex) {
			screenshot("missing-" + taskName);
			throw new AssertionError("'" + taskName + "' of " + subject + " did not appear in " + this.user
					+ "'s task list within " + TASK_APPEARS + "; the list shows:\n" + this.browser.pageText(), ex);
		}
		this.browser.click(By.linkText(taskName));
		List<WebElement> claim = this.browser.driver().findElements(By.id("claim"));
		if (!claim.isEmpty()) {
			claim.get(0).click();
		}
		this.browser.waitFor(By.id("complete"));
		assertThat(this.browser.driver().findElement(By.id("assignee")).getText()).isEqualTo(this.user);
		return new TaskForm(this);
	}

	/**
	 * Whether the signed-in user's list shows a task of that name for the subject now (no
	 * waiting).
	 */
	boolean sees(String subject, String taskName) {
		return !go("/console/tasks?subject=" + subject).driver().findElements(By.linkText(taskName)).isEmpty();
	}

	/**
	 * Opens a page of the application (e.g. an auditor's view of the finished instance)
	 * as the journey's last page.
	 */
	String lastPage(String path) {
		go(path);
		this.browser.waitFor(By.tagName("main"));
		this.browser.screenshot("journeys/" + this.journey);
		return this.browser.pageText();
	}

	/**
	 * A screenshot of a step as it goes, only when asked for
	 * ({@code -Djourneys.step-screenshots=true}).
	 */
	void stepScreenshot(String what) {
		if (STEP_SCREENSHOTS) {
			screenshot(what);
		}
	}

	/**
	 * A screenshot of the page now, numbered in the journey's order (a refusal, a missing
	 * task).
	 */
	void screenshot(String what) {
		this.step++;
		this.browser.screenshot("journeys/" + this.journey + "/" + String.format("%02d", this.step) + "-" + slug(what));
	}

	/**
	 * The tablet's browser, for a step the journey drives itself; the user signs in first
	 * if they have not yet.
	 */
	Browser browser() {
		if (this.signInPending) {
			this.browser.signIn(this.user);
			signedIn();
		}
		return this.browser;
	}

	private static String slug(String text) {
		return text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	@Override
	public void close() {
		if (!this.ownsBrowser) {
			return;
		}
		this.browser.close();
	}

}

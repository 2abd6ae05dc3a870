package fr.refactory.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, for page tests, at a landscape tablet's
 * size (1024×768). Without {@code chromium} and {@code chromium-driver} installed
 * ({@code .ci/run} installs them), a test using it is reported as skipped, loudly.
 * <p>
 * A closed browser's Chromium is kept for the next {@link #open} of the test JVM, its
 * cookies and the application's site data cleared and its page blank, as a new browser
 * would be: starting Chromium costs one to several seconds per test class or test on the
 * build machine (15 s under load). The kept ones quit when the JVM ends.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final long LOOK_AGAIN_MILLIS = 50;

	/** Chromium sessions of closed browsers, for the next {@link #open}. */
	private static final Deque<Chromium> IDLE = new ArrayDeque<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "quit-kept-chromium"));
	}

	private final String baseUrl;

	private final Chromium chromium;

	private final ChromeDriver driver;

	private boolean closed;

	private Browser(String baseUrl, Chromium chromium) {
		this.baseUrl = baseUrl;
		this.chromium = chromium;
		this.driver = chromium.driver();
	}

	/** One Chromium with its own temporary profile. */
	private record Chromium(ChromeDriver driver, Path profile) {

		static Chromium start() throws IOException {
			Path profile = Files.createTempDirectory("refactory-chromium-");
			ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-quic", "--no-first-run", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--window-size=1024,768",
						"--user-data-dir=" + profile);
			// the page's console messages, for consoleErrors()
			options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			// the window size includes the (headless) browser frame: fix the page's
			// viewport itself to 1024×768
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 1024, "height", 768, "deviceScaleFactor", 1, "mobile", false));
			return new Chromium(driver, profile);
		}

		/**
		 * As a new browser for the next test: a blank page, no cookie of any site, no
		 * stored data of the application's origin (the pages use no other storage); false
		 * when the session no longer answers.
		 */
		boolean cleared(String baseUrl) {
			try {
				this.driver.get("about:blank");
				// the console messages of the last test are read and dropped, so
				// consoleErrors() sees only this one's
				this.driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
				this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
				this.driver.executeCdpCommand("Storage.clearDataForOrigin",
						Map.of("origin", java.net.URI.create(baseUrl).resolve("/").toString().replaceAll("/$", ""),
								"storageTypes", "all"));
				return this.driver.getWindowHandles().size() == 1;
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		void quit() {
			try {
				this.driver.quit();
			}
			catch (RuntimeException ex) {
				// already gone
			}
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a leftover temporary profile is harmless
			}
		}

	}

	private static Chromium keptOrNew() throws IOException {
		synchronized (IDLE) {
			if (!IDLE.isEmpty()) {
				return IDLE.pop();
			}
		}
		return Chromium.start();
	}

	private static void quitIdle() {
		synchronized (IDLE) {
			IDLE.forEach(Chromium::quit);
			IDLE.clear();
		}
	}

	/**
	 * Opens a browser, or skips the calling test (with a message on stderr) when Chromium
	 * is not installed.
	 */
	public static Browser open(String baseUrl) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			System.err.println("SKIPPED BROWSER TEST: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing; install Debian's chromium and chromium-driver (.ci/run does) to run it.");
		}
		Assumptions.assumeTrue(installed, "Chromium is not installed: browser test skipped");
		try {
			return new Browser(baseUrl, keptOrNew());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Browser signIn(String username) {
		go("/login");
		return signInOnThisPage(username);
	}

	/**
	 * Fills in the login page the browser shows (a development user, password "demo") and
	 * waits for the page it leads to: the page first asked for when the application sent
	 * the person here, else the home page.
	 */
	public Browser signInOnThisPage(String username) {
		waitFor(By.id("username"));
		type(By.id("username"), username);
		type(By.id("password"), "demo");
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.id("current-user"));
		return this;
	}

	/**
	 * Signs out with the page header's button, so the next {@link #signIn} is another
	 * person in the same browser.
	 */
	public Browser signOut() {
		this.driver.findElement(By.cssSelector("header form[action$='/logout'] button")).click();
		waitFor(By.id("username"));
		return this;
	}

	public Browser go(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	public WebElement waitFor(By locator) {
		return waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * A wait that looks again every {@value #LOOK_AGAIN_MILLIS} ms, not Selenium's
	 * default 500 ms: a page or field is usually there within a few milliseconds, and the
	 * default made every wait that missed once cost half a second.
	 */
	public WebDriverWait waiting(Duration atMost) {
		WebDriverWait wait = new WebDriverWait(this.driver, atMost);
		wait.pollingEvery(Duration.ofMillis(LOOK_AGAIN_MILLIS));
		return wait;
	}

	public void type(By locator, String text) {
		WebElement field = this.driver.findElement(locator);
		field.clear();
		field.sendKeys(text);
	}

	public void click(By locator) {
		this.driver.findElement(locator).click();
	}

	/**
	 * Waits until the element is in the page but not shown (hidden attribute, display
	 * none, or removed).
	 */
	public void waitUntilHidden(By locator) {
		waiting(Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(locator));
	}

	/**
	 * How many CSS pixels the page is wider than the window: more than 0 means horizontal
	 * scrolling.
	 */
	public long horizontalOverflow() {
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

	/** The errors the pages wrote to the browser's console since the last call. */
	public java.util.List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(org.openqa.selenium.logging.LogEntry::getMessage)
			.toList();
	}

	public String pageText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Saves a PNG of the current page under {@code target/screenshots} (the name may hold
	 * sub-folders).
	 */
	public Path screenshot(String name) {
		try {
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.createDirectories(target.getParent());
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Keeps the Chromium for the next browser of the JVM, cleared; quits it when it
	 * cannot be cleared.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.chromium.cleared(this.baseUrl)) {
			synchronized (IDLE) {
				IDLE.push(this.chromium);
			}
		}
		else {
			this.chromium.quit();
		}
	}

}

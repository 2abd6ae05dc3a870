package fr.refactory.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL killed (kill -9 of its postmaster) under light load: health and
 * {@code /v2/status} say DOWN quickly, requests are answered 503 with a
 * {@code Retry-After} (no 500, no hang, no SQL in the answer), the product starts its
 * database again by itself, and every acknowledged instance completes once (ADR 0257).
 * The watchdog is set to look every 10 s (and to say so in the log) and the database is
 * killed just after it looked, so that the outage lasts long enough to be observed.
 */
@Tag("faults")
class DatabaseLossFaultTest {

	/**
	 * Far above the 2 s aimed at, far below the 30 s the pool's default time-out took.
	 */
	private static final Duration DOWN_BOUND = Duration.ofSeconds(10);

	private static final String WATCHDOG_LOOKED = ") runs";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void shouldSayDownAnswer503AndRecoverByItselfWhenTheEmbeddedDatabaseIsKilled() throws Exception {
		Path data = ProductProcess.newDataDirectory("faults-dbloss-");
		try (ProductProcess product = ProductProcess.start("database-loss", data,
				"--refactory.database.embedded.watchdog-interval=10s",
				"--logging.level.fr.refactory.system.database.EmbeddedDatabaseWatchdog=DEBUG");
				Workload load = startLoad(product)) {
			CompletableFuture<Void> creating = load.createInstances(200, 4, Map.of());
			FaultFigures.await("a quarter of the instances acknowledged", Duration.ofMinutes(2),
					() -> load.acknowledgedInstances.size() >= 50);

			long looked = occurrences(product.logText(), WATCHDOG_LOOKED);
			FaultFigures.await("the watchdog's next look", Duration.ofSeconds(30),
					() -> occurrences(product.logText(), WATCHDOG_LOOKED) > looked);
			ProcessHandle.of(ProductProcess.postmasterPid(data)).orElseThrow().destroyForcibly();
			long killed = System.nanoTime();
			long downMillis = awaitHealth(product, 503, DOWN_BOUND);
			long statusStarted = System.nanoTime();
			HttpResponse<String> status = get(product, "/v2/status");
			long statusMillis = FaultFigures.millisSince(statusStarted);
			HttpResponse<String> search = post(product, "/v2/process-instances/search", "{}");
			awaitHealth(product, 200, Duration.ofMinutes(2));
			long upMillis = FaultFigures.millisSince(killed);

			creating.get(3, TimeUnit.MINUTES);
			load.awaitAllFinished(Duration.ofMinutes(3));
			FaultFigures.print("embedded PostgreSQL killed under load",
					"health DOWN after " + downMillis + " ms, /v2/status answered " + status.statusCode() + " in "
							+ statusMillis + " ms, health UP again " + upMillis
							+ " ms after the kill (watchdog every 10 s), " + load.figures());

			assertThat(downMillis).as("health said DOWN well within the pool's former 30 s")
				.isLessThan(DOWN_BOUND.toMillis());
			assertUnavailable(status);
			assertUnavailable(search);
			load.assertNothingLostOrDoneTwice(CrashRestartFaultTest.STEPS);
			assertThat(load.failures).as("requests that met the lost database: 503, never 500 nor a hang")
				.doesNotContainKeys(500, 0);
			String log = product.logText();
			assertThat(log).contains("starting it again on port", "The embedded PostgreSQL is back");
			assertThat(occurrences(log, "engine-timers failed;")).as("the timer check logged the outage once")
				.isLessThanOrEqualTo(1);
			assertThat(occurrences(log, "engine-job-deadlines failed;")).as("the deadline check logged it once")
				.isLessThanOrEqualTo(1);
		}
	}

	private static Workload startLoad(ProductProcess product) {
		product.awaitHealthy();
		return new Workload(product, CrashRestartFaultTest.threeSteps(), CrashRestartFaultTest.PROCESS_ID,
				Duration.ofSeconds(10), CrashRestartFaultTest.JOB_TYPE);
	}

	private static void assertUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " while the database is gone").isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).as("its retry hint")
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(response.body()).contains("\"status\":503")
			.doesNotContainIgnoringCase("select")
			.doesNotContainIgnoringCase("sql")
			.doesNotContain("Exception");
	}

	/**
	 * @return milliseconds until {@code /actuator/health} answered {@code status}
	 */
	private static long awaitHealth(ProductProcess product, int status, Duration bound) {
		long since = System.nanoTime();
		FaultFigures.await("health " + status, bound, () -> product.healthStatus().equals(Optional.of(status)));
		return FaultFigures.millisSince(since);
	}

	private HttpResponse<String> get(ProductProcess product, String path) throws IOException, InterruptedException {
		return this.http.send(request(product, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ProductProcess product, String path, String body)
			throws IOException, InterruptedException {
		return this.http.send(request(product, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(ProductProcess product, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + product.port() + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
	}

	private static long occurrences(String text, String part) {
		return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
	}

}

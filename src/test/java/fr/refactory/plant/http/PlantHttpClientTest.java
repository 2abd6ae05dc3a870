package fr.refactory.plant.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import fr.refactory.plant.FakePlantSystem;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.PlantTechnicalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the shared HTTP client turns a plant system's answers into values, business errors
 * and technical failures.
 */
class PlantHttpClientTest {

	private final HttpServer server = startServer();

	private final List<String> receivedKeys = new CopyOnWriteArrayList<>();

	private final PlantHttpClient client = new PlantHttpClient("mes",
			SystemSettings.http(URI.create("http://localhost:" + this.server.getAddress().getPort() + "/api"),
					Duration.ofSeconds(2), Duration.ofSeconds(5)),
			FakePlantSystem.json());

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void shouldSendTheIdempotencyKeyAndReadTheAnswer() {
		answer(200, "application/json", "{\"subjectKey\":\"VIN1\",\"status\":\"RELEASED\",\"extra\":true}");

		Answer answer = this.client.post("statuses", IdempotencyKey.of("job-7:status"), Map.of("a", 1), Answer.class);

		assertThat(answer).isEqualTo(new Answer("VIN1", "RELEASED"));
		assertThat(this.receivedKeys).containsExactly("job-7:status");
	}

	@Test
	void shouldTurnA422ProblemIntoABusinessErrorWithItsCode() {
		answer(422, "application/problem+json",
				"{\"title\":\"Business error\",\"status\":422,\"detail\":\"bench DIAG-3 is offline\",\"errorCode\":\"BENCH_UNAVAILABLE\"}");

		assertThatExceptionOfType(PlantBusinessException.class)
			.isThrownBy(() -> this.client.get("things", Answer.class))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo("BENCH_UNAVAILABLE");
				assertThat(ex.reason()).isEqualTo("bench DIAG-3 is offline");
				assertThat(ex.system()).isEqualTo("mes");
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 408, 429 })
	void shouldTurnServerErrorsIntoRetryableTechnicalFailures(int status) {
		answer(status, "text/plain", "down");

		assertThatExceptionOfType(PlantTechnicalException.class)
			.isThrownBy(() -> this.client.get("things", Answer.class))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 409 })
	void shouldTurnClientErrorsIntoTechnicalFailuresNotWorthRetrying(int status) {
		answer(status, "application/problem+json", "{\"title\":\"bad\"}");

		assertThatExceptionOfType(PlantTechnicalException.class)
			.isThrownBy(() -> this.client.get("things", Answer.class))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void shouldNotMistakeA422WithoutErrorCodeForABusinessError() {
		answer(422, "application/problem+json", "{\"title\":\"Unprocessable\"}");

		assertThatExceptionOfType(PlantTechnicalException.class)
			.isThrownBy(() -> this.client.get("things", Answer.class))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void shouldTurnAnUnreadableBodyIntoATechnicalFailure() {
		answer(200, "application/json", "<html>maintenance</html>");

		assertThatExceptionOfType(PlantTechnicalException.class)
			.isThrownBy(() -> this.client.get("things", Answer.class))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void shouldFindNothingOn404() {
		answer(404, "application/problem+json", "{\"title\":\"not found\"}");

		assertThat(this.client.find("things/1", Answer.class)).isEmpty();
	}

	@Test
	void shouldFailRetryablyWhenNothingListens() {
		int port = this.server.getAddress().getPort();
		this.server.stop(0);
		PlantHttpClient closed = new PlantHttpClient("wms", SystemSettings.http(URI.create("http://localhost:" + port),
				Duration.ofSeconds(2), Duration.ofSeconds(5)), FakePlantSystem.json());

		assertThatExceptionOfType(PlantTechnicalException.class).isThrownBy(() -> closed.get("things", Answer.class))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.system()).isEqualTo("wms");
			});
	}

	@Test
	void shouldRefuseHttpModeWithoutBaseUrl() {
		SystemSettings noUrl = SystemSettings.http(null, Duration.ofSeconds(1), Duration.ofSeconds(1));

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new PlantHttpClient("erp", noUrl, FakePlantSystem.json()))
			.withMessageContaining("refactory.plant.erp.base-url");
	}

	private void answer(int status, String contentType, String body) {
		this.server.createContext("/api/", (exchange) -> {
			String key = exchange.getRequestHeaders().getFirst(PlantHttpClient.IDEMPOTENCY_KEY_HEADER);
			if (key != null) {
				this.receivedKeys.add(key);
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
	}

	private static HttpServer startServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Answer(String subjectKey, String status) {
	}

}

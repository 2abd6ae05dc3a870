package fr.refactory.engine.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.EngineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management endpoints are never open: no credentials → 401, an API user without
 * ADMIN → 403, and neither moves the clock. (CPT's management client counts a 401 as
 * success, so an unauthenticated clock move would pass silently.)
 */
class ManagementSecurityTest extends EngineTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldRejectManagementCallsWithoutCredentials() throws Exception {
		assertThat(call("GET", "/actuator/clock", null, null).statusCode()).isEqualTo(401);
		assertThat(call("DELETE", "/actuator/clock", null, null).statusCode()).isEqualTo(401);
		assertThat(call("POST", "/actuator/clock/add", "{\"offsetMilli\": 86400000}", null).statusCode())
			.isEqualTo(401);

		assertClockNotMoved();
	}

	@Test
	void shouldRejectManagementCallsFromAnApiUserWithoutAdminRole() throws Exception {
		assertThat(call("GET", "/actuator/clock", null, "engine-client:demo").statusCode()).isEqualTo(403);
		assertThat(
				call("POST", "/actuator/clock/add", "{\"offsetMilli\": 86400000}", "engine-client:demo").statusCode())
			.isEqualTo(403);

		assertClockNotMoved();
	}

	private void assertClockNotMoved() throws Exception {
		HttpResponse<String> now = call("GET", "/actuator/clock", null, "demo:demo");
		assertThat(now.statusCode()).isEqualTo(200);
		Instant engineTime = Instant.parse(JSON.readTree(now.body()).get("instant").asText());
		assertThat(Duration.between(Instant.now(), engineTime).abs()).isLessThan(Duration.ofHours(1));
	}

	private HttpResponse<String> call(String method, String path, String body, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

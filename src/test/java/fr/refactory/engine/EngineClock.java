package fr.refactory.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves and resets the engine clock through {@code /actuator/clock}, as Camunda Process
 * Test does.
 */
public final class EngineClock {

	private final String baseUrl;

	public EngineClock(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Moves the clock; due timers have fired when this returns. */
	public void add(Duration offset) {
		assertThat(send("POST", "/actuator/clock/add", "{\"offsetMilli\": " + offset.toMillis() + "}"))
			.as("clock moved")
			.isEqualTo(200);
	}

	public void reset() {
		send("DELETE", "/actuator/clock", null);
	}

	private int send(String method, String path, String body) {
		String credentials = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException("clock request failed", ex);
		}
	}

}

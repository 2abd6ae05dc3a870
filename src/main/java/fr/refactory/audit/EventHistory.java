package fr.refactory.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;

import org.springframework.stereotype.Component;

/**
 * An instance's engine events, in order, with who caused each: read from the embedded
 * engine's event history endpoint with the console's Camunda client's address and
 * credentials (role CONSOLE_CLIENT, ADR 0506) (the Camunda client has no command for it,
 * ADR 0272). A Camunda 8 cluster keeps no such history: the page then says so.
 */
@Component
class EventHistory {

	/**
	 * Shown for events the engine caused on its own with no command behind them (e.g. a
	 * timer start event).
	 */
	static final String ENGINE = "engine";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	private final CamundaClient client;

	private final ObjectMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	EventHistory(@ConsoleClient CamundaClient client, ObjectMapper json) {
		this.client = client;
		this.json = json;
	}

	/** The events, or empty when the engine keeps no event history. */
	Optional<List<EventRow>> of(long processInstanceKey) {
		HttpResponse<String> response = send(processInstanceKey);
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Expected the instance's events from the engine, but it answered "
					+ response.statusCode() + ": " + response.body());
		}
		return Optional.of(rows(response.body()));
	}

	private HttpResponse<String> send(long processInstanceKey) {
		URI base = this.client.getConfiguration().getRestAddress();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(base.resolve("/v2/process-instances/" + processInstanceKey + "/events"))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		try {
			this.client.getConfiguration().getCredentialsProvider().applyCredentials(request::header);
			return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Expected to read the instance's events from the engine", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the instance's events", ex);
		}
	}

	private List<EventRow> rows(String body) {
		try {
			List<EventRow> rows = new ArrayList<>();
			for (JsonNode item : this.json.readTree(body).path("items")) {
				rows.add(new EventRow(item.path("position").asLong(),
						WHEN.format(Instant.parse(item.path("timestamp").asText())),
						item.path("actor").isTextual() ? item.path("actor").asText() : ENGINE,
						item.path("valueType").asText(), item.path("intent").asText(),
						item.path("elementId").isTextual() ? item.path("elementId").asText() : "",
						item.path("variables").isObject() ? item.path("variables").toString() : ""));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Expected the engine's events as JSON", ex);
		}
	}

}

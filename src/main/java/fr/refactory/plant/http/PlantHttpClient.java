package fr.refactory.plant.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.PlantTechnicalException;

import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

/**
 * JSON over HTTP to one plant system, shared by every {@code Http…} adapter. Commands are
 * {@code POST}s that carry an {@code Idempotency-Key} header; queries are {@code GET}s.
 * Connect and read time-outs come from the system's settings; there are no retries here,
 * the job retries. Unknown JSON properties are ignored (tolerant reader). Answers other
 * than 2xx become exceptions through {@link PlantResponses}.
 */
public final class PlantHttpClient {

	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private final String system;

	private final URI baseUrl;

	private final SystemSettings settings;

	private final HttpClient http;

	private final ObjectMapper json;

	private final PlantResponses responses;

	public PlantHttpClient(String system, SystemSettings settings, ObjectMapper json) {
		Assert.notNull(settings.baseUrl(),
				() -> "Expected refactory.plant." + system + ".base-url to be set in http mode, but it was not");
		this.system = system;
		this.baseUrl = withTrailingSlash(settings.baseUrl());
		this.settings = settings;
		this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.responses = new PlantResponses(system, this.json);
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.build();
	}

	/** {@code POST} a command; the answer's body is read as {@code answerType}. */
	public <T> T post(String path, IdempotencyKey key, Object command, Class<T> answerType) {
		HttpRequest request = request(path).header(IDEMPOTENCY_KEY_HEADER, key.value())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(write(command)))
			.build();
		return this.responses.read(send(request), answerType);
	}

	/**
	 * {@code POST} a question that changes nothing (a calculation with a body), without
	 * an idempotency key.
	 */
	public <T> T query(String path, Object question, Class<T> answerType) {
		HttpRequest request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(write(question)))
			.build();
		return this.responses.read(send(request), answerType);
	}

	/** {@code GET} something that must exist. */
	public <T> T get(String path, Class<T> answerType) {
		return this.responses.read(send(request(path).GET().build()), answerType);
	}

	/** {@code GET} something that may not exist: 404 is an empty answer. */
	public <T> Optional<T> find(String path, Class<T> answerType) {
		HttpResponse<String> response = send(request(path).GET().build());
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		return Optional.of(this.responses.read(response, answerType));
	}

	/**
	 * Encodes one path segment, e.g. a VIN or a serial number, for use in a {@code path}.
	 */
	public static String segment(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String path) {
		Assert.isTrue(!path.startsWith("/"), () -> "Expected a path relative to the base URL, but got " + path);
		return HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.timeout(this.settings.readTimeout())
			.header("Accept", "application/json");
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new PlantTechnicalException(this.system,
					"no answer to " + request.method() + " " + request.uri() + " within " + this.settings.readTimeout(),
					true, ex);
		}
		catch (IOException ex) {
			throw new PlantTechnicalException(this.system,
					"could not reach " + request.method() + " " + request.uri() + ": " + ex, true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlantTechnicalException(this.system, "interrupted while calling " + request.uri(), true, ex);
		}
	}

	private String write(Object command) {
		try {
			return this.json.writeValueAsString(command);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Expected a command that serialises to JSON, but got " + command, ex);
		}
	}

	private static URI withTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? uri : URI.create(text + "/");
	}

}

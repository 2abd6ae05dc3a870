package fr.refactory.plant;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.http.PlantHttpClient;

/**
 * A real local HTTP server that plays a plant system for the {@code Http…} adapters'
 * contract tests. Routes are declared with path templates
 * ({@code work-orders/{id}/release}); handlers usually delegate to the simulated adapter.
 * Business exceptions become 422 problem bodies, technical ones 503 (retryable) or 400
 * (not retryable), an empty {@link Optional} 404.
 */
public final class FakePlantSystem implements AutoCloseable {

	private final HttpServer server;

	private final List<Route> routes = new CopyOnWriteArrayList<>();

	private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

	private final ObjectMapper json = json();

	private FakePlantSystem(HttpServer server) {
		this.server = server;
		server.createContext("/", this::handle);
		server.start();
	}

	public static FakePlantSystem start() {
		try {
			return new FakePlantSystem(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JSON mapper configured as Spring Boot configures the application's. */
	public static ObjectMapper json() {
		return JsonMapper.builder().findAndAddModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
	}

	public <B> FakePlantSystem command(String template, Class<B> bodyType, CommandHandler<B> handler) {
		this.routes.add(new Route("POST", template,
				(request, body) -> handler.handle(request, this.json.readValue(body, bodyType))));
		return this;
	}

	public FakePlantSystem query(String template, QueryHandler handler) {
		this.routes.add(new Route("GET", template, (request, body) -> handler.handle(request)));
		return this;
	}

	public URI baseUrl() {
		return URI.create("http://localhost:" + this.server.getAddress().getPort() + "/");
	}

	public SystemSettings settings() {
		return SystemSettings.http(baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	public PlantHttpClient client(String system) {
		return new PlantHttpClient(system, settings(), this.json);
	}

	/** The {@code Idempotency-Key} headers received so far, in order. */
	public List<String> idempotencyKeys() {
		return List.copyOf(this.idempotencyKeys);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String key = exchange.getRequestHeaders().getFirst(PlantHttpClient.IDEMPOTENCY_KEY_HEADER);
			if (key != null) {
				this.idempotencyKeys.add(key);
			}
			String path = exchange.getRequestURI().getRawPath().substring(1);
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			for (Route route : this.routes) {
				Optional<Map<String, String>> variables = route.match(exchange.getRequestMethod(), path);
				if (variables.isPresent()) {
					Request request = new Request(variables.get(), query(exchange.getRequestURI()),
							(key != null) ? IdempotencyKey.of(key) : null);
					respond(exchange, route, request, body);
					return;
				}
			}
			send(exchange, 404, "application/problem+json", Map.of("title", "no route for " + path));
		}
	}

	private void respond(HttpExchange exchange, Route route, Request request, byte[] body) throws IOException {
		try {
			Object answer = route.handler().handle(request, body);
			if (answer instanceof Optional<?> optional) {
				if (optional.isEmpty()) {
					send(exchange, 404, "application/problem+json", Map.of("title", "not found"));
					return;
				}
				answer = optional.get();
			}
			send(exchange, 200, "application/json", answer);
		}
		catch (PlantBusinessException ex) {
			send(exchange, 422, "application/problem+json", Map.of("type", "about:blank", "title", "Business error",
					"status", 422, "detail", ex.reason(), "errorCode", ex.errorCode()));
		}
		catch (PlantTechnicalException ex) {
			send(exchange, ex.isRetryable() ? 503 : 400, "application/problem+json", Map.of("title", ex.getMessage()));
		}
	}

	private void send(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				String[] parts = pair.split("=", 2);
				parameters.put(decode(parts[0]), (parts.length > 1) ? decode(parts[1]) : "");
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/**
	 * What a handler gets: path variables, query parameters and the idempotency key (null
	 * on queries).
	 */
	public record Request(Map<String, String> path, Map<String, String> query, IdempotencyKey key) {

		public String path(String name) {
			return this.path.get(name);
		}

		public String query(String name) {
			return this.query.get(name);
		}

	}

	@FunctionalInterface
	public interface CommandHandler<B> {

		Object handle(Request request, B body);

	}

	@FunctionalInterface
	public interface QueryHandler {

		Object handle(Request request);

	}

	@FunctionalInterface
	private interface RawHandler {

		Object handle(Request request, byte[] body) throws IOException;

	}

	private record Route(String method, Pattern pattern, List<String> names, RawHandler handler) {

		private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

		Route(String method, String template, RawHandler handler) {
			this(method, Pattern.compile(VARIABLE.matcher(template).replaceAll("([^/]+)")), names(template), handler);
		}

		private static List<String> names(String template) {
			return VARIABLE.matcher(template).results().map((result) -> result.group(1)).toList();
		}

		Optional<Map<String, String>> match(String requestMethod, String path) {
			Matcher matcher = this.pattern.matcher(path);
			if (!this.method.equals(requestMethod) || !matcher.matches()) {
				return Optional.empty();
			}
			Map<String, String> variables = new LinkedHashMap<>();
			for (int i = 0; i < this.names.size(); i++) {
				variables.put(this.names.get(i), decode(matcher.group(i + 1)));
			}
			return Optional.of(variables);
		}

	}

}

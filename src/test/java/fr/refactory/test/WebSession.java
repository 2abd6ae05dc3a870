package fr.refactory.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that follows redirects and sends the page's CSRF token
 * with every form, like a browser without JavaScript. For page tests that need no real
 * browser.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private String csrfToken;

	public WebSession(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static WebSession signedIn(String baseUrl, String username) {
		WebSession session = new WebSession(baseUrl);
		HttpResponse<String> response = session.signIn(username, "demo");
		if (!"/".equals(response.uri().getPath())) {
			throw new IllegalStateException("Expected " + username + " to sign in, but landed on " + response.uri());
		}
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build());
	}

	/** A download (a PDF export) with the session's cookie. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", List.of(username), "password", List.of(password)));
	}

	/** Posts a form with the CSRF token of the last page read. */
	public HttpResponse<String> post(String path, Map<String, List<String>> fields) {
		String body = fields.entrySet()
			.stream()
			.flatMap((field) -> field.getValue().stream().map((value) -> encode(field.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
		body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(this.csrfToken);
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Posts one file as a multipart form part, with the CSRF token of the last page read.
	 */
	public HttpResponse<String> postFile(String path, String field, String fileName, byte[] content) {
		String boundary = "refactory-test-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrfToken
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(response.body());
			if (csrf.find()) {
				this.csrfToken = csrf.group(1);
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

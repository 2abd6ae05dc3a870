package fr.refactory.system.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTest extends RefactoryIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@ParameterizedTest
	@ValueSource(strings = { "demo", "process-owner", "intake-operator", "diagnostic-technician",
			"retrofit-technician", "reman-technician", "battery-technician", "quality-inspector", "auditor" })
	void shouldSignInEveryDevelopmentUserThroughTheLoginPage(String username) throws Exception {
		Browser browser = new Browser();

		HttpResponse<String> afterLogin = browser.signIn(username, "demo");

		assertThat(afterLogin.statusCode()).isEqualTo(200);
		assertThat(afterLogin.uri().getPath()).isEqualTo("/");
		assertThat(afterLogin.body()).contains("id=\"current-user\">" + username + "<");
	}

	@Test
	void shouldRefuseAWrongPasswordAndSayWhy() throws Exception {
		HttpResponse<String> afterLogin = new Browser().signIn("intake-operator", "wrong");

		assertThat(afterLogin.uri().getPath()).isEqualTo("/login");
		assertThat(afterLogin.body()).contains("Unknown user name or wrong password.");
	}

	@Test
	void shouldSendAnonymousVisitorsToTheLoginPage() throws Exception {
		HttpResponse<String> response = new Browser().get("/");

		assertThat(response.uri().getPath()).isEqualTo("/login");
	}

	@Test
	void shouldAskApiClientsForBasicAuthenticationAndRefusePeopleWithoutTheApiRole() throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		assertThat(http.send(apiRequest(null), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
		assertThat(http.send(apiRequest("auditor"), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(403);
		assertThat(http.send(apiRequest("engine-client"), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(200);
	}

	private static HttpRequest apiRequest(String username) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/topology"));
		if (username != null) {
			String credentials = Base64.getEncoder()
				.encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + credentials);
		}
		return request.build();
	}

	/** A cookie-keeping client that follows redirects, like a browser without JavaScript. */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
			Matcher csrf = CSRF.matcher(get("/login").body());
			assertThat(csrf.find()).as("login page carries a CSRF token").isTrue();
			String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf.group(1));
			return this.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}

package fr.refactory.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTest extends RefactoryIntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "demo", "process-owner", "intake-operator", "diagnostic-technician", "retrofit-technician",
			"reman-technician", "battery-technician", "quality-inspector", "auditor", "operations-engineer" })
	void shouldSignInEveryDevelopmentUserThroughTheLoginPage(String username) throws Exception {
		HttpResponse<String> afterLogin = new WebSession(baseUrl()).signIn(username, "demo");

		assertThat(afterLogin.statusCode()).isEqualTo(200);
		assertThat(afterLogin.uri().getPath()).isEqualTo("/");
		assertThat(afterLogin.body()).contains("id=\"current-user\">" + username + "<");
	}

	@Test
	void shouldRefuseAWrongPasswordAndSayWhy() throws Exception {
		HttpResponse<String> afterLogin = new WebSession(baseUrl()).signIn("intake-operator", "wrong");

		assertThat(afterLogin.uri().getPath()).isEqualTo("/login");
		assertThat(afterLogin.body()).contains("Unknown user name or wrong password.");
	}

	@Test
	void shouldSendAnonymousVisitorsToTheLoginPage() throws Exception {
		HttpResponse<String> response = new WebSession(baseUrl()).get("/");

		assertThat(response.uri().getPath()).isEqualTo("/login");
	}

	@Test
	void shouldAskApiClientsForBasicAuthenticationAndRefusePeopleWithoutThePermission() throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		assertThat(http.send(apiRequest(null, "/v2/topology"), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(401);
		assertThat(http
			.send(apiRequest("intake-operator", "/v2/process-definitions/1"), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(403);
		assertThat(http.send(apiRequest("engine-client", "/v2/topology"), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(200);
	}

	private static HttpRequest apiRequest(String username, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (username != null) {
			String credentials = Base64.getEncoder()
				.encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + credentials);
		}
		return request.build();
	}

}

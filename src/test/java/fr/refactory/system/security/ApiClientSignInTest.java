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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own API clients are programs (ADR 0506): they cannot sign in to the
 * pages, and nobody can lock them out by failing to sign in as them, on the pages or over
 * {@code /v2}.
 */
class ApiClientSignInTest extends RefactoryIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldRefuseApiClientsOnThePagesWithTheirRightPassword() {
		for (String client : new String[] { "engine-client", "console-client", "plant-system" }) {
			WebSession session = new WebSession(baseUrl());
			HttpResponse<String> signIn = session.signIn(client, "demo");

			assertThat(signIn.uri().toString()).as(client).contains("/login?error");
			assertThat(session.get("/").uri().getPath()).as(client).isEqualTo("/login");
		}
	}

	@Test
	void shouldKeepTheWorkersClientSignedInAfterManyFailedSignInsAsIt() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(basic("engine-client", "wrong-" + i, "10.21.0." + i)).isEqualTo(401);
			new WebSession(baseUrl()).signIn("engine-client", "wrong-" + i);
		}

		assertThat(basic("engine-client", "demo", "10.21.1.1")).isEqualTo(200);
		assertThat(basic("console-client", "demo", "10.21.1.1")).isEqualTo(200);
	}

	@Test
	void shouldStillLockAPersonOutOverBasicAuthentication() throws Exception {
		for (int i = 0; i < 6; i++) {
			basic("auditor", "wrong-" + i, "10.22.0." + i);
		}

		assertThat(basic("auditor", "demo", "10.22.1.1")).as("locked person, right password").isEqualTo(401);
		Thread.sleep(3_500); // the test profile's lockout, so that other tests can sign
								// in as the auditor again
	}

	private int basic(String username, String password, String address) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/topology"))
			.header("Authorization", "Basic " + credentials)
			.header("X-Forwarded-For", address)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}

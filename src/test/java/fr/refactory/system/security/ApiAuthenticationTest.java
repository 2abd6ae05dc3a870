package fr.refactory.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAuthenticationTest extends RefactoryIntegrationTest {

	@Autowired
	private UserDetailsService users;

	@Test
	void shouldKeepTheConfiguredPasswordEncodingAfterApiClientsSignIn() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String credentials = Base64.getEncoder().encodeToString("engine-client:demo".getBytes(StandardCharsets.UTF_8));
		HttpRequest topology = HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/topology"))
			.header("Authorization", "Basic " + credentials)
			.build();

		assertThat(http.send(topology, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
		assertThat(http.send(topology, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

		assertThat(this.users.loadUserByUsername("engine-client").getPassword()).isEqualTo("{noop}demo");
	}

}

package fr.refactory.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated failed sign-ins lock the user, and the address, out for a while, even with the
 * right password afterwards; the lockout is audited (issue 19). Each test uses its own
 * fake client address (the test profile trusts {@code X-Forwarded-For} from localhost, as
 * README advises behind a proxy), so other tests keep signing in.
 */
class LoginThrottleTest extends RefactoryIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private AuditLog auditLog;

	private int basic(String username, String password, String address) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/topology"))
			.header("Authorization", "Basic " + credentials)
			.header("X-Forwarded-For", address)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String address() {
		return "10.19." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@Test
	void shouldLockAUserOutAfterRepeatedFailuresEvenWithTheRightPasswordAndAuditIt() throws Exception {
		String user = "auditor";
		for (int i = 0; i < 5; i++) {
			assertThat(basic(user, "wrong-" + i, address())).isEqualTo(401);
		}

		assertThat(basic(user, "demo", address())).as("right password of a locked user").isEqualTo(401);
		assertThat(this.auditLog.about(user)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("LOGIN_LOCKED_OUT");
			assertThat(entry.data()).contains("user");
		});
		awaitSignIn(user);
	}

	/**
	 * The lockout of the test profile lasts 3 s; afterwards the user signs in again (and
	 * other tests can).
	 */
	private void awaitSignIn(String user) throws Exception {
		long giveUp = System.currentTimeMillis() + 30_000;
		int status = basic(user, "demo", address());
		while (status == 401 && System.currentTimeMillis() < giveUp) {
			Thread.sleep(250);
			status = basic(user, "demo", address());
		}
		assertThat(status).as("sign-in after the lockout ended (the topology needs no permission)").isEqualTo(200);
	}

	@Test
	void shouldLockAnAddressOutAfterRepeatedFailuresOverManyUsers() throws Exception {
		String address = address();
		for (int i = 0; i < 20; i++) {
			basic("nobody-" + UUID.randomUUID(), "wrong", address);
		}

		assertThat(basic("auditor", "demo", address)).as("a valid user from the locked address").isEqualTo(401);
		assertThat(basic("auditor", "demo", address())).as("the same user from elsewhere").isNotEqualTo(401);
		assertThat(this.auditLog.about(address))
			.anySatisfy((entry) -> assertThat(entry.action()).isEqualTo("LOGIN_LOCKED_OUT"));
	}

}

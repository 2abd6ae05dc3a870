package fr.refactory.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import fr.refactory.test.idp.PlantIdentityProvider;
import org.awaitility.Awaitility;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the whole application: one Spring context (and so one
 * embedded PostgreSQL) per test JVM, shared by every subclass. Keep subclasses free of
 * their own properties and {@code @MockitoBean}s, or they get a context (and a database)
 * of their own.
 * <p>
 * The application's web server listens on a fixed free port chosen once per JVM, because
 * the Camunda client is built before the server binds and must know where to connect. The
 * {@code test} profile ({@code src/test/resources/application-test.yml}) turns the
 * engine's management endpoints on and configures Camunda Process Test for
 * {@code ProcessTestSupport}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
// Spring Boot's tests switch metrics export and tracing off by default; the product's
// /actuator/prometheus (ADR 0600)
// and its traces, kept in memory by TestSpans (ADR 1300), are under test
@AutoConfigureObservability
@Import({ TestClientRequests.class, TaskInputRecorder.class, AdminClients.class, TestSpans.class })
public abstract class RefactoryIntegrationTest {

	static {
		// Awaitility waits one poll interval before its first look unless told otherwise:
		// 100 ms per wait whose
		// condition already holds, hundreds of times per verify. Waits that set their own
		// poll delay keep it.
		Awaitility.setDefaultPollDelay(Duration.ZERO);
	}

	protected static final int PORT = freePort();

	/**
	 * Where the single sign-on tests start their OIDC provider
	 * (fr.refactory.test.idp.PlantIdentityProvider). The application is given its
	 * endpoints explicitly, so nothing calls the provider until someone signs in there.
	 */
	protected static final int IDENTITY_PROVIDER_PORT = freePort();

	private static final Path DATA_DIRECTORY = temporaryDataDirectory();

	@DynamicPropertySource
	static void applicationUnderTest(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("refactory.database.embedded.data-directory", DATA_DIRECTORY::toString);
		registry.add("refactory.database.embedded.synchronous-commit", () -> "off");
		identityProvider(registry, "http://localhost:" + IDENTITY_PROVIDER_PORT);
	}

	private static void identityProvider(DynamicPropertyRegistry registry, String issuer) {
		String registration = "spring.security.oauth2.client.registration.plant-idp.";
		registry.add(registration + "client-id", () -> PlantIdentityProvider.CONSOLE_CLIENT);
		registry.add(registration + "client-secret", () -> PlantIdentityProvider.CONSOLE_SECRET);
		registry.add(registration + "client-name", () -> "the plant's identity provider");
		registry.add(registration + "authorization-grant-type", () -> "authorization_code");
		registry.add(registration + "scope", () -> "openid,profile");
		registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		String provider = "spring.security.oauth2.client.provider.plant-idp.";
		registry.add(provider + "authorization-uri", () -> issuer + "/oauth2/authorize");
		registry.add(provider + "token-uri", () -> issuer + "/oauth2/token");
		registry.add(provider + "jwk-set-uri", () -> issuer + "/oauth2/jwks");
		registry.add(provider + "user-info-uri", () -> issuer + "/userinfo");
		registry.add(provider + "user-name-attribute", () -> "preferred_username");
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> issuer + "/oauth2/jwks");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
	}

	/**
	 * The application as the single sign-on tests' browser reaches it: loopback by
	 * address, as OAuth 2.1 wants.
	 */
	protected static String loopbackUrl() {
		return "http://127.0.0.1:" + PORT;
	}

	protected static String baseUrl() {
		return "http://localhost:" + PORT;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryDataDirectory() {
		try {
			Path target = Path.of("target");
			Files.createDirectories(target);
			return Files.createTempDirectory(target.toAbsolutePath(), "test-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

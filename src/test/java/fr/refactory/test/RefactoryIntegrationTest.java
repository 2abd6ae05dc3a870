package fr.refactory.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the whole application: one Spring context (and so one embedded PostgreSQL) per test
 * JVM, shared by every subclass. Keep subclasses free of their own properties and {@code @MockitoBean}s, or they get a
 * context (and a database) of their own.
 * <p>
 * The application's web server listens on a fixed free port chosen once per JVM, because the Camunda client is built
 * before the server binds and must know where to connect. The {@code test} profile
 * ({@code src/test/resources/application-test.yml}) turns the engine's management endpoints on and configures Camunda
 * Process Test for {@code ProcessTestSupport}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import({ TestClientRequests.class, AdminClients.class })
public abstract class RefactoryIntegrationTest {

	protected static final int PORT = freePort();

	private static final Path DATA_DIRECTORY = temporaryDataDirectory();

	@DynamicPropertySource
	static void applicationUnderTest(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("refactory.database.embedded.data-directory", DATA_DIRECTORY::toString);
		registry.add("refactory.database.embedded.synchronous-commit", () -> "off");
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

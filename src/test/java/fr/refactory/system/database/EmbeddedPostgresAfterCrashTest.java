package fr.refactory.system.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A product killed with kill -9 leaves its embedded PostgreSQL running (detached, parent
 * PID 1) in the data directory. The next start stops that server and starts on the same
 * data at the first attempt; a data directory that a running product still uses is
 * refused with a message naming the cause. The product runs in a JVM of its own
 * ({@link CrashedProductPostgres}), killed as kill -9 does.
 */
class EmbeddedPostgresAfterCrashTest {

	private final List<Process> products = new ArrayList<>();

	private final List<EmbeddedDatabase> started = new ArrayList<>();

	static EmbeddedDatabaseProperties properties(Path dataDirectory) {
		return new EmbeddedDatabaseProperties(dataDirectory, 0, "on", Duration.ofSeconds(60), Duration.ofSeconds(1));
	}

	@AfterEach
	void stopEverything() throws IOException, InterruptedException {
		for (EmbeddedDatabase postgres : this.started) {
			postgres.close();
		}
		for (Process product : this.products) {
			// SIGTERM: a product still running stops its database as it would on a normal
			// stop
			product.destroy();
			product.waitFor(60, TimeUnit.SECONDS);
		}
	}

	@Test
	void shouldStopTheServerLeftRunningByAKilledProductAndStartOnItsDataAtTheFirstAttempt() throws Exception {
		Path data = dataDirectory();
		Process product = startProduct(data);
		long leftRunning = postmasterPid(data);
		product.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(leftRunning)).get().matches(ProcessHandle::isAlive, "left running by the crash");

		EmbeddedDatabase restarted = start(data);

		assertThat(ProcessHandle.of(leftRunning).filter(ProcessHandle::isAlive)).isEmpty();
		try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select note from crash_marker")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("committed before the crash");
		}
	}

	@Test
	void shouldRefuseADataDirectoryThatARunningProductUsesNamingTheCause() throws Exception {
		Path data = dataDirectory();
		startProduct(data);
		long running = postmasterPid(data);

		assertThatThrownBy(() -> start(data)).hasMessageContaining(data.toString())
			.hasMessageContaining("another process");
		assertThat(ProcessHandle.of(running)).get()
			.matches(ProcessHandle::isAlive, "still serving the running product");
	}

	private EmbeddedDatabase start(Path data) {
		EmbeddedDatabase postgres = EmbeddedDatabase.start(properties(data));
		this.started.add(postgres);
		return postgres;
	}

	private Process startProduct(Path data) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process product = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				CrashedProductPostgres.class.getName(), data.toString())
			.redirectErrorStream(true)
			.start();
		this.products.add(product);
		BufferedReader output = new BufferedReader(
				new InputStreamReader(product.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null && !line.contains(CrashedProductPostgres.READY)) {
			System.out.println("[product] " + line);
		}
		assertThat(line).as("the product's embedded PostgreSQL started").isNotNull();
		Thread drain = new Thread(() -> output.lines().forEach((l) -> System.out.println("[product] " + l)));
		drain.setDaemon(true);
		drain.start();
		return product;
	}

	private static long postmasterPid(Path data) throws IOException {
		return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
	}

	private static Path dataDirectory() throws IOException {
		Path target = Path.of("target").toAbsolutePath();
		Files.createDirectories(target);
		return Files.createTempDirectory(target, "crash-postgres-");
	}

}

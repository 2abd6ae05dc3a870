package fr.refactory.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;

/**
 * The whole product in a JVM of its own (the test class path, main class
 * {@link RefactoryApplication}), as an operator runs it: started on a data directory and
 * port, stopped with SIGTERM or killed with kill -9. Its output goes to
 * {@code target/faults/<name>.log}.
 */
final class ProductProcess implements AutoCloseable {

	private static final Duration START_BOUND = Duration.ofMinutes(5);

	private final Process process;

	private final Path log;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ProductProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * The packaged jar when {@code -Dfaults.jar=target/<jar>} names one (after
	 * {@code ./mvnw package}: the product as it ships), else the test's classpath.
	 */
	private static List<String> launch() {
		String jar = System.getProperty("faults.jar", "");
		if (!jar.isBlank()) {
			return List.of("-jar", Path.of(jar).toAbsolutePath().toString());
		}
		return List.of("-cp", System.getProperty("java.class.path"), RefactoryApplication.class.getName());
	}

	static ProductProcess start(String name, Path dataDirectory, String... arguments) {
		return start(name, dataDirectory, RefactoryIntegrationTest.freePort(), arguments);
	}

	/**
	 * Starts the product on {@code port}, e.g. the port of a product that was killed, as
	 * its clients know it.
	 */
	static ProductProcess start(String name, Path dataDirectory, int port, String... arguments) {
		try {
			Path logs = Path.of("target", "faults").toAbsolutePath();
			Files.createDirectories(logs);
			Path log = logs.resolve(name + ".log");
			List<String> command = new ArrayList<>(List.of(java(), "-Xmx768m"));
			command.addAll(launch());
			command.addAll(List.of("--server.port=" + port,
					"--refactory.database.embedded.data-directory=" + dataDirectory, "--spring.main.banner-mode=off",
					// the product in its own JVM signs its workers in with the shipped
					// users (ADR 0503)
					"--refactory.security.development-credentials-allowed=true"));
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ProductProcess(process, log, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path newDataDirectory(String prefix) {
		try {
			Path target = Path.of("target").toAbsolutePath();
			Files.createDirectories(target);
			return Files.createTempDirectory(target, prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** Waits until {@code /actuator/health} answers UP. */
	void awaitHealthy() {
		awaitHealth((status) -> status == 200);
	}

	/** Waits until {@code /actuator/health} answers, whatever it says. */
	void awaitHealth(Predicate<Integer> status) {
		long deadline = System.nanoTime() + START_BOUND.toNanos();
		while (System.nanoTime() < deadline) {
			requireAlive();
			Optional<Integer> answered = healthStatus();
			if (answered.isPresent() && status.test(answered.get())) {
				return;
			}
			pause(200);
		}
		throw new AssertionError(
				"The product did not answer its health as expected within " + START_BOUND + "; see " + this.log);
	}

	/** The HTTP status of {@code /actuator/health}, empty when nothing answers. */
	Optional<Integer> healthStatus() {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return Optional.of(response.statusCode());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Waits until the product's log has a line containing {@code text}. */
	void awaitLog(String text) {
		long deadline = System.nanoTime() + START_BOUND.toNanos();
		while (System.nanoTime() < deadline) {
			requireAlive();
			if (logText().contains(text)) {
				return;
			}
			pause(100);
		}
		throw new AssertionError("The product did not log '" + text + "' within " + START_BOUND + "; see " + this.log);
	}

	String logText() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends SIGTERM and waits for the JVM to exit, at most {@code bound}.
	 * @return how long the product took to exit, empty if it still ran at the bound
	 */
	Optional<Duration> sigterm(Duration bound) {
		long sent = System.nanoTime();
		this.process.destroy();
		return awaitExit(sent, bound);
	}

	/**
	 * The PID of the PostgreSQL server running on {@code dataDirectory}, from its
	 * {@code postmaster.pid}.
	 */
	static long postmasterPid(Path dataDirectory) {
		try {
			return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** kill -9 of the product's JVM only (its PostgreSQL is a process of its own). */
	void kill() {
		this.process.destroyForcibly();
		awaitExit(System.nanoTime(), Duration.ofSeconds(30));
	}

	private Optional<Duration> awaitExit(long since, Duration bound) {
		try {
			if (this.process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
				return Optional.of(Duration.ofNanos(System.nanoTime() - since));
			}
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** PostgreSQL servers still running on {@code dataDirectory}. */
	static List<ProcessHandle> postgresServing(Path dataDirectory) {
		return ProcessHandle.allProcesses()
			.filter((p) -> p.info().command().map((c) -> c.endsWith("/postgres")).orElse(false))
			.filter((p) -> p.info()
				.arguments()
				.map((args) -> List.of(args).contains(dataDirectory.toString()))
				.orElse(false))
			.toList();
	}

	private void requireAlive() {
		if (!this.process.isAlive()) {
			throw new AssertionError("The product exited with " + this.process.exitValue() + "; see " + this.log);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (awaitExit(System.nanoTime(), Duration.ofSeconds(60)).isEmpty()) {
				this.process.destroyForcibly();
			}
		}
	}

}

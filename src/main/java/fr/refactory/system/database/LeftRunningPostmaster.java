package fr.refactory.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that a crashed product (kill -9, power cut of the JVM only) left
 * running in the embedded data directory: PostgreSQL detaches from the JVM, so it
 * survives it, keeps {@code postmaster.pid} and refuses a second server on the same data.
 * Before the embedded database starts, such a server is found and stopped (fast shutdown,
 * as {@code pg_ctl stop -m fast}); a data directory that a running product still uses is
 * refused (ADR 0254).
 */
final class LeftRunningPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftRunningPostmaster.class);

	/**
	 * The file zonky's EmbeddedPostgres locks while a product uses the data directory.
	 */
	private static final String PRODUCT_LOCK = "epg-lock";

	private static final String POSTMASTER_PID = "postmaster.pid";

	private final Path dataDirectory;

	private LeftRunningPostmaster(Path dataDirectory) {
		this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
	}

	/**
	 * Stops the server a crashed product left running in {@code dataDirectory}, if there
	 * is one.
	 */
	static void stopIfAny(Path dataDirectory, Duration stopTimeout) {
		LeftRunningPostmaster check = new LeftRunningPostmaster(dataDirectory);
		check.requireNoRunningProduct();
		check.leftRunning().ifPresent((postmaster) -> check.stop(postmaster, stopTimeout));
	}

	private void requireNoRunningProduct() {
		Path lockFile = this.dataDirectory.resolve(PRODUCT_LOCK);
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw inUse();
			}
			lock.release();
		}
		catch (OverlappingFileLockException ex) {
			throw inUse();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to check whether another process uses the embedded PostgreSQL"
					+ " data directory " + this.dataDirectory + ", but " + lockFile + " could not be read", ex);
		}
	}

	private IllegalStateException inUse() {
		return new IllegalStateException("Expected the embedded PostgreSQL data directory " + this.dataDirectory
				+ " to be free, but another process (a running Refactory Orchestrator) holds its lock " + PRODUCT_LOCK
				+ ": stop that process, or give this one its own refactory.database.embedded.data-directory");
	}

	/**
	 * The live postmaster of this data directory named by its {@code postmaster.pid}, if
	 * any.
	 */
	private Optional<ProcessHandle> leftRunning() {
		Path pidFile = this.dataDirectory.resolve(POSTMASTER_PID);
		List<String> lines = readLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return Optional.empty();
		}
		Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
			.filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// a stale file: PostgreSQL itself replaces it when its process is gone
			return Optional.empty();
		}
		if (!isPostgresServing(process.get())) {
			// the PID was reused by another program: PostgreSQL would refuse to start
			// while it lives
			log.warn("Removing {}: its PID {} is no longer a PostgreSQL server of this data directory", pidFile,
					process.get().pid());
			delete(pidFile);
			return Optional.empty();
		}
		return process;
	}

	private boolean isPostgresServing(ProcessHandle process) {
		boolean postgres = process.info()
			.command()
			.map((command) -> Path.of(command).getFileName().toString().equals("postgres"))
			.orElseThrow(() -> cannotInspect(process));
		return postgres && servesThisDirectory(process);
	}

	/** PostgreSQL changes its working directory to its data directory. */
	private boolean servesThisDirectory(ProcessHandle process) {
		try {
			return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), this.dataDirectory);
		}
		catch (IOException | SecurityException ex) {
			throw cannotInspect(process);
		}
	}

	private IllegalStateException cannotInspect(ProcessHandle process) {
		return new IllegalStateException("Expected to find out whether process " + process.pid() + ", named in "
				+ this.dataDirectory.resolve(POSTMASTER_PID) + ", is a PostgreSQL server left running in this data"
				+ " directory, but it cannot be inspected (another user's process?): stop it, or remove the file if it"
				+ " is not a PostgreSQL server");
	}

	private void stop(ProcessHandle postmaster, Duration timeout) {
		log.warn(
				"A PostgreSQL server (PID {}) was left running in {} by a product that did not stop (crash or"
						+ " kill -9): stopping it before starting the embedded database",
				postmaster.pid(), this.dataDirectory);
		CompletableFuture<ProcessHandle> exited = postmaster.onExit();
		fastShutdown(postmaster);
		try {
			exited.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Expected the PostgreSQL server (PID " + postmaster.pid()
					+ ") left running in " + this.dataDirectory + " to stop within " + timeout.toSeconds()
					+ " s, but it still runs: stop it by hand (pg_ctl -D " + this.dataDirectory + " stop -m fast)", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left running", ex);
		}
		log.info("Stopped the PostgreSQL server (PID {}) left running in {}", postmaster.pid(), this.dataDirectory);
	}

	/**
	 * SIGINT, PostgreSQL's fast shutdown: open transactions of the dead product roll
	 * back, committed work stays.
	 */
	private static void fastShutdown(ProcessHandle postmaster) {
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
			if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
				return;
			}
		}
		catch (IOException ex) {
			log.warn("Could not send SIGINT to PID {} ({}): sending SIGTERM (smart shutdown)", postmaster.pid(),
					ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		postmaster.destroy();
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.exists(file) ? Files.readAllLines(file) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to read " + file + ", but it failed", ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to remove the stale " + file + ", but it failed", ex);
		}
	}

}

package fr.refactory.system.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The product's embedded database in a JVM of its own, for
 * {@link EmbeddedPostgresAfterCrashTest}: starts it on the data directory given as
 * argument, writes a marker row, says so on standard output and waits to be killed.
 */
public final class CrashedProductPostgres {

	static final String READY = "embedded-postgres-ready";

	private CrashedProductPostgres() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabaseProperties properties = EmbeddedPostgresAfterCrashTest.properties(Path.of(args[0]));
		EmbeddedDatabase postgres = EmbeddedDatabase.start(properties);
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists crash_marker (note text)");
			statement.execute("insert into crash_marker values ('committed before the crash')");
		}
		// what the application context's close does on SIGTERM
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
		System.out.println(READY);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	private static void close(EmbeddedDatabase postgres) {
		try {
			postgres.close();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

package fr.refactory.system.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where PostgreSQL keeps its files; kept across restarts
 * @param port the port to listen on; 0 picks a free one at each start
 * @param synchronousCommit PostgreSQL's {@code synchronous_commit}; "on" so that a crash
 * loses no committed work
 * @param startupTimeout how long PostgreSQL may take to start (crash recovery replays its
 * log first) and a server left running by a crashed product to stop
 * @param watchdogInterval how often the product checks that its PostgreSQL still runs, to
 * start it again if it died
 */
@ConfigurationProperties("refactory.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDirectory,
		@DefaultValue("0") int port, @DefaultValue("on") String synchronousCommit,
		@DefaultValue("60s") Duration startupTimeout, @DefaultValue("1s") Duration watchdogInterval) {
}

package fr.refactory.system.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where PostgreSQL keeps its files; kept across restarts
 * @param port the port to listen on; 0 picks a free one at each start
 * @param synchronousCommit PostgreSQL's {@code synchronous_commit}; "on" so that a crash loses no committed work
 */
@ConfigurationProperties("refactory.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int port,
		@DefaultValue("on") String synchronousCommit) {
}

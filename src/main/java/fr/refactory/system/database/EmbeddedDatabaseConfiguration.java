package fr.refactory.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external database is configured. Setting {@code spring.datasource.url}
 * (for example through {@code SPRING_DATASOURCE_URL}) switches it off and Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
		try {
			Files.createDirectories(properties.dataDirectory());
			LeftRunningPostmaster.stopIfAny(properties.dataDirectory(), properties.startupTimeout());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(properties.dataDirectory())
				.setCleanDataDirectory(false)
				.setPort(properties.port())
				.setServerConfig("synchronous_commit", properties.synchronousCommit())
				.setPGStartupWait(properties.startupTimeout())
				// the application context stops it (close) after the web server and the pool: zonky's own JVM
				// shutdown hook would run beside Spring's and stop PostgreSQL under requests still draining
				.setRegisterShutdownHook(false)
				.start();
			log.info("Embedded PostgreSQL listening on port {} with data in {}", postgres.getPort(),
					properties.dataDirectory().toAbsolutePath().normalize());
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to start the embedded PostgreSQL in "
					+ properties.dataDirectory().toAbsolutePath() + ", but it failed", ex);
		}
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("refactory-embedded");
		return dataSource;
	}

}

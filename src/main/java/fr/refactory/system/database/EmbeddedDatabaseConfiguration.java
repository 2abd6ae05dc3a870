package fr.refactory.system.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external database is configured. Setting
 * {@code spring.datasource.url} (for example through {@code SPRING_DATASOURCE_URL})
 * switches it off and Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
		// the application context stops it (close) after the web server and the pool,
		// which depend on it (ADR 0256)
		return EmbeddedDatabase.start(properties);
	}

	@Bean
	EmbeddedDatabaseWatchdog embeddedDatabaseWatchdog(EmbeddedDatabase database,
			EmbeddedDatabaseProperties properties) {
		return new EmbeddedDatabaseWatchdog(database, properties.watchdogInterval(),
				EmbeddedDatabaseWatchdog.exitingTheJvm());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	DataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		// the same URL after a restart of the server (same port): the pool reconnects by
		// itself
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setPoolName("refactory-embedded");
		return dataSource;
	}

}

package fr.refactory.system.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set (as {@code SPRING_DATASOURCE_URL} does), the
 * application uses that PostgreSQL and starts no embedded one. The "external" database
 * here is a PostgreSQL started separately by the test.
 */
class ExternalDatabaseTest {

	static EmbeddedPostgres external;

	@BeforeAll
	static void startExternalPostgres() throws Exception {
		external = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopExternalPostgres() throws Exception {
		external.close();
	}

	@Test
	void shouldUseTheConfiguredDatabaseAndStartNoEmbeddedOne() {
		String url = external.getJdbcUrl("postgres", "postgres");
		try (ConfigurableApplicationContext app = StandaloneApplication.start("spring.datasource.url=" + url,
				"spring.datasource.username=postgres")) {

			assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
			JdbcTemplate appJdbc = app.getBean(JdbcTemplate.class);
			appJdbc.execute("create table external_probe (note text)");
			appJdbc.update("insert into external_probe values ('written by the application')");
		}

		JdbcTemplate externalJdbc = new JdbcTemplate(external.getPostgresDatabase());
		assertThat(externalJdbc.queryForList("select note from external_probe", String.class))
			.containsExactly("written by the application");
		assertThat(externalJdbc.queryForObject("select count(*) from flyway_schema_history where version = '001'",
				Integer.class))
			.as("Flyway migrated the external database")
			.isEqualTo(1);
	}

}

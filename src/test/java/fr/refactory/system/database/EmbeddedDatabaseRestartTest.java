package fr.refactory.system.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseRestartTest {

	@TempDir
	Path dataDirectory;

	@Test
	void shouldKeepCommittedDataWhenTheApplicationRestartsOnTheSameDataDirectory() {
		try (ConfigurableApplicationContext first = StandaloneApplication
			.startWithEmbeddedDatabase(this.dataDirectory)) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			jdbc.execute("create table restart_probe (vin text primary key)");
			jdbc.update("insert into restart_probe (vin) values (?)", "VF1MA000066123456");
		}

		try (ConfigurableApplicationContext second = StandaloneApplication
			.startWithEmbeddedDatabase(this.dataDirectory)) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);

			assertThat(jdbc.queryForList("select vin from restart_probe", String.class))
				.containsExactly("VF1MA000066123456");
			assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '001'",
					Integer.class))
				.as("migrations are not re-applied on restart")
				.isEqualTo(1);
		}
	}

}

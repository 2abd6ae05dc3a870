package archfixture.engine.state.query;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fixture for ArchitectureTest: a read model of a search, on the read side of
 * engine.state, where JDBC is allowed.
 */
public class FixtureJobQueries {

	private final JdbcTemplate jdbc;

	public FixtureJobQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Long> keysOfType(String type) {
		return this.jdbc.queryForList("select job_key from engine_job where type = ?", Long.class, type);
	}

}

package archfixture.engine.state;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fixture for ArchitectureTest: the store in engine.state, the one place allowed to write
 * the job table.
 */
public class FixtureJobStore {

	private final JdbcTemplate jdbc;

	public FixtureJobStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void complete(long jobKey) {
		this.jdbc.update("update engine_job set state = 'COMPLETED' where job_key = ?", jobKey);
	}

}

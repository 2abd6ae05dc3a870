package archfixture.engine.job;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fixture for ArchitectureTest: an engine class outside engine.state that writes the job
 * table itself.
 */
public class LeakyJobWriter {

	private final JdbcTemplate jdbc;

	public LeakyJobWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void complete(long jobKey) {
		this.jdbc.update("update engine_job set state = 'COMPLETED' where job_key = ?", jobKey);
	}

}

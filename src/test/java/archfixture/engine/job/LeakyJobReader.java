package archfixture.engine.job;

import javax.sql.DataSource;

/**
 * Fixture for ArchitectureTest: an engine class outside engine.state that holds the
 * DataSource itself.
 */
public class LeakyJobReader {

	private final DataSource dataSource;

	public LeakyJobReader(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

}

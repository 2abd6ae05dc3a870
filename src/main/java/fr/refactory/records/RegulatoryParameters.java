package fr.refactory.records;

import java.math.BigDecimal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regulatory targets, lead times and documented factors kept as master data
 * ({@code regulatory_parameter}, V096): the one place their values live (ADR 0912).
 */
@Component
public class RegulatoryParameters {

	private final JdbcTemplate jdbc;

	RegulatoryParameters(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The parameter's value; a code the master data lacks is a deployment error, not a
	 * default.
	 */
	@Transactional(readOnly = true)
	public BigDecimal value(String code) {
		return this.jdbc
			.query("select value from regulatory_parameter where parameter_code = ?", (rs, row) -> rs.getBigDecimal(1),
					code)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Expected the regulatory parameter " + code + " in the master data, but it is missing"));
	}

}

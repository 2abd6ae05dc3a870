package fr.refactory.records;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installer authorisations kit manufacturers granted, as recorded (ADR 0920):
 * append-only, a renewal is a new recording.
 */
@Component
public class InstallerAuthorisations {

	private final JdbcTemplate jdbc;

	InstallerAuthorisations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the recording once per idempotency key (a job delivered twice records once).
	 */
	@Transactional
	public void record(Recorded authorisation, String idempotencyKey) {
		this.jdbc.update("""
				insert into installer_authorisation (recording_id, installer_org, installer_name, kit_manufacturer,
				    authorisation_number, valid_from, valid_to, recorded_at, idempotency_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (idempotency_key) do nothing""", UUID.randomUUID(), authorisation.installerOrg(),
				authorisation.installerName(), authorisation.kitManufacturer(), authorisation.authorisationNumber(),
				Date.valueOf(authorisation.validFrom()), Date.valueOf(authorisation.validTo()),
				Timestamp.from(authorisation.recordedAt()), idempotencyKey);
	}

	/** Every recording of an installer, the latest first. */
	@Transactional(readOnly = true)
	public List<Recorded> of(String installerOrg) {
		return this.jdbc.query(SELECT + " where installer_org = ? order by recorded_at desc, valid_to desc",
				(rs, row) -> recorded(rs), installerOrg);
	}

	/** The kit manufacturer of the latest recorded authorisation, if any was recorded. */
	@Transactional(readOnly = true)
	public Optional<String> latestKitManufacturer() {
		return this.jdbc
			.queryForList("select kit_manufacturer from installer_authorisation order by recorded_at desc limit 1",
					String.class)
			.stream()
			.findFirst();
	}

	private static final String SELECT = """
			select installer_org, installer_name, kit_manufacturer, authorisation_number, valid_from, valid_to,
			       recorded_at
			from installer_authorisation""";

	private static Recorded recorded(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Recorded(rs.getString("installer_org"), rs.getString("installer_name"),
				rs.getString("kit_manufacturer"), rs.getString("authorisation_number"),
				rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
				rs.getTimestamp("recorded_at").toInstant());
	}

	/**
	 * @param validTo the last day the authorisation covers
	 */
	public record Recorded(String installerOrg, String installerName, String kitManufacturer,
			String authorisationNumber, LocalDate validFrom, LocalDate validTo, Instant recordedAt) {
	}

}

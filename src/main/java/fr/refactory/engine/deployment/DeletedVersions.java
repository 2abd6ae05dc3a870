package fr.refactory.engine.deployment;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The highest version of a deleted resource id, so that a later deployment never reuses it (Camunda semantics;
 * docs/decisions/0251). Kinds: {@link #PROCESS}, {@link #DECISION_REQUIREMENTS}, {@link #DECISION}, {@link #FORM}.
 */
public final class DeletedVersions {

	public static final String PROCESS = "PROCESS";

	public static final String DECISION_REQUIREMENTS = "DECISION_REQUIREMENTS";

	public static final String DECISION = "DECISION";

	public static final String FORM = "FORM";

	private DeletedVersions() {
	}

	/** The highest deleted version of the id, 0 if none was deleted. */
	public static int highest(JdbcTemplate jdbc, String kind, String id) {
		Integer highest = jdbc.queryForObject(
				"select max(version) from engine_deleted_version where resource_type = ? and resource_id = ?",
				Integer.class, kind, id);
		return highest == null ? 0 : highest;
	}

}

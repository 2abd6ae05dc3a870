package fr.refactory.system.security;

/**
 * Role names used in access rules. Candidate groups (who may work on which user task) are finer and configured per
 * user; roles decide which parts of the product a user reaches.
 */
public final class Roles {

	public static final String ADMIN = "ADMIN";

	public static final String ENGINE_CLIENT = "ENGINE_CLIENT";

	public static final String PROCESS_OWNER = "PROCESS_OWNER";

	public static final String INTAKE_OPERATOR = "INTAKE_OPERATOR";

	public static final String DIAGNOSTIC_TECHNICIAN = "DIAGNOSTIC_TECHNICIAN";

	public static final String RETROFIT_TECHNICIAN = "RETROFIT_TECHNICIAN";

	public static final String REMAN_TECHNICIAN = "REMAN_TECHNICIAN";

	public static final String BATTERY_TECHNICIAN = "BATTERY_TECHNICIAN";

	public static final String QUALITY_INSPECTOR = "QUALITY_INSPECTOR";

	public static final String AUDITOR = "AUDITOR";

	private Roles() {
	}

}

package fr.refactory.system.security;

import java.util.Collection;
import java.util.Set;

/**
 * Role names used in access rules. Candidate groups (who may work on which user task) are
 * finer and configured per user; roles decide which parts of the product a user reaches.
 */
public final class Roles {

	public static final String ADMIN = "ADMIN";

	/** A {@code /v2} client that works jobs (the application's own workers). */
	public static final String JOB_WORKER = "JOB_WORKER";

	/**
	 * A {@code /v2} client that publishes messages (the application's
	 * {@code process.publishMessage} worker).
	 */
	public static final String MESSAGE_PUBLISHER = "MESSAGE_PUBLISHER";

	/**
	 * The console's and audit views' own {@code /v2} client, acting for the signed-in
	 * person after its own checks.
	 */
	public static final String CONSOLE_CLIENT = "CONSOLE_CLIENT";

	/** A plant system that starts and cancels instances, sends messages and signals. */
	public static final String PLANT_SYSTEM = "PLANT_SYSTEM";

	/** A monitoring system (Prometheus) that scrapes the metrics (ADR 0600). */
	public static final String MONITORING = "MONITORING";

	/**
	 * Roles of API clients (programs, not people): they never sign in to pages (ADR
	 * 0506).
	 */
	public static final Set<String> API_CLIENT_ROLES = Set.of(JOB_WORKER, MESSAGE_PUBLISHER, CONSOLE_CLIENT,
			PLANT_SYSTEM, MONITORING);

	public static final String PROCESS_OWNER = "PROCESS_OWNER";

	public static final String INTAKE_OPERATOR = "INTAKE_OPERATOR";

	public static final String DIAGNOSTIC_TECHNICIAN = "DIAGNOSTIC_TECHNICIAN";

	public static final String RETROFIT_TECHNICIAN = "RETROFIT_TECHNICIAN";

	public static final String REMAN_TECHNICIAN = "REMAN_TECHNICIAN";

	public static final String BATTERY_TECHNICIAN = "BATTERY_TECHNICIAN";

	public static final String QUALITY_INSPECTOR = "QUALITY_INSPECTOR";

	public static final String AUDITOR = "AUDITOR";

	/**
	 * An operations engineer: repairs stuck instances (modify, resolve, cancel), migrates
	 * them and acts on many at once through {@code /v2} (ADR 1021). A person, who also
	 * signs in to the pages.
	 */
	public static final String OPERATIONS = "OPERATIONS";

	/** Leads a shift: sees and signs the shift handover (ADR 0711). */
	public static final String SHIFT_LEADER = "SHIFT_LEADER";

	private Roles() {
	}

	/**
	 * A user holding only API client roles is a program: no pages, no per-user sign-in
	 * lockout (ADR 0506).
	 */
	public static boolean isApiClient(Collection<String> roles) {
		return !roles.isEmpty() && API_CLIENT_ROLES.containsAll(roles);
	}

}

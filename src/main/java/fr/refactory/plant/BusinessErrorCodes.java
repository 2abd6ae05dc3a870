package fr.refactory.plant;

/**
 * The BPMN error codes of domain brief §3.10 that plant systems can cause. A plant system
 * may send other codes; these are the ones the process models catch.
 */
public final class BusinessErrorCodes {

	public static final String VIN_INVALID = "VIN_INVALID";

	public static final String HV_TEST_FAILED = "HV_TEST_FAILED";

	public static final String KIT_DAMAGED = "KIT_DAMAGED";

	public static final String BENCH_UNAVAILABLE = "BENCH_UNAVAILABLE";

	public static final String HABILITATION_MISSING = "HABILITATION_MISSING";

	private BusinessErrorCodes() {
	}

}

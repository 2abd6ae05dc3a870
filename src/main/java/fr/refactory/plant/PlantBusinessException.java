package fr.refactory.plant;

import org.springframework.util.Assert;

/**
 * A plant system answered with a business outcome the process models as a BPMN error
 * (domain brief §3.10), for example {@link BusinessErrorCodes#BENCH_UNAVAILABLE}. Workers
 * throw the {@link #errorCode()} as a BPMN error; retrying would give the same answer.
 */
public class PlantBusinessException extends RuntimeException {

	private final String system;

	private final String errorCode;

	private final String reason;

	public PlantBusinessException(String system, String errorCode, String reason) {
		super(system + ": " + errorCode + ": " + reason);
		Assert.hasText(errorCode, "Expected a BPMN error code, but it was blank");
		this.system = system;
		this.errorCode = errorCode;
		this.reason = reason;
	}

	public String system() {
		return this.system;
	}

	public String errorCode() {
		return this.errorCode;
	}

	/** The message without the system and code prefix, as the plant system phrased it. */
	public String reason() {
		return this.reason;
	}

}

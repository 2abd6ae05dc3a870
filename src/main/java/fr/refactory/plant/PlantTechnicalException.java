package fr.refactory.plant;

/**
 * A plant system could not be reached or did not answer properly: I/O errors, time-outs,
 * outages, 5xx responses. The job should fail and be retried with back-off; when
 * {@link #isRetryable()} is false (the system rejected the request as malformed) retrying
 * will not help and the job should go straight to an incident.
 */
public class PlantTechnicalException extends RuntimeException {

	private final String system;

	private final boolean retryable;

	public PlantTechnicalException(String system, String message, boolean retryable, Throwable cause) {
		super(system + ": " + message, cause);
		this.system = system;
		this.retryable = retryable;
	}

	public static PlantTechnicalException retryable(String system, String message) {
		return new PlantTechnicalException(system, message, true, null);
	}

	public String system() {
		return this.system;
	}

	public boolean isRetryable() {
		return this.retryable;
	}

}

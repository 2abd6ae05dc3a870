package fr.refactory.workers.support;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.PlantTechnicalException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;

/**
 * How every worker turns what happened at the plant into a job outcome (domain brief §3.10):
 * <ul>
 * <li>a business outcome ({@link PlantBusinessException} or a business rule of the worker) becomes a BPMN error with
 * its §3.10 code, caught by the model or, where nothing catches it, an incident that names the code;</li>
 * <li>a technical failure ({@link PlantTechnicalException}) fails the job with one retry less and a back-off, so the
 * engine retries and raises an incident when the retries are used up; a failure the plant system says retrying will
 * not cure goes to an incident at once;</li>
 * <li>a job the model feeds wrongly (a missing variable, {@link MissingVariableException}) goes to an incident at
 * once: retrying cannot help.</li>
 * </ul>
 * The starter's job handler sends the fail or throw-error command for the {@link CamundaError} thrown here.
 */
public final class JobOutcome {

	/** Wait between two attempts of a job that failed technically. */
	public static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

	private JobOutcome() {
	}

	/** Runs the worker's port call and translates plant failures into the job outcome. */
	public static <T> T call(ActivatedJob job, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (PlantBusinessException ex) {
			throw businessError(ex.errorCode(), ex.getMessage());
		}
		catch (PlantTechnicalException ex) {
			throw technicalFailure(job, ex);
		}
	}

	/**
	 * For bench calls where the model says {@code BENCH_UNAVAILABLE} is thrown "when the last retry fails": an
	 * unavailable bench fails the job with back-off while retries remain, then becomes the BPMN error.
	 */
	public static <T> T callBench(ActivatedJob job, Supplier<T> work) {
		try {
			return call(job, work);
		}
		catch (BpmnError error) {
			if (!BusinessErrorCodes.BENCH_UNAVAILABLE.equals(error.getErrorCode())) {
				throw error;
			}
			if (job.getRetries() > 1) {
				throw CamundaError.jobError(error.getErrorMessage() + "; retries left: " + (job.getRetries() - 1),
						Map.of(), job.getRetries() - 1, RETRY_BACKOFF, error);
			}
			throw businessError(error.getErrorCode(), error.getErrorMessage() + " (on the last retry)");
		}
	}

	public static BpmnError businessError(String code, String message) {
		return CamundaError.bpmnError(code, message, Map.of("errorReason", message));
	}

	public static JobError technicalFailure(ActivatedJob job, PlantTechnicalException ex) {
		int retries = ex.isRetryable() ? Math.max(job.getRetries() - 1, 0) : 0;
		String message = ex.getMessage() + (ex.isRetryable() ? "; retries left: " + retries : "; not retryable");
		return CamundaError.jobError(message, Map.of(), retries, retries > 0 ? RETRY_BACKOFF : Duration.ZERO, ex);
	}

	/**
	 * A number this worker hands out itself (no plant system behind it yet), such as {@code TOR-3F2A9C01B7}: derived
	 * from the job key, so a job delivered twice hands out the same number.
	 */
	public static String numberFor(String prefix, ActivatedJob job) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest((prefix + "|" + key(job).value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return prefix + "-" + java.util.HexFormat.of().withUpperCase().formatHex(digest, 0, 5);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Expected every JVM to provide SHA-256", ex);
		}
	}

	/** The idempotency key of the job's one plant command. */
	public static IdempotencyKey key(ActivatedJob job) {
		return IdempotencyKey.ofJob(job.getKey(), job.getType());
	}

	/** The idempotency key of one of several plant commands or records of the same job. */
	public static IdempotencyKey key(ActivatedJob job, String action) {
		return IdempotencyKey.ofJob(job.getKey(), job.getType() + ":" + action);
	}

}

package fr.refactory.plant;

import org.springframework.util.Assert;

/**
 * Identifies one request to a plant system so that delivering it twice has the effect of
 * delivering it once. Workers pass the job key (plus what they do, when one job makes
 * several calls); HTTP adapters send it as the {@code Idempotency-Key} header and the
 * simulated adapters derive the ids they hand out from it.
 *
 * @param value non-blank key, e.g. {@code 2251799813685249:mes.createWorkOrder}
 */
public record IdempotencyKey(String value) {

	public IdempotencyKey {
		Assert.hasText(value, "Expected an idempotency key, but it was blank");
	}

	public static IdempotencyKey of(String value) {
		return new IdempotencyKey(value);
	}

	/**
	 * @param jobKey the engine's key of the job being worked on
	 * @param action what the job does with the plant system, for jobs that make more than
	 * one call
	 */
	public static IdempotencyKey ofJob(long jobKey, String action) {
		return new IdempotencyKey(jobKey + ":" + action);
	}

}

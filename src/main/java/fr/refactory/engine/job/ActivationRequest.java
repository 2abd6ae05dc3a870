package fr.refactory.engine.job;

import java.util.List;

import fr.refactory.engine.Rejection;

/** {@code POST /v2/jobs/activation} body. */
public record ActivationRequest(String type, String worker, Long timeout, Integer maxJobsToActivate,
		List<String> fetchVariable, Long requestTimeout, List<String> tenantIds) {

	public ActivationRequest validated() {
		if (this.type == null || this.type.isBlank()) {
			throw Rejection.invalidArgument("Expected a non-empty job type, but got none");
		}
		if (this.maxJobsToActivate == null || this.maxJobsToActivate < 1) {
			throw Rejection.invalidArgument(
					"Expected maxJobsToActivate to be greater than zero, but got " + this.maxJobsToActivate);
		}
		if (this.timeout == null || this.timeout < 1) {
			throw Rejection.invalidArgument("Expected timeout to be greater than zero, but got " + this.timeout);
		}
		return this;
	}

	public String workerName() {
		return this.worker == null ? "default" : this.worker;
	}

}

package fr.refactory.workers.support;

import java.time.Duration;

import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;

import org.springframework.stereotype.Component;

/**
 * How the plant workers poll: one long poll per job type, held {@value #LONG_POLL_SECONDS} s instead of the client's
 * 10 s. The application runs one worker per job type (about 65) on one client; with 10 s long polls they re-poll
 * together six times a minute and the embedded engine answers the other API calls late. A worker is woken as soon as
 * a job of its type is created, so the longer poll does not delay new jobs; a job waiting out a retry back-off is
 * picked up by the next poll. The starter leaves the annotation's default as a negative duration; a positive value set
 * on the annotation or through {@code camunda.client.worker.override.*} is kept.
 */
@Component
public class WorkerPolling implements JobWorkerValueCustomizer {

	static final long LONG_POLL_SECONDS = 30;

	@Override
	public void customize(JobWorkerValue worker) {
		Duration requested = worker.getRequestTimeout();
		if (requested == null || requested.isNegative() || requested.isZero()) {
			worker.setRequestTimeout(Duration.ofSeconds(LONG_POLL_SECONDS));
		}
	}

}

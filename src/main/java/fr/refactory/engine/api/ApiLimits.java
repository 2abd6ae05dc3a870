package fr.refactory.engine.api;

import java.time.Duration;

import fr.refactory.engine.Rejection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refactory.engine.api.limits.*}: the largest durations a {@code /v2} client may
 * ask for. Beyond them a request is rejected (400) instead of holding a connection open
 * for ever or overflowing a deadline (ADR 0501).
 *
 * @param maxRequestTimeout long poll of a job activation, wait of {@code awaitCompletion}
 * @param maxJobTimeout how long an activated job stays with its worker (activation and
 * job update)
 * @param maxRetryBackOff delay before a failed job with retries left can be activated
 * again
 * @param maxMessageTimeToLive how long a published message stays buffered
 */
@ConfigurationProperties("refactory.engine.api.limits")
record ApiLimits(@DefaultValue("PT1H") Duration maxRequestTimeout, @DefaultValue("P30D") Duration maxJobTimeout,
		@DefaultValue("P30D") Duration maxRetryBackOff, @DefaultValue("P365D") Duration maxMessageTimeToLive) {

	void requestTimeout(Long millis) {
		check("requestTimeout", millis, this.maxRequestTimeout, true);
	}

	void jobTimeout(Long millis) {
		check("timeout", millis, this.maxJobTimeout, false);
	}

	void retryBackOff(Long millis) {
		check("retryBackOff", millis, this.maxRetryBackOff, false);
	}

	void messageTimeToLive(Long millis) {
		check("timeToLive", millis, this.maxMessageTimeToLive, false);
	}

	/**
	 * A null value means the default; a negative request time-out means "answer at once"
	 * (Camunda semantics).
	 */
	private static void check(String field, Long millis, Duration max, boolean negativeAllowed) {
		if (millis == null) {
			return;
		}
		if (millis < 0 && !negativeAllowed) {
			throw Rejection.invalidArgument(
					"Expected " + field + " to be a non-negative number of milliseconds, but got " + millis);
		}
		if (millis > max.toMillis()) {
			throw Rejection.invalidArgument(
					"Expected " + field + " to be at most " + max.toMillis() + " ms (" + max + "), but got " + millis);
		}
	}

}

package fr.refactory.test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.camunda.client.api.command.ClientException;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaAssertAwaitBehavior;
import org.assertj.core.api.SoftAssertionsProvider.ThrowingRunnable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How CamundaAssert and CPT's helpers wait, installed with
 * {@link CamundaAssert#setAwaitBehavior}: like CPT 8.8.14's own Awaitility behaviour
 * (retry until the timeout, client errors retried, the last assertion failure reported),
 * but the first attempt is made at once. CPT's behaviour sets a poll interval and no poll
 * delay, and Awaitility then waits one whole interval before the first attempt, so every
 * assertion and every completeJob/completeUserTask cost at least 100 ms even when the
 * state was reached long before (docs/decisions/0246).
 */
public final class PromptAwaitBehavior implements CamundaAssertAwaitBehavior {

	/** Between two attempts, once the first has failed (CPT: 100 ms). */
	public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(20);

	private volatile Duration timeout = CamundaAssert.DEFAULT_ASSERTION_TIMEOUT;

	private volatile Duration interval = DEFAULT_INTERVAL;

	@Override
	public void untilAsserted(ThrowingRunnable assertion) throws AssertionError {
		AtomicReference<AssertionError> failure = new AtomicReference<>();
		AtomicReference<Exception> unexpected = new AtomicReference<>();
		try {
			Awaitility.await()
				.pollDelay(Duration.ZERO)
				.pollInterval(this.interval)
				.timeout(this.timeout)
				.ignoreExceptionsInstanceOf(ClientException.class)
				.untilAsserted(() -> {
					try {
						assertion.run();
					}
					catch (AssertionError ex) {
						failure.set(ex);
						throw ex;
					}
					catch (Exception ex) {
						unexpected.set(ex);
						throw ex;
					}
				});
		}
		catch (ConditionTimeoutException timedOut) {
			if (failure.get() != null) {
				throw new AssertionError(failure.get().getMessage(), timedOut);
			}
			if (unexpected.get() != null) {
				throw new AssertionError(
						"No assertion failed, but an unexpected exception was thrown until the timeout",
						unexpected.get());
			}
			throw new AssertionError("The assertion timed out before it could be evaluated", timedOut);
		}
	}

	@Override
	public void setAssertionTimeout(Duration assertionTimeout) {
		this.timeout = assertionTimeout;
	}

	@Override
	public void setAssertionInterval(Duration assertionInterval) {
		this.interval = assertionInterval;
	}

}

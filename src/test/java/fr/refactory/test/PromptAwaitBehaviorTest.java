package fr.refactory.test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.camunda.client.api.command.ClientException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The await behaviour of process tests: first attempt at once, retries at the interval,
 * CPT's failure reporting.
 */
class PromptAwaitBehaviorTest {

	@Test
	void shouldMakeTheFirstAttemptAtOnceNotAfterOneInterval() {
		PromptAwaitBehavior behavior = new PromptAwaitBehavior();
		// an interval far beyond the timeout: only an immediate first attempt can pass
		behavior.setAssertionInterval(Duration.ofHours(1));
		behavior.setAssertionTimeout(Duration.ofSeconds(20));
		AtomicInteger attempts = new AtomicInteger();

		String value = behavior.until(() -> "ready", (ready) -> attempts.incrementAndGet());

		assertThat(value).isEqualTo("ready");
		assertThat(attempts).hasValue(1);
	}

	@Test
	void shouldRetryClientErrorsAndFailedAssertionsUntilTheyPass() {
		PromptAwaitBehavior behavior = new PromptAwaitBehavior();
		behavior.setAssertionInterval(Duration.ofMillis(5));
		behavior.setAssertionTimeout(Duration.ofSeconds(20));
		AtomicInteger attempts = new AtomicInteger();

		behavior.untilAsserted(() -> {
			int attempt = attempts.incrementAndGet();
			if (attempt == 1) {
				throw new ClientException("engine busy");
			}
			assertThat(attempt).isGreaterThanOrEqualTo(3);
		});

		assertThat(attempts).hasValue(3);
	}

	@Test
	void shouldReportTheLastAssertionFailureAtTheTimeout() {
		PromptAwaitBehavior behavior = new PromptAwaitBehavior();
		behavior.setAssertionInterval(Duration.ofMillis(5));
		behavior.setAssertionTimeout(Duration.ofMillis(200));

		assertThatThrownBy(() -> behavior.untilAsserted(() -> assertThat("active").as("state").isEqualTo("completed")))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("state")
			.hasMessageContaining("completed");
	}

}

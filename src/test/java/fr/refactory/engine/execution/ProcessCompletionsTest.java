package fr.refactory.engine.execution;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request time-outs of {@code awaitCompletion}: timed, run at most once, and run at once
 * when the engine stops.
 */
class ProcessCompletionsTest {

	@Test
	void shouldRunPendingTimeoutsOnceWhenStoppedAndLaterOnesAtOnce() {
		ProcessCompletions completions = new ProcessCompletions();
		completions.start();
		AtomicInteger expired = new AtomicInteger();

		completions.schedule(expired::incrementAndGet, 60_000);
		assertThat(expired).hasValue(0);
		completions.stop();
		assertThat(expired).hasValue(1);
		completions.stop();
		assertThat(expired).as("never twice").hasValue(1);

		completions.schedule(expired::incrementAndGet, 60_000);
		assertThat(expired).as("while stopped, at once").hasValue(2);
		completions.shutDownThreads();
	}

}

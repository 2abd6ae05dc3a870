package fr.refactory.engine.job;

import java.util.ArrayList;
import java.util.List;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.request.async.DeferredResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application answers the waiting long polls at once, so the web server's
 * graceful shutdown does not wait out every worker's request time-out.
 */
class JobWaitersShutdownTest extends RefactoryIntegrationTest {

	@Autowired
	private JobWaiters waiters;

	@AfterEach
	void restart() {
		this.waiters.start();
	}

	@Test
	void shouldAnswerAWaitingLongPollWithNoJobsWhenStoppedAndNotLongPollWhileStopped() {
		ActivationRequest request = new ActivationRequest("shutdown-test-" + System.nanoTime(), "test", 60_000L, 1,
				List.of(), 60_000L, List.of());
		DeferredResult<JobWaiters.ActivationResponse> waiting = new DeferredResult<>();
		List<List<Long>> delivered = new ArrayList<>();
		this.waiters.await(request, waiting, true, 60_000, delivered::add);
		assertThat(waiting.hasResult()).as("waits for a job").isFalse();

		this.waiters.stop();

		assertThat(waiting.hasResult()).isTrue();
		assertThat(((JobWaiters.ActivationResponse) waiting.getResult()).jobs()).isEmpty();
		DeferredResult<JobWaiters.ActivationResponse> later = new DeferredResult<>();
		this.waiters.await(request, later, true, 60_000, delivered::add);
		assertThat(later.hasResult()).as("answered at once while stopping").isTrue();
		assertThat(this.waiters.isRunning()).isFalse();
	}

}

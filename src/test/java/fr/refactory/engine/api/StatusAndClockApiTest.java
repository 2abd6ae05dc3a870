package fr.refactory.engine.api;

import java.time.Duration;
import java.time.Instant;

import fr.refactory.engine.clock.ControlledClock;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.StatusResponse;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /v2/status}, {@code PUT /v2/clock} and {@code POST /v2/clock/reset} through
 * the client. The tests run with {@code refactory.engine.management.enabled=true}; the
 * disabled case is {@link ClockControllerDisabledTest}.
 */
class StatusAndClockApiTest extends EngineTestSupport {

	@Autowired
	private ControlledClock engineClock;

	@AfterEach
	void resetClock() {
		this.engineClock.reset();
	}

	@Test
	void shouldAnswerUpWhenTheEngineServes() throws Exception {
		assertThat(this.client.newStatusRequest().send().join().getStatus()).isEqualTo(StatusResponse.Status.UP);
		assertThat(raw("GET", "/v2/status", "application/json", null).statusCode()).isEqualTo(204);
	}

	@Test
	void shouldPinTheEngineClockFireWhatIsDueAndResetIt() throws Exception {
		String id = uniqueId("pinned");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.intermediateCatchEvent("wait", (e) -> e.timerWithDuration("PT1H"))
			.endEvent()
			.done());
		long instance = start(id);
		Instant pinned = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

		this.client.newPinClockCommand().time(pinned).send().join();

		assertThat(this.engineClock.instant()).isEqualTo(pinned);
		Thread.sleep(20);
		assertThat(this.engineClock.instant()).as("a pinned clock stands still").isEqualTo(pinned);
		await().atMost(Duration.ofSeconds(10)).until(() -> state(instance) == ProcessInstanceState.COMPLETED);

		this.client.newResetClockCommand().send().join();

		assertThat(Duration.between(this.engineClock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
		Instant before = this.engineClock.instant();
		Thread.sleep(20);
		assertThat(this.engineClock.instant()).as("a reset clock ticks again").isAfter(before);
	}

	@Test
	void shouldRejectAPinWithoutAValidTimestampAndLeaveTheClockAlone() throws Exception {
		for (String body : new String[] { "{}", "{\"timestamp\":-1}", "{\"timestamp\":\"tomorrow\"}", "{" }) {
			var response = raw("PUT", "/v2/clock", "application/json", body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body)
				.startsWith("application/problem+json");
		}
		assertThat(Duration.between(this.engineClock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
	}

}

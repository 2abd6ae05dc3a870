package fr.refactory.workers.message;

import java.util.Map;

import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.TestJob;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.PublishMessageCommandStep1;
import io.camunda.client.api.command.PublishMessageCommandStep1.PublishMessageCommandStep2;
import io.camunda.client.api.command.PublishMessageCommandStep1.PublishMessageCommandStep3;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.exception.JobError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The embedded engine does not take messages yet (part 2), so the worker's command is checked against a client
 * double: name from the header, correlation key and variables from the inputs, message id from the job key.
 */
class PublishMessageWorkerTest {

	private final CamundaClient client = mock(CamundaClient.class);

	private final PublishMessageCommandStep1 step1 = mock(PublishMessageCommandStep1.class);

	private final PublishMessageCommandStep2 step2 = mock(PublishMessageCommandStep2.class);

	private final PublishMessageCommandStep3 step3 = mock(PublishMessageCommandStep3.class, Answers.RETURNS_SELF);

	@SuppressWarnings("unchecked")
	private final CamundaFuture<PublishMessageResponse> sent = mock(CamundaFuture.class);

	private final PublishMessageWorker worker = new PublishMessageWorker(this.client);

	@BeforeEach
	void client() {
		when(this.client.newPublishMessageCommand()).thenReturn(this.step1);
		when(this.step1.messageName(anyString())).thenReturn(this.step2);
		when(this.step2.correlationKey(anyString())).thenReturn(this.step3);
		when(this.step3.send()).thenReturn(this.sent);
	}

	@Test
	void publishesTheHeadersMessageWithTheInputsAndAMessageIdFromTheJobKey() {
		TestJob job = TestJob.of("process.publishMessage",
				Map.of("correlationKey", "BAT-1", "messageVariables", Map.of("batteryId", "BAT-1", "origin", "DISMANTLING")))
			.header("messageName", "BatteryReceived");

		assertThat(this.worker.publish(job)).isEmpty();

		verify(this.step1).messageName("BatteryReceived");
		verify(this.step2).correlationKey("BAT-1");
		verify(this.step3).messageId("process.publishMessage:" + job.getKey());
		verify(this.step3).variables(Map.<String, Object>of("batteryId", "BAT-1", "origin", "DISMANTLING"));
		verify(this.sent).join();
	}

	@Test
	void aRedeliveredJobPublishesWithTheSameMessageId() {
		TestJob job = TestJob.of("process.publishMessage", Map.of("correlationKey", "C-1"))
			.header("messageName", "CoreAnnounced");

		assertThat(PublishMessageWorker.messageId(job.again())).isEqualTo(PublishMessageWorker.messageId(job));
	}

	@Test
	void anEngineThatDoesNotTakeTheMessageIsRetriedWithBackOff() {
		when(this.step3.send()).thenThrow(new ClientException("engine unavailable"));
		TestJob job = TestJob.of("process.publishMessage", Map.of("correlationKey", "C-1"))
			.header("messageName", "CoreAnnounced")
			.retries(3);

		assertThatThrownBy(() -> this.worker.publish(job)).isInstanceOfSatisfying(JobError.class, (error) -> {
			assertThat(error.getRetries()).isEqualTo(2);
			assertThat(error.getRetryBackoff()).isEqualTo(JobOutcome.RETRY_BACKOFF);
		});
	}

	@Test
	void withoutMessageNameNothingIsPublishedAndTheJobGoesToAnIncident() {
		TestJob job = TestJob.of("process.publishMessage", Map.of("correlationKey", "C-1"));

		assertThatThrownBy(() -> this.worker.publish(job)).isInstanceOfSatisfying(JobError.class,
				(error) -> assertThat(error.getRetries()).isZero());
		verify(this.client, never()).newPublishMessageCommand();
	}

}

package fr.refactory.engine.element;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publications racing each other and racing the opening of subscriptions, sent
 * concurrently through the real client: a message id is accepted once (Camunda 8 answers
 * the duplicate 409 ALREADY_EXISTS), and a buffered message published while its instance
 * is being created correlates once the instance's subscription opens (ADR 0255).
 */
class MessageRaceTest extends EngineTestSupport {

	private static final int PAIRS = 40;

	private String waitingProcess(String messageName) {
		String processId = uniqueId("message-race");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.scriptTask("prepare", (t) -> t.zeebeExpression("orderId + \"-prepared\"").zeebeResultVariable("prepared"))
			.intermediateCatchEvent("waitForPayment",
					(e) -> e.message((m) -> m.name(messageName).zeebeCorrelationKeyExpression("orderId")))
			.endEvent()
			.done());
		return processId;
	}

	@Test
	void shouldAcceptExactlyOneOfTwoConcurrentPublicationsWithTheSameMessageId() throws Exception {
		String name = uniqueId("paid");
		String processId = waitingProcess(name);
		int accepted = 0;
		int rejected = 0;
		for (int pair = 0; pair < PAIRS; pair++) {
			String key = "order-" + pair;
			List<CompletionStage<PublishMessageResponse>> both = atOnce(2,
					() -> this.client.newPublishMessageCommand()
						.messageName(name)
						.correlationKey(key)
						.messageId("payment-" + key)
						.timeToLive(Duration.ofMinutes(10))
						.send());
			for (CompletionStage<PublishMessageResponse> publication : both) {
				try {
					publication.toCompletableFuture().join();
					accepted++;
				}
				catch (RuntimeException ex) {
					Throwable problem = (ex instanceof CompletionException) ? ex.getCause() : ex;
					assertThat(problem).isInstanceOf(ProblemException.class);
					assertThat(((ProblemException) problem).details().getTitle()).isEqualTo("ALREADY_EXISTS");
					rejected++;
				}
			}
		}
		assertThat(accepted).as("publications accepted").isEqualTo(PAIRS);
		assertThat(rejected).as("duplicates rejected").isEqualTo(PAIRS);

		// the one accepted message is used once: a second instance on the same key keeps
		// waiting
		long first = start(processId, Map.of("orderId", "order-0"));
		long second = start(processId, Map.of("orderId", "order-0"));
		assertThat(state(first)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(state(second)).isEqualTo(ProcessInstanceState.ACTIVE);
	}

	@Test
	void shouldCorrelateAMessagePublishedWhileItsInstanceIsBeingCreated() throws Exception {
		String name = uniqueId("paid");
		String processId = waitingProcess(name);
		List<Long> instances = new ArrayList<>();
		for (int pair = 0; pair < PAIRS; pair++) {
			String key = "order-" + pair;
			CountDownLatch go = new CountDownLatch(1);
			Thread publisher = started(() -> {
				await(go);
				this.client.newPublishMessageCommand()
					.messageName(name)
					.correlationKey(key)
					.timeToLive(Duration.ofMinutes(10))
					.send()
					.join();
			});
			CompletionStage<ProcessInstanceEvent> creation = this.client.newCreateInstanceCommand()
				.bpmnProcessId(processId)
				.latestVersion()
				.variables(Map.of("orderId", key))
				.send();
			go.countDown();
			instances.add(creation.toCompletableFuture().join().getProcessInstanceKey());
			publisher.join();
		}

		// both commands have answered: whichever committed last saw the other's work
		assertThat(instances.stream().filter((instance) -> state(instance) != ProcessInstanceState.COMPLETED).toList())
			.as("instances still waiting for a message published during their creation")
			.isEmpty();
	}

	/** Sends {@code count} commands from as many threads released together. */
	private static <T> List<CompletionStage<T>> atOnce(int count, java.util.function.Supplier<CompletionStage<T>> send)
			throws InterruptedException {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletionStage<T>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = IntStream.range(0, count).mapToObj((i) -> started(() -> {
			await(go);
			sent.add(send.get());
		})).toList();
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		for (CompletionStage<T> one : sent) {
			try {
				one.toCompletableFuture().get(60, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// inspected by the caller
			}
		}
		return sent;
	}

	private static Thread started(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	private static void await(CountDownLatch go) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

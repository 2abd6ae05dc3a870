package fr.refactory.engine.element;

import java.time.Duration;
import java.util.Map;

import fr.refactory.engine.EngineClock;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event-based gateway with message, timer and signal catch events: the first event wins,
 * the others are closed.
 */
class EventBasedGatewayTest extends EngineTestSupport {

	private final EngineClock clock = new EngineClock(baseUrl());

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** Waits for the kit to be delivered, a cancellation signal, or 2 days. */
	private String deployKitWait(String message, String signal) {
		String processId = uniqueId("event-gateway");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.eventBasedGateway("waitForKit")
			.intermediateCatchEvent("kitDelivered",
					(e) -> e.message((m) -> m.name(message).zeebeCorrelationKeyExpression("orderId")))
			.endEvent("install")
			.moveToNode("waitForKit")
			.intermediateCatchEvent("kitLate", (e) -> e.timerWithDuration("P2D"))
			.endEvent("replan")
			.moveToNode("waitForKit")
			.intermediateCatchEvent("orderCancelled", (e) -> e.signal(signal))
			.endEvent("cancelled")
			.done());
		return processId;
	}

	@Test
	void shouldTakeTheMessageBranchWhenTheMessageComesFirst() {
		String message = uniqueId("kit-delivered");
		String processId = deployKitWait(message, uniqueId("order-cancelled"));
		long instance = start(processId, Map.of("orderId", "K-1"));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "waitForKit:ACTIVE");
		assertThat(elements(instance)).filteredOn((e) -> e.getElementId().equals("waitForKit"))
			.singleElement()
			.satisfies((e) -> assertThat(e.getType()).isEqualTo(ElementInstanceType.EVENT_BASED_GATEWAY));

		this.client.newPublishMessageCommand()
			.messageName(message)
			.correlationKey("K-1")
			.variables(Map.of("kitSerial", "KIT-9"))
			.send()
			.join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "waitForKit:COMPLETED",
				"kitDelivered:COMPLETED", "install:COMPLETED");
		assertThat(rootVariables(instance)).containsEntry("kitSerial", "\"KIT-9\"");
		assertThat(messageSubscriptions(instance)).singleElement().satisfies((s) -> {
			assertThat(s.getElementId()).isEqualTo("kitDelivered");
			assertThat(s.getMessageSubscriptionState().name()).isEqualTo("CORRELATED");
		});

		this.clock.add(Duration.ofDays(3));
		assertThat(history(instance)).noneMatch((e) -> e.startsWith("kitLate"));
	}

	@Test
	void shouldTakeTheTimerBranchAndCloseTheMessageSubscriptionWhenTheTimerComesFirst() {
		String message = uniqueId("kit-delivered");
		String processId = deployKitWait(message, uniqueId("order-cancelled"));
		long instance = start(processId, Map.of("orderId", "K-2"));

		this.clock.add(Duration.ofDays(1));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "waitForKit:ACTIVE");
		this.clock.add(Duration.ofDays(1).plusMinutes(1));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "waitForKit:COMPLETED", "kitLate:COMPLETED",
				"replan:COMPLETED");
		assertThat(messageSubscriptions(instance)).singleElement()
			.satisfies((s) -> assertThat(s.getMessageSubscriptionState().name()).isEqualTo("DELETED"));
	}

	@Test
	void shouldTakeTheSignalBranchWhenTheSignalComesFirst() {
		String signal = uniqueId("order-cancelled");
		String processId = deployKitWait(uniqueId("kit-delivered"), signal);
		long instance = start(processId, Map.of("orderId", "K-3"));

		this.client.newBroadcastSignalCommand().signalName(signal).send().join();
		this.client.newBroadcastSignalCommand().signalName(signal).send().join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "waitForKit:COMPLETED",
				"orderCancelled:COMPLETED", "cancelled:COMPLETED");
	}

	@Test
	void shouldTakeTheMessageBranchAtOnceWhenAMatchingMessageIsBuffered() {
		String message = uniqueId("kit-delivered");
		String processId = deployKitWait(message, uniqueId("order-cancelled"));
		this.client.newPublishMessageCommand()
			.messageName(message)
			.correlationKey("K-4")
			.timeToLive(Duration.ofHours(1))
			.send()
			.join();

		long instance = start(processId, Map.of("orderId", "K-4"));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "waitForKit:COMPLETED",
				"kitDelivered:COMPLETED", "install:COMPLETED");
	}

}

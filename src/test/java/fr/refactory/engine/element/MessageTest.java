package fr.refactory.engine.element;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message intermediate catch events and receive tasks with message publication and
 * correlation.
 */
class MessageTest extends EngineTestSupport {

	private String waitingProcess(String messageName) {
		String processId = uniqueId("message-catch");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.intermediateCatchEvent("waitForPayment",
					(e) -> e.message((m) -> m.name(messageName).zeebeCorrelationKeyExpression("orderId")))
			.endEvent()
			.done());
		return processId;
	}

	@Test
	void shouldCorrelateAPublishedMessageToAWaitingCatchEvent() {
		String name = uniqueId("payment");
		String processId = waitingProcess(name);
		long waiting = start(processId, Map.of("orderId", "order-1"));
		long other = start(processId, Map.of("orderId", "order-2"));
		assertThat(history(waiting)).last().isEqualTo("waitForPayment:ACTIVE");
		assertThat(this.client.newMessageSubscriptionSearchRequest()
			.filter((f) -> f.processInstanceKey(waiting))
			.send()
			.join()
			.items()).singleElement().satisfies((subscription) -> {
				assertThat(subscription.getMessageName()).isEqualTo(name);
				assertThat(subscription.getCorrelationKey()).isEqualTo("order-1");
				assertThat(subscription.getElementId()).isEqualTo("waitForPayment");
				assertThat(subscription.getMessageSubscriptionState().name()).isEqualTo("CREATED");
			});

		this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("order-1")
			.timeToLive(Duration.ZERO)
			.variables(Map.of("paid", true))
			.send()
			.join();

		assertThat(state(waiting)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(waiting)).containsEntry("paid", "true");
		assertThat(state(other)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(this.client.newMessageSubscriptionSearchRequest()
			.filter((f) -> f.processInstanceKey(waiting))
			.send()
			.join()
			.items()).singleElement()
			.satisfies((subscription) -> assertThat(subscription.getMessageSubscriptionState().name())
				.isEqualTo("CORRELATED"));
	}

	@Test
	void shouldCorrelateABufferedMessageWhenTheSubscriptionOpensAndOnlyOncePerProcess() {
		String name = uniqueId("payment");
		String processId = waitingProcess(name);
		this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("order-7")
			.timeToLive(Duration.ofMinutes(5))
			.variables(Map.of("amount", 12))
			.send()
			.join();
		this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("order-8")
			.timeToLive(Duration.ZERO)
			.send()
			.join();

		long first = start(processId, Map.of("orderId", "order-7"));
		long second = start(processId, Map.of("orderId", "order-7"));
		long unbuffered = start(processId, Map.of("orderId", "order-8"));

		assertThat(state(first)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(first)).containsEntry("amount", "12");
		assertThat(state(second)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(state(unbuffered)).isEqualTo(ProcessInstanceState.ACTIVE);
	}

	@Test
	void shouldRejectADuplicateMessageIdWhileTheFirstIsBuffered() {
		String name = uniqueId("dup");
		this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("k")
			.messageId("m-1")
			.timeToLive(Duration.ofMinutes(5))
			.send()
			.join();

		ProblemException problem = problem(() -> this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("k")
			.messageId("m-1")
			.timeToLive(Duration.ofMinutes(5))
			.send()
			.join(), 409);
		assertThat(problem.details().getTitle()).isEqualTo("ALREADY_EXISTS");
	}

	@Test
	void shouldCorrelateImmediatelyToAReceiveTaskOrAnswerNotFound() {
		String name = uniqueId("signal-received");
		String processId = uniqueId("receive");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.receiveTask("receive", (r) -> r.message((m) -> m.name(name).zeebeCorrelationKeyExpression("string(n)")))
			.endEvent()
			.done());
		long instance = start(processId, Map.of("n", 42));

		problem(() -> this.client.newCorrelateMessageCommand().messageName(name).correlationKey("41").send().join(),
				404);

		var response = this.client.newCorrelateMessageCommand()
			.messageName(name)
			.correlationKey("42")
			.variables(Map.of("got", "it"))
			.send()
			.join();

		assertThat(response.getProcessInstanceKey()).isEqualTo(instance);
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(instance)).containsEntry("got", "\"it\"");
	}

	@Test
	void shouldCorrelateLikeAPublicationOncePerProcessWithoutBufferingAndAnswerTheFirstInstance() {
		String name = uniqueId("part-ready");
		String firstProcess = waitingProcess(name);
		String secondProcess = waitingProcess(name);
		long first = start(firstProcess, Map.of("orderId", "order-7"));
		long firstTwin = start(firstProcess, Map.of("orderId", "order-7"));
		long second = start(secondProcess, Map.of("orderId", "order-7"));

		long answered = this.client.newCorrelateMessageCommand()
			.messageName(name)
			.correlationKey("order-7")
			.variables(Map.of("ready", true))
			.send()
			.join()
			.getProcessInstanceKey();

		assertThat(state(second)).as("the other process waiting for it").isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(List.of(state(first), state(firstTwin))).as("one instance of the same process")
			.containsExactlyInAnyOrder(ProcessInstanceState.COMPLETED, ProcessInstanceState.ACTIVE);
		long firstCompleted = state(first) == ProcessInstanceState.COMPLETED ? first : firstTwin;
		assertThat(answered).as("the first instance it correlated with").isIn(firstCompleted, second);
		long stillWaiting = firstCompleted == first ? firstTwin : first;
		this.client.newCorrelateMessageCommand().messageName(name).correlationKey("order-7").send().join();
		assertThat(state(stillWaiting)).as("not buffered: the next correlation reaches the twin")
			.isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldStartAnInstanceAtAMessageStartEventOncePerActiveCorrelationKey() {
		String name = uniqueId("order-placed");
		String processId = uniqueId("message-start");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("placed")
			.message(name)
			.userTask("handle", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		var first = this.client.newCorrelateMessageCommand()
			.messageName(name)
			.correlationKey("order-1")
			.variables(Map.of("orderId", "order-1"))
			.send()
			.join();
		long instance = first.getProcessInstanceKey();
		assertThat(history(instance)).containsExactly("placed:COMPLETED", "handle:ACTIVE");
		assertThat(rootVariables(instance)).containsEntry("orderId", "\"order-1\"");

		this.client.newPublishMessageCommand().messageName(name).correlationKey("order-1").send().join();
		this.client.newPublishMessageCommand().messageName(name).correlationKey("order-2").send().join();
		this.client.newPublishMessageCommand().messageName(name).correlationKey("").send().join();
		this.client.newPublishMessageCommand().messageName(name).correlationKey("").send().join();

		assertThat(this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items()).hasSize(4);
		problem(() -> start(processId), 400);
	}

	@Test
	void shouldStartTheNextInstanceFromABufferedMessageWhenTheInstanceOfItsCorrelationKeyEnds() {
		String name = uniqueId("core-returned");
		String processId = uniqueId("message-start-buffered");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("returned")
			.message(name)
			.userTask("inspect", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		long first = this.client.newCorrelateMessageCommand()
			.messageName(name)
			.correlationKey("SN-1")
			.variables(Map.of("delivery", 1))
			.send()
			.join()
			.getProcessInstanceKey();
		this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("SN-1")
			.timeToLive(Duration.ofHours(1))
			.variables(Map.of("delivery", 2))
			.send()
			.join();
		assertThat(instancesOf(processId)).as("one instance per active correlation key").hasSize(1);

		completeUserTask(first, "inspect");

		List<Long> instances = instancesOf(processId);
		assertThat(instances).hasSize(2);
		long next = instances.stream().filter((key) -> key != first).findFirst().orElseThrow();
		assertThat(rootVariables(next)).containsEntry("delivery", "2");
		assertThat(history(next)).containsExactly("returned:COMPLETED", "inspect:ACTIVE");

		this.client.newCancelInstanceCommand(next).send().join();
		assertThat(instancesOf(processId)).as("the buffered message started one instance only").hasSize(2);
	}

	private List<Long> instancesOf(String processId) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.stream()
			.map((instance) -> instance.getProcessInstanceKey())
			.toList();
	}

	@Test
	void shouldNotCorrelateABufferedMessageOnceItsTimeToLiveHasPassedOnTheEngineClock() throws Exception {
		String name = uniqueId("expiring");
		String processId = waitingProcess(name);
		this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("order-9")
			.timeToLive(Duration.ofMinutes(1))
			.send()
			.join();
		try {
			assertThat(clock("POST", "/actuator/clock/add", "{\"offsetMilli\": 120000}")).isEqualTo(200);
			long instance = start(processId, Map.of("orderId", "order-9"));
			assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
			assertThat(history(instance)).last().isEqualTo("waitForPayment:ACTIVE");
		}
		finally {
			clock("DELETE", "/actuator/clock", null);
		}
	}

	private int clock(String method, String path, String body) throws Exception {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString("demo:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
							: java.net.http.HttpRequest.BodyPublishers.ofString(body))
			.build();
		return java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	@Test
	void shouldWriteTheEventSequenceOfAMessageCatchEvent() {
		// given
		String id = uniqueId("message-events");
		String name = uniqueId("arrived");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toWait")
			.intermediateCatchEvent("wait")
			.message((m) -> m.name(name).zeebeCorrelationKeyExpression("vin"))
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());
		long key = start(id, Map.of("vin", "VF1EVENTS"));

		// when
		publish(name, "VF1EVENTS", Map.of("weight", 1200));

		// then
		assertThat(events(key)).containsExactly("VARIABLE :CREATED", id + ":ELEMENT_ACTIVATING",
				id + ":ELEMENT_ACTIVATED", "start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED",
				"start:ELEMENT_COMPLETING", "start:ELEMENT_COMPLETED", "toWait:SEQUENCE_FLOW_TAKEN",
				"wait:ELEMENT_ACTIVATING", "wait:ELEMENT_ACTIVATED", "PROCESS_MESSAGE_SUBSCRIPTION wait:CORRELATED",
				"VARIABLE :CREATED", "wait:ELEMENT_COMPLETING", "wait:ELEMENT_COMPLETED", "toEnd:SEQUENCE_FLOW_TAKEN",
				"end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED",
				id + ":ELEMENT_COMPLETING", id + ":ELEMENT_COMPLETED");
	}

}

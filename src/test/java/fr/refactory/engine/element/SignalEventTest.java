package fr.refactory.engine.element;

import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signal broadcast, signal start events, intermediate signal catch and throw events and
 * signal end events.
 */
class SignalEventTest extends EngineTestSupport {

	@Autowired
	private JdbcTemplate jdbc;

	private String catching(String signalName) {
		String processId = uniqueId("signal-catch");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.intermediateCatchEvent("waitForSignal", (e) -> e.signal(signalName))
			.userTask("afterSignal", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());
		return processId;
	}

	private BroadcastSignalResponse broadcast(String signalName, Map<String, Object> variables) {
		return this.client.newBroadcastSignalCommand().signalName(signalName).variables(variables).send().join();
	}

	private int openSubscriptions(long processInstanceKey) {
		return this.jdbc.queryForObject(
				"select count(*) from engine_signal_subscription where process_instance_key = ?", Integer.class,
				processInstanceKey);
	}

	@Test
	void shouldTriggerEveryWaitingCatchEventOfEveryProcessAndMergeTheVariables() {
		String signal = uniqueId("line-stop");
		long first = start(catching(signal));
		long second = start(catching(signal));
		long other = start(catching(uniqueId("other-signal")));
		assertThat(history(first)).last().isEqualTo("waitForSignal:ACTIVE");
		assertThat(openSubscriptions(first)).isEqualTo(1);

		BroadcastSignalResponse response = broadcast(signal, Map.of("reason", "fire drill"));

		assertThat(response.getKey()).isPositive();
		for (long instance : new long[] { first, second }) {
			assertThat(history(instance)).containsExactly("start:COMPLETED", "waitForSignal:COMPLETED",
					"afterSignal:ACTIVE");
			assertThat(rootVariables(instance)).containsEntry("reason", "\"fire drill\"");
			assertThat(openSubscriptions(instance)).isZero();
		}
		assertThat(history(other)).last().isEqualTo("waitForSignal:ACTIVE");
	}

	@Test
	void shouldAnswerWithAKeyWhenNobodyWaitsAndNeverBufferTheSignal() {
		String signal = uniqueId("early");
		assertThat(broadcast(signal, Map.of()).getKey()).isPositive();

		long late = start(catching(signal));

		assertThat(history(late)).last().isEqualTo("waitForSignal:ACTIVE");
	}

	@Test
	void shouldCloseTheSubscriptionWhenTheWaitingInstanceIsCancelled() {
		String signal = uniqueId("cancelled");
		long instance = start(catching(signal));
		assertThat(openSubscriptions(instance)).isEqualTo(1);

		this.client.newCancelInstanceCommand(instance).send().join();

		assertThat(openSubscriptions(instance)).isZero();
		broadcast(signal, Map.of());
		assertThat(history(instance)).last().isEqualTo("waitForSignal:TERMINATED");
	}

	@Test
	void shouldEvaluateAFeelSignalNameWhenTheCatchEventIsEntered() {
		String processId = uniqueId("signal-feel");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.intermediateCatchEvent("waitForLine", (e) -> e.signal("=\"stop-\" + line"))
			.endEvent()
			.done());
		String line = uniqueId("line");
		long instance = start(processId, Map.of("line", line));

		broadcast("stop-other", Map.of());
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
		broadcast("stop-" + line, Map.of());

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldStartTheLatestVersionOfEveryProcessWithAMatchingSignalStartEvent() {
		String signal = uniqueId("recall");
		String processId = uniqueId("signal-start");
		deploy(Bpmn.createExecutableProcess(processId).startEvent("startV1").signal(signal).endEvent().done());
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("startV2")
			.signal(signal)
			.userTask("handleRecall", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		broadcast(signal, Map.of("batch", "B-7"));

		var instances = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items();
		assertThat(instances).singleElement().satisfies((instance) -> {
			assertThat(instance.getProcessDefinitionVersion()).isEqualTo(2);
			assertThat(history(instance.getProcessInstanceKey())).containsExactly("startV2:COMPLETED",
					"handleRecall:ACTIVE");
			assertThat(rootVariables(instance.getProcessInstanceKey())).containsEntry("batch", "\"B-7\"");
		});
	}

	@Test
	void shouldBroadcastFromAThrowEventWithItsInputMappingsAndContinue() {
		String signal = uniqueId("quality-hold");
		long catcher = start(catching(signal));
		String throwerId = uniqueId("signal-throw");
		deploy(Bpmn.createExecutableProcess(throwerId)
			.startEvent()
			.intermediateThrowEvent("raiseHold", (e) -> e.signal(signal).zeebeInputExpression("station", "heldStation"))
			.userTask("confirm", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		long thrower = start(throwerId, Map.of("station", "S-12", "secret", "not sent"));

		assertThat(history(thrower)).endsWith("raiseHold:COMPLETED", "confirm:ACTIVE");
		assertThat(history(catcher)).last().isEqualTo("afterSignal:ACTIVE");
		assertThat(rootVariables(catcher)).containsEntry("heldStation", "\"S-12\"").doesNotContainKey("secret");
	}

	@Test
	void shouldBroadcastFromASignalEndEventWithAFeelName() {
		String line = uniqueId("line");
		String catcherId = uniqueId("signal-catch");
		deploy(Bpmn.createExecutableProcess(catcherId)
			.startEvent()
			.intermediateCatchEvent("waitForDone", (e) -> e.signal("done-" + line))
			.endEvent()
			.done());
		long catcher = start(catcherId);
		String throwerId = uniqueId("signal-end");
		deploy(Bpmn.createExecutableProcess(throwerId)
			.startEvent()
			.endEvent("announceDone", (e) -> e.signal("=\"done-\" + line"))
			.done());

		long thrower = start(throwerId, Map.of("line", line));

		assertThat(state(thrower)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(thrower)).last().isEqualTo("announceDone:COMPLETED");
		assertThat(state(catcher)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldRejectABroadcastWithoutASignalName() throws Exception {
		var response = raw("POST", "/v2/signals/broadcast", "application/json", "{\"variables\":{}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("problem+json"));
		assertThat(response.body()).contains("signalName");
	}

	@Test
	void shouldInterruptTheActivityWhenItsSignalBoundaryEventIsTriggered() {
		String signal = uniqueId("evacuate");
		String processId = uniqueId("signal-boundary");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("dismantle", (t) -> t.zeebeUserTask())
			.endEvent("done")
			.moveToActivity("dismantle")
			.boundaryEvent("evacuated", (b) -> b.signal(signal))
			.endEvent("stopped")
			.done());
		long instance = start(processId);
		assertThat(openSubscriptions(instance)).isEqualTo(1);

		broadcast(signal, Map.of("zone", "B"));

		assertThat(history(instance)).contains("dismantle:TERMINATED", "evacuated:COMPLETED", "stopped:COMPLETED");
		assertThat(rootVariables(instance)).containsEntry("zone", "\"B\"");
		assertThat(openSubscriptions(instance)).isZero();
	}

	@Test
	void shouldKeepTheActivityWhenANonInterruptingSignalBoundaryEventIsTriggered() {
		String signal = uniqueId("shift-change");
		String processId = uniqueId("signal-boundary-keep");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.userTask("dismantle", (t) -> t.zeebeUserTask())
			.endEvent("done")
			.moveToActivity("dismantle")
			.boundaryEvent("handover", (b) -> b.cancelActivity(false).signal(signal))
			.endEvent("noted")
			.done());
		long instance = start(processId);

		broadcast(signal, Map.of());

		assertThat(history(instance)).contains("dismantle:ACTIVE", "handover:COMPLETED", "noted:COMPLETED");
		assertThat(openSubscriptions(instance)).isEqualTo(1);
	}

	@Test
	void shouldServeTwoConcurrentBroadcastsToInstancesThatSubscribedInOppositeOrders() throws Exception {
		String first = uniqueId("line-a");
		String second = uniqueId("line-b");
		String processId = uniqueId("signal-concurrent");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.parallelGateway("fork")
			.intermediateCatchEvent("waitFirst", (e) -> e.signal(first))
			.endEvent()
			.moveToNode("fork")
			.userTask("prepare", (t) -> t.zeebeUserTask())
			.intermediateCatchEvent("waitSecond", (e) -> e.signal(second))
			.endEvent()
			.done());
		List<Long> instances = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			instances.add(start(processId));
		}
		// the second signal's subscriptions open in the opposite order of the first's
		for (int i = instances.size() - 1; i >= 0; i--) {
			completeUserTask(instances.get(i), "prepare");
		}

		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> this.client.newBroadcastSignalCommand().signalName(first).send().join());
			var b = pool.submit(() -> this.client.newBroadcastSignalCommand().signalName(second).send().join());
			a.get();
			b.get();
		}
		finally {
			pool.shutdown();
		}

		assertThat(instances)
			.allSatisfy((instance) -> assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED));
	}

}

package fr.refactory.engine.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.response.CorrelatedMessageSubscription;
import io.camunda.client.api.search.response.MessageSubscription;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v2/correlated-message-subscriptions/search}: one item per correlation
 * (catch event, receive task, non-interrupting boundary event, message start event;
 * published, buffered or correlated), with Camunda's fields, filters, sort and paging.
 */
class CorrelatedMessageSubscriptionApiTest extends EngineTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldRecordACorrelationToACatchEventWithTheSubscriptionsFields() {
		String name = uniqueId("paid");
		String processId = catchProcess(name);
		long waiting = start(processId, Map.of("orderId", "o-1"));
		long other = start(processId, Map.of("orderId", "o-2"));
		MessageSubscription subscription = this.client.newMessageSubscriptionSearchRequest()
			.filter((f) -> f.processInstanceKey(waiting))
			.send()
			.join()
			.items()
			.get(0);
		assertThat(correlationsOf(waiting)).isEmpty();

		long messageKey = this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("o-1")
			.timeToLive(Duration.ZERO)
			.send()
			.join()
			.getMessageKey();

		assertThat(correlationsOf(waiting)).singleElement().satisfies((correlation) -> {
			assertThat(correlation.getMessageKey()).isEqualTo(messageKey);
			assertThat(correlation.getMessageName()).isEqualTo(name);
			assertThat(correlation.getCorrelationKey()).isEqualTo("o-1");
			assertThat(correlation.getSubscriptionKey()).isEqualTo(subscription.getMessageSubscriptionKey());
			assertThat(correlation.getElementId()).isEqualTo("wait");
			assertThat(correlation.getElementInstanceKey()).isEqualTo(subscription.getElementInstanceKey());
			assertThat(correlation.getProcessInstanceKey()).isEqualTo(waiting);
			assertThat(correlation.getProcessDefinitionId()).isEqualTo(processId);
			assertThat(correlation.getProcessDefinitionKey()).isEqualTo(subscription.getProcessDefinitionKey());
			assertThat(correlation.getPartitionId()).isEqualTo(1);
			assertThat(correlation.getTenantId()).isEqualTo("<default>");
			assertThat(correlation.getCorrelationTime()).isNotNull();
		});
		assertThat(correlationsOf(other)).as("the instance waiting for another key").isEmpty();
	}

	@Test
	void shouldRecordABufferedMessageCorrelatingWhenTheSubscriptionOpens() {
		String name = uniqueId("early");
		String processId = catchProcess(name);
		long messageKey = this.client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey("o-9")
			.timeToLive(Duration.ofMinutes(5))
			.send()
			.join()
			.getMessageKey();

		long instance = start(processId, Map.of("orderId", "o-9"));

		assertThat(state(instance).name()).isEqualTo("COMPLETED");
		assertThat(correlationsOf(instance)).singleElement()
			.satisfies((correlation) -> assertThat(correlation.getMessageKey()).isEqualTo(messageKey));
	}

	@Test
	void shouldRecordEveryCorrelationToANonInterruptingBoundaryEventAReceiveTaskAndAStartEvent() {
		String start = uniqueId("open");
		String nudge = uniqueId("nudge");
		String answer = uniqueId("answer");
		String processId = uniqueId("correlations");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("opened")
			.message((m) -> m.name(start))
			.serviceTask("work", (t) -> t.zeebeJobType(processId + "-work"))
			.boundaryEvent("nudged",
					(b) -> b.cancelActivity(false)
						.message((m) -> m.name(nudge).zeebeCorrelationKeyExpression("caseId")))
			.endEvent()
			.moveToActivity("work")
			.receiveTask("answered")
			.message((m) -> m.name(answer).zeebeCorrelationKeyExpression("caseId"))
			.endEvent()
			.done());

		long startKey = this.client.newPublishMessageCommand()
			.messageName(start)
			.correlationKey("c-1")
			.timeToLive(Duration.ZERO)
			.variables(Map.of("caseId", "c-1"))
			.send()
			.join()
			.getMessageKey();
		long instance = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();
		for (int i = 0; i < 2; i++) {
			this.client.newPublishMessageCommand()
				.messageName(nudge)
				.correlationKey("c-1")
				.timeToLive(Duration.ZERO)
				.send()
				.join();
		}
		this.client.newCompleteCommand(activateOne(processId + "-work").getKey()).send().join();
		long answerKey = this.client.newCorrelateMessageCommand()
			.messageName(answer)
			.correlationKey("c-1")
			.send()
			.join()
			.getMessageKey();

		List<CorrelatedMessageSubscription> correlations = correlationsOf(instance);
		assertThat(correlations).extracting((c) -> c.getMessageName() + "@" + c.getElementId())
			.containsExactly(start + "@opened", nudge + "@nudged", nudge + "@nudged", answer + "@answered");
		assertThat(correlations.get(0)).satisfies((opened) -> {
			assertThat(opened.getMessageKey()).isEqualTo(startKey);
			assertThat(opened.getElementInstanceKey()).as("null for start events, as in Camunda").isNull();
			assertThat(opened.getCorrelationKey()).isEqualTo("c-1");
			assertThat(opened.getProcessDefinitionKey()).isNotNull();
		});
		assertThat(correlations.get(1).getSubscriptionKey()).as("one subscription, correlated twice")
			.isEqualTo(correlations.get(2).getSubscriptionKey());
		assertThat(correlations.get(1).getMessageKey()).isNotEqualTo(correlations.get(2).getMessageKey());
		assertThat(correlations.get(3).getMessageKey()).isEqualTo(answerKey);
		assertThat(state(instance).name()).isEqualTo("COMPLETED");
	}

	@Test
	void shouldFilterWithOperatorsSortAndPage() throws Exception {
		String name = uniqueId("tick");
		String processId = catchProcess(name);
		List<Long> instances = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			instances.add(start(processId, Map.of("orderId", "k-" + i)));
			this.client.newPublishMessageCommand()
				.messageName(name)
				.correlationKey("k-" + i)
				.timeToLive(Duration.ZERO)
				.send()
				.join();
		}

		// the object form CPT sends, with the empty arrays meaning "no constraint"
		assertThat(instanceKeys(search("{\"filter\":{\"messageName\":{\"$eq\":\"%s\",\"$in\":[],\"$notIn\":[]},"
				+ "\"correlationKey\":{\"$in\":[\"k-0\",\"k-2\"]},\"processInstanceKey\":{\"$notIn\":[]}},"
				+ "\"sort\":[{\"field\":\"correlationTime\",\"order\":\"ASC\"}]}", name)))
			.containsExactly(instances.get(0), instances.get(2));
		assertThat(instanceKeys(search(
				"{\"filter\":{\"processDefinitionId\":\"%s\",\"correlationKey\":{\"$like\":\"k-?\"},"
						+ "\"partitionId\":1,\"tenantId\":\"<default>\"},\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"DESC\"}]}",
				processId)))
			.containsExactly(instances.get(2), instances.get(1), instances.get(0));

		String paged = "{\"filter\":{\"messageName\":\"%s\"},\"sort\":[{\"field\":\"correlationKey\"}],\"page\":{\"limit\":2}}";
		JsonNode first = search(paged, name);
		assertThat(instanceKeys(first)).containsExactly(instances.get(0), instances.get(1));
		assertThat(first.path("page").path("totalItems").asLong()).isEqualTo(3);
		JsonNode rest = search(
				"{\"filter\":{\"messageName\":\"%s\"},\"sort\":[{\"field\":\"correlationKey\"}],"
						+ "\"page\":{\"limit\":2,\"after\":\"" + first.path("page").path("endCursor").asText() + "\"}}",
				name);
		assertThat(instanceKeys(rest)).containsExactly(instances.get(2));
	}

	@Test
	void shouldRejectAnUnknownFilterOrSortFieldWith400() throws Exception {
		HttpResponse<String> unknownFilter = raw("POST", "/v2/correlated-message-subscriptions/search",
				"application/json", "{\"filter\":{\"messageSubscriptionState\":{\"$eq\":\"CORRELATED\"}}}");
		assertThat(unknownFilter.statusCode()).isEqualTo(400);
		assertThat(unknownFilter.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(unknownFilter.body()).contains("messageSubscriptionState");

		HttpResponse<String> unknownSort = raw("POST", "/v2/correlated-message-subscriptions/search",
				"application/json", "{\"sort\":[{\"field\":\"lastUpdatedDate\"}]}");
		assertThat(unknownSort.statusCode()).isEqualTo(400);
		assertThat(unknownSort.body()).contains("lastUpdatedDate");

		HttpResponse<String> badKey = raw("POST", "/v2/correlated-message-subscriptions/search", "application/json",
				"{\"filter\":{\"messageKey\":\"not-a-key\"}}");
		assertThat(badKey.statusCode()).isEqualTo(400);
	}

	private String catchProcess(String messageName) {
		String processId = uniqueId("correlated");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.intermediateCatchEvent("wait",
					(e) -> e.message((m) -> m.name(messageName).zeebeCorrelationKeyExpression("orderId")))
			.endEvent()
			.done());
		return processId;
	}

	private List<CorrelatedMessageSubscription> correlationsOf(long processInstanceKey) {
		return this.client.newCorrelatedMessageSubscriptionSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.sort((s) -> s.correlationTime().asc())
			.send()
			.join()
			.items();
	}

	private JsonNode search(String body, String value) throws Exception {
		HttpResponse<String> response = raw("POST", "/v2/correlated-message-subscriptions/search", "application/json",
				body.formatted(value));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<Long> instanceKeys(JsonNode result) {
		List<Long> keys = new ArrayList<>();
		result.path("items").forEach((item) -> keys.add(item.path("processInstanceKey").asLong()));
		return keys;
	}

}

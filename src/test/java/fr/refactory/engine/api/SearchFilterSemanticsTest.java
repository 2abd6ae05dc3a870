package fr.refactory.engine.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.EngineTestSupport;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's search semantics as CPT and the client send them: plain values and operator
 * objects, {@code $eq}, {@code $in}, {@code $notIn}, {@code $or}, {@code $like},
 * {@code $exists}, empty arrays meaning "no constraint", sorting and paging; an unknown
 * filter field is rejected instead of silently ignored.
 */
class SearchFilterSemanticsTest extends EngineTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	private String processId;

	private final List<Long> keys = new ArrayList<>();

	@BeforeEach
	void threeInstancesOneCancelled() {
		this.processId = uniqueId("search-semantics");
		deploy(Bpmn.createExecutableProcess(this.processId)
			.startEvent()
			.serviceTask("wait", (t) -> t.zeebeJobType(this.processId + "-never"))
			.endEvent()
			.done());
		for (int i = 0; i < 3; i++) {
			this.keys.add(start(this.processId));
		}
		this.client.newCancelInstanceCommand(this.keys.get(2)).send().join();
	}

	@Test
	void shouldApplyInAndNotInAndTreatEmptyArraysAsNoConstraint() throws Exception {
		assertThat(keysOf(search("{\"processInstanceKey\":{\"$in\":[\"%s\",\"%s\"]},\"processDefinitionId\":\"%s\"}"
			.formatted(this.keys.get(0), this.keys.get(2), this.processId))))
			.containsExactly(this.keys.get(0), this.keys.get(2));
		assertThat(keysOf(search(
				"{\"processInstanceKey\":{\"$notIn\":[\"%s\"],\"$in\":[]},\"processDefinitionId\":{\"$eq\":\"%s\",\"$in\":[],\"$notIn\":[]},\"tags\":[],\"variables\":[],\"$or\":[]}"
					.formatted(this.keys.get(0), this.processId))))
			.containsExactly(this.keys.get(1), this.keys.get(2));
	}

	@Test
	void shouldApplyOrGroupsOnTopOfTheOtherFields() throws Exception {
		assertThat(keysOf(search(
				"{\"processDefinitionId\":\"%s\",\"$or\":[{\"processInstanceKey\":\"%s\"},{\"state\":{\"$eq\":\"TERMINATED\"}}]}"
					.formatted(this.processId, this.keys.get(1)))))
			.containsExactly(this.keys.get(1), this.keys.get(2));
	}

	@Test
	void shouldApplyLikeAndExists() throws Exception {
		String prefix = this.processId.substring(0, this.processId.length() - 3);
		assertThat(keysOf(search("{\"processDefinitionId\":{\"$like\":\"%s*\"}}".formatted(prefix))))
			.containsExactlyElementsOf(this.keys);
		assertThat(keysOf(
				search("{\"processDefinitionId\":\"%s\",\"endDate\":{\"$exists\":true}}".formatted(this.processId))))
			.containsExactly(this.keys.get(2));
		assertThat(keysOf(
				search("{\"processDefinitionId\":\"%s\",\"endDate\":{\"$exists\":false}}".formatted(this.processId))))
			.containsExactly(this.keys.get(0), this.keys.get(1));
	}

	@Test
	void shouldSortAndPage() throws Exception {
		String body = "{\"filter\":{\"processDefinitionId\":\"%s\"},\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"DESC\"}],\"page\":{\"limit\":2}}"
			.formatted(this.processId);
		JsonNode first = JSON.readTree(raw("POST", "/v2/process-instances/search", "application/json", body).body());
		assertThat(keysOf(first)).containsExactly(this.keys.get(2), this.keys.get(1));
		assertThat(first.path("page").path("totalItems").asLong()).isEqualTo(3);

		String next = "{\"filter\":{\"processDefinitionId\":\"%s\"},\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"DESC\"}],\"page\":{\"limit\":2,\"after\":\"%s\"}}"
			.formatted(this.processId, first.path("page").path("endCursor").asText());
		assertThat(keysOf(JSON.readTree(raw("POST", "/v2/process-instances/search", "application/json", next).body())))
			.containsExactly(this.keys.get(0));
	}

	@Test
	void shouldRejectAFilterFieldItCannotApplyButAcceptOneThatConstrainsNothing() throws Exception {
		HttpResponse<String> rejected = raw("POST", "/v2/process-instances/search", "application/json",
				"{\"filter\":{\"processDefinitionId\":\"%s\",\"batchOperationId\":{\"$eq\":\"b-1\"}}}"
					.formatted(this.processId));
		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(rejected.body()).contains("batchOperationId");

		assertThat(keysOf(
				search("{\"processDefinitionId\":\"%s\",\"batchOperationId\":{\"$in\":[]}}".formatted(this.processId))))
			.hasSize(3);
	}

	private JsonNode search(String filter) throws Exception {
		HttpResponse<String> response = raw("POST", "/v2/process-instances/search", "application/json",
				"{\"filter\":" + filter + ",\"sort\":[{\"field\":\"processInstanceKey\"}]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<Long> keysOf(JsonNode result) {
		List<Long> keys = new ArrayList<>();
		result.path("items").forEach((item) -> keys.add(item.path("processInstanceKey").asLong()));
		return keys;
	}

}

package fr.refactory.engine.api;

import java.net.http.HttpResponse;

import fr.refactory.test.EngineTestSupport;
import fr.refactory.test.HostileModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six causes of 500 an outside tester found on {@code /v2} (issue 19): each is a
 * client mistake and answers 400 problem+json naming the field, without SQL or exception
 * text.
 */
class ClientMistakesTest extends EngineTestSupport {

	private static final String JSON = "application/json";

	private static void assertBadRequest(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains(field);
		assertNoInternals(response);
	}

	static void assertNoInternals(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContainIgnoringCase("sql")
			.doesNotContain("Exception")
			.doesNotContain("org.")
			.doesNotContain("java.")
			.doesNotContainIgnoringCase("select ");
	}

	private HttpResponse<String> search(String path, String body) throws Exception {
		return raw("POST", path, JSON, body);
	}

	@Test
	void shouldRejectInNotInAndOrWithAValueThatIsNotAnArray() throws Exception {
		assertBadRequest(search("/v2/process-instances/search", "{\"filter\":{\"processInstanceKey\":{\"$in\":5}}}"),
				"processInstanceKey");
		assertBadRequest(search("/v2/user-tasks/search", "{\"filter\":{\"elementId\":{\"$notIn\":\"a\"}}}"),
				"elementId");
		assertBadRequest(search("/v2/process-instances/search", "{\"filter\":{\"$or\":{\"state\":\"ACTIVE\"}}}"),
				"$or");
		assertBadRequest(search("/v2/jobs/search", "{\"filter\":{\"$or\":7}}"), "$or");
	}

	@Test
	void shouldRejectNegativePaging() throws Exception {
		assertBadRequest(search("/v2/process-instances/search", "{\"page\":{\"limit\":-1}}"), "limit");
		assertBadRequest(search("/v2/incidents/search", "{\"page\":{\"from\":-3}}"), "from");
		assertBadRequest(search("/v2/variables/search", "{\"page\":{\"after\":\"-5\"}}"), "after");
		assertBadRequest(search("/v2/variables/search", "{\"page\":{\"before\":\"-5\"}}"), "before");
	}

	@Test
	void shouldRejectLikeOnFieldsThatAreNotText() throws Exception {
		assertBadRequest(
				search("/v2/process-instances/search", "{\"filter\":{\"processInstanceKey\":{\"$like\":\"1*\"}}}"),
				"processInstanceKey");
		assertBadRequest(search("/v2/process-instances/search",
				"{\"filter\":{\"processDefinitionVersion\":{\"$like\":\"1*\"}}}"), "processDefinitionVersion");
		assertBadRequest(search("/v2/process-instances/search", "{\"filter\":{\"startDate\":{\"$like\":\"2*\"}}}"),
				"startDate");
		assertBadRequest(search("/v2/process-instances/search", "{\"filter\":{\"hasIncident\":{\"$like\":\"t*\"}}}"),
				"hasIncident");
	}

	@Test
	void shouldRejectANulCharacterInAnyString() throws Exception {
		assertBadRequest(search("/v2/process-instances/search", "{\"filter\":{\"processDefinitionId\":\"a\\u0000b\"}}"),
				"processDefinitionId");
		assertBadRequest(raw("POST", "/v2/messages/publication", JSON,
				"{\"name\":\"m\\u0000\",\"correlationKey\":\"k\",\"timeToLive\":0}"), "name");
		assertBadRequest(
				raw("POST", "/v2/process-instances", JSON,
						"{\"processDefinitionId\":\"nowhere\",\"variables\":{\"note\":\"x\\u0000\"}}"),
				"variables.note");
		assertBadRequest(raw("POST", "/v2/process-instances", JSON,
				"{\"processDefinitionId\":\"nowhere\",\"variables\":{\"no\\u0000te\":1}}"), "variables");
	}

	@Test
	void shouldRejectAMalformedMultipartDeployment() throws Exception {
		String boundary = "b0undary";
		String truncated = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"a.bpmn\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\n<definitions";
		assertBadRequest(raw("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary, truncated),
				"resources");
		assertBadRequest(raw("POST", "/v2/deployments", "multipart/form-data", "garbage"), "resources");
		String nulName = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"a\u0000.bpmn\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\n<x/>\r\n--" + boundary + "--\r\n";
		assertBadRequest(raw("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary, nulName),
				"resources");
	}

	@Test
	void shouldRejectTimeoutsAndTimeToLiveBeyondTheirCaps() throws Exception {
		String max = String.valueOf(Long.MAX_VALUE);
		assertBadRequest(raw("POST", "/v2/jobs/activation", JSON,
				"{\"type\":\"nothing-" + System.nanoTime() + "\",\"maxJobsToActivate\":1,\"timeout\":" + max + "}"),
				"timeout");
		assertBadRequest(raw("POST", "/v2/jobs/activation", JSON,
				"{\"type\":\"nothing\",\"maxJobsToActivate\":1,\"timeout\":1000,\"requestTimeout\":" + max + "}"),
				"requestTimeout");
		assertBadRequest(raw("PATCH", "/v2/jobs/1", JSON, "{\"changeset\":{\"timeout\":" + max + "}}"), "timeout");
		assertBadRequest(raw("POST", "/v2/jobs/1/failure", JSON, "{\"retries\":1,\"retryBackOff\":" + max + "}"),
				"retryBackOff");
		assertBadRequest(raw("POST", "/v2/messages/publication", JSON,
				"{\"name\":\"ttl-cap\",\"correlationKey\":\"k\",\"timeToLive\":" + max + "}"), "timeToLive");
		assertBadRequest(raw("POST", "/v2/process-instances", JSON,
				"{\"processDefinitionId\":\"nowhere\",\"awaitCompletion\":true,\"requestTimeout\":" + max + "}"),
				"requestTimeout");
	}

	@Test
	void shouldRejectAModelNestedTooDeep() throws Exception {
		assertBadRequest(deployRaw("deep.bpmn", HostileModels.nestedBpmn(uniqueId("deep"), 60_000)), "depth");
	}

	@Test
	void shouldRejectAStaticTimerThatCanNeverBeScheduled() throws Exception {
		String processId = uniqueId("ptx");
		assertBadRequest(deployRaw("ptx.bpmn", HostileModels.timerBpmn(processId, "PTX-1")), "PTX-1");
		assertThat(raw("POST", "/v2/process-definitions/search", JSON,
				"{\"filter\":{\"processDefinitionId\":\"" + processId + "\"}}")
			.body()).contains("\"totalItems\":0");
	}

	private HttpResponse<String> deployRaw(String fileName, String xml) throws Exception {
		String boundary = "b0undary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
		return raw("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary, body);
	}

}

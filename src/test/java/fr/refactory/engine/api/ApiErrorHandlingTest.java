package fr.refactory.engine.api;

import java.net.http.HttpResponse;

import fr.refactory.test.EngineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client mistakes are problems with 400/404, never 500, and name what was wrong. */
class ApiErrorHandlingTest extends EngineTestSupport {

	private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status).contains(detailPart);
	}

	@Test
	void shouldRejectAnUnknownSortField() throws Exception {
		assertProblem(
				raw("POST", "/v2/process-instances/search", "application/json", "{\"sort\":[{\"field\":\"colour\"}]}"),
				400, "colour");
	}

	@Test
	void shouldRejectAFilterValueOfTheWrongType() throws Exception {
		assertProblem(raw("POST", "/v2/element-instances/search", "application/json",
				"{\"filter\":{\"processInstanceKey\":\"abc\"}}"), 400, "abc");
		assertProblem(raw("POST", "/v2/user-tasks/search", "application/json",
				"{\"filter\":{\"dueDate\":{\"$gt\":\"yesterday\"}}}"), 400, "yesterday");
	}

	@Test
	void shouldAcceptEmptyOperatorArraysAsNoConstraint() throws Exception {
		HttpResponse<String> response = raw("POST", "/v2/process-instances/search", "application/json",
				"{\"filter\":{\"processInstanceKey\":{\"$in\":[],\"$notIn\":[]},\"$or\":[],\"tags\":[],\"variables\":[]},"
						+ "\"sort\":[],\"page\":{\"limit\":1}}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"totalItems\"");
	}

	@Test
	void shouldRejectVariablesThatAreNotAnObject() throws Exception {
		assertProblem(raw("PUT", "/v2/element-instances/1/variables", "application/json", "{\"variables\":[1,2]}"), 400,
				"JSON");
	}

	@Test
	void shouldRejectCommandsWithoutTheirTarget() throws Exception {
		assertProblem(raw("POST", "/v2/process-instances", "application/json", "{\"variables\":{}}"), 400,
				"processDefinitionId");
		assertProblem(raw("POST", "/v2/decision-definitions/evaluation", "application/json", "{}"), 400,
				"decisionDefinitionId");
		assertProblem(raw("POST", "/v2/jobs/1/error", "application/json", "{}"), 400, "errorCode");
	}

	@Test
	void shouldRejectANonNumericKeyInThePath() throws Exception {
		assertProblem(raw("GET", "/v2/process-instances/not-a-key", "application/json", null), 400, "not-a-key");
	}

	@Test
	void shouldRejectADeploymentWithoutResources() throws Exception {
		String boundary = "b0undary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenantId\"\r\n\r\n<default>\r\n--"
				+ boundary + "--\r\n";
		assertProblem(raw("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary, body), 400,
				"resources");
	}

	@Test
	void shouldRejectAnUnknownResourceKind() throws Exception {
		String boundary = "b0undary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"notes.txt\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n--" + boundary + "--\r\n";
		assertProblem(raw("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary, body), 400,
				"notes.txt");
	}

}

package fr.refactory.engine.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.EngineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/clock}: read, move and reset the engine clock over HTTP (as CPT does).
 */
class ManagementClockTest extends EngineTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	@AfterEach
	void resetClock() throws Exception {
		admin("DELETE", "/actuator/clock", null);
	}

	@Test
	void shouldReadMoveAndResetTheEngineClock() throws Exception {
		HttpResponse<String> now = admin("GET", "/actuator/clock", null);
		assertThat(now.statusCode()).isEqualTo(200);
		JsonNode current = JSON.readTree(now.body());
		Instant instant = Instant.parse(current.get("instant").asText());
		assertThat(current.get("instant").asText()).endsWith("Z");
		assertThat(instant.toEpochMilli()).isEqualTo(current.get("epochMilli").asLong());
		assertThat(Duration.between(instant, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

		HttpResponse<String> moved = admin("POST", "/actuator/clock/add", "{\"offsetMilli\": 3600000}");
		assertThat(moved.statusCode()).isEqualTo(200);
		Instant later = Instant.parse(JSON.readTree(moved.body()).get("instant").asText());
		assertThat(Duration.between(Instant.now(), later)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
		Instant read = Instant
			.parse(JSON.readTree(admin("GET", "/actuator/clock", null).body()).get("instant").asText());
		assertThat(Duration.between(Instant.now(), read)).isGreaterThan(Duration.ofMinutes(59));

		HttpResponse<String> reset = admin("DELETE", "/actuator/clock", null);
		assertThat(reset.statusCode()).isEqualTo(200);
		Instant back = Instant.parse(JSON.readTree(reset.body()).get("instant").asText());
		assertThat(Duration.between(back, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void shouldReleaseATimedOutJobWhenTheClockIsMoved() throws Exception {
		String type = uniqueId("clock-work");
		String processId = uniqueId("clock-process");
		deploy(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("work", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		start(processId);
		long first = this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.timeout(Duration.ofMinutes(10))
			.send()
			.join()
			.getJobs()
			.get(0)
			.getKey();

		assertThat(admin("POST", "/actuator/clock/add", "{\"offsetMilli\": 660000}").statusCode()).isEqualTo(200);

		assertThat(this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(500))
			.send()
			.join()
			.getJobs()).singleElement().satisfies((job) -> assertThat(job.getKey()).isEqualTo(first));
	}

	@Test
	void shouldRejectAMissingOffsetWithAProblem() throws Exception {
		HttpResponse<String> response = admin("POST", "/actuator/clock/add", "{}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private HttpResponse<String> admin(String method, String path, String body) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}

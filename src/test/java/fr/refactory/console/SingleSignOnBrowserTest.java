package fr.refactory.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.AdminClient;
import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.idp.PlantIdentityProvider;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on through a real OIDC provider started here (Spring Authorization Server,
 * ADR 0507): a person signs in at the provider and the console shows their group's tasks
 * from the token's claims; their access token and a worker's client-credentials token are
 * held to the /v2 permissions of the roles the provider gives them.
 */
class SingleSignOnBrowserTest extends RefactoryIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static ConfigurableApplicationContext provider;

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	OAuth2AuthorizedClientService signedInClients;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTheProvider() {
		provider = PlantIdentityProvider.start(IDENTITY_PROVIDER_PORT, loopbackUrl());
	}

	@AfterAll
	static void stopTheProvider() {
		provider.close();
	}

	@Test
	void shouldSignAnIntakeOperatorInAtTheProviderAndShowOnlyTheirGroupsTasks() throws Exception {
		IntakeFixture intake = IntakeFixture.start(this.client);
		intake.openTask("task-gate-inspection");
		intake.openTask("task-quality-check");

		try (Browser browser = Browser.open(loopbackUrl())) {
			browser.go("/login");
			browser.click(By.linkText("Sign in with the plant's identity provider"));
			browser.waitFor(By.id("username"));
			assertThat(browser.driver().getCurrentUrl()).startsWith("http://localhost:" + IDENTITY_PROVIDER_PORT);
			browser.type(By.id("username"), "intake-operator");
			browser.type(By.id("password"), PlantIdentityProvider.PASSWORD);
			browser.click(By.cssSelector("button[type=submit]"));
			assertThat(browser.waitFor(By.id("current-user")).getText()).isEqualTo("intake-operator");

			browser.go("/console/tasks?process=" + intake.processId);
			browser.waitFor(By.id("task-table"));
			assertThat(browser.pageText()).contains("Gate inspection")
				.contains(intake.vin)
				.doesNotContain("Quality check");
			browser.screenshot("sso-task-list");
			browser.go("/models");
			assertThat(browser.pageText()).as("process owners only")
				.contains("Forbidden")
				.doesNotContain("Check and deploy");
		}

		OAuth2AuthorizedClient signedIn = this.signedInClients.loadAuthorizedClient("plant-idp", "intake-operator");
		String token = signedIn.getAccessToken().getTokenValue();
		long definitionsBefore = definitionCount();
		HttpResponse<String> deploy = bearer(token, "POST", "/v2/deployments", "multipart/form-data; boundary=b",
				"--b\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"sso.bpmn\"\r\n"
						+ "Content-Type: application/xml\r\n\r\n"
						+ Bpmn.convertToString(
								Bpmn.createExecutableProcess("sso-" + UUID.randomUUID().toString().substring(0, 8))
									.startEvent()
									.endEvent()
									.done())
						+ "\r\n--b--\r\n");
		assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(403);
		assertThat(deploy.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(definitionCount()).isEqualTo(definitionsBefore);
	}

	@Test
	void shouldLetAWorkersTokenCompleteAJobButNotAUserTask() throws Exception {
		String processId = "sso-worker-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent()
				.parallelGateway("fork")
				.serviceTask("work", (task) -> task.zeebeJobType(processId))
				.endEvent()
				.moveToNode("fork")
				.userTask("review", (task) -> task.zeebeUserTask().zeebeCandidateGroups("reviewers"))
				.endEvent()
				.done(), processId + ".bpmn")
			.send()
			.join();
		long instanceKey = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();
		String token = clientCredentialsToken();

		HttpResponse<String> activated = bearer(token, "POST", "/v2/jobs/activation", "application/json",
				"{\"type\":\"" + processId + "\",\"maxJobsToActivate\":1,\"timeout\":60000,\"worker\":\"sso\","
						+ "\"requestTimeout\":10000}");
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		JsonNode jobs = JSON.readTree(activated.body()).get("jobs");
		assertThat(jobs).hasSize(1);
		String jobKey = jobs.get(0).get("jobKey").asText();
		assertThat(bearer(token, "POST", "/v2/jobs/" + jobKey + "/completion", "application/json", "{}").statusCode())
			.isEqualTo(204);

		long userTaskKey = awaitUserTask(instanceKey);
		HttpResponse<String> completion = bearer(token, "POST", "/v2/user-tasks/" + userTaskKey + "/completion",
				"application/json", "{}");
		assertThat(completion.statusCode()).as(completion.body()).isEqualTo(403);
		assertThat(this.client.newUserTaskGetRequest(userTaskKey).send().join().getState())
			.isEqualTo(UserTaskState.CREATED);
	}

	@Test
	void shouldRefuseATokenTheProviderDidNotSign() throws Exception {
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString("{\"sub\":\"admin\",\"roles\":[\"ADMIN\"]}".getBytes())
				+ ".";

		assertThat(bearer(forged, "POST", "/v2/process-instances/search", "application/json", "{}").statusCode())
			.isEqualTo(401);
	}

	private long awaitUserTask(long instanceKey) {
		return org.awaitility.Awaitility.await()
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(instanceKey))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getUserTaskKey();
	}

	private String clientCredentialsToken() throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((PlantIdentityProvider.WORKER_CLIENT + ":" + PlantIdentityProvider.WORKER_SECRET)
				.getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + IDENTITY_PROVIDER_PORT + "/oauth2/token"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=camunda-api"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asText();
	}

	private HttpResponse<String> bearer(String token, String method, String path, String contentType, String body)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private long definitionCount() {
		return this.client.newProcessDefinitionSearchRequest().send().join().page().totalItems();
	}

}

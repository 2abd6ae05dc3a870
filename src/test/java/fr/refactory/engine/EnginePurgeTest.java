package fr.refactory.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClients;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /actuator/cluster/purge} deletes every engine datum and is reported by
 * {@code /v2/topology}. Runs on its own application (own embedded PostgreSQL data
 * directory), since a purge of the shared test context would remove the start-up
 * deployments other tests rely on.
 */
class EnginePurgeTest {

	@Test
	void shouldDeleteAllEngineDataAndReportTheChangeInTheTopology() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "purge-postgres-");
		int port = RefactoryIntegrationTest.freePort();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RefactoryApplication.class).run(
				"--server.port=" + port, "--refactory.database.embedded.data-directory=" + data,
				"--spring.main.banner-mode=off", "--refactory.engine.management.enabled=true")) {
			CamundaClient client = AdminClients.of(app);
			String processId = "purge-me";
			for (int i = 0; i < 2; i++) {
				client.newDeployResourceCommand()
					.addProcessModel(Bpmn.createExecutableProcess(processId)
						.name("v" + i)
						.startEvent()
						.serviceTask("work", (t) -> t.zeebeJobType("purge-work"))
						.endEvent()
						.done(), "purge.bpmn")
					.send()
					.join();
			}
			client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from engine_event", Integer.class)).as("events logged")
				.isPositive();

			HttpResponse<String> response = call("POST", port, "/actuator/cluster/purge");
			assertThat(response.statusCode()).isEqualTo(200);
			long changeId = new ObjectMapper().readTree(response.body()).get("changeId").asLong();
			assertThat(changeId).isPositive();

			HttpResponse<String> topology = call("GET", port, "/v2/topology");
			assertThat(topology.statusCode()).isEqualTo(200);
			assertThat(new ObjectMapper().readTree(topology.body()).get("lastCompletedChangeId").isTextual()).isTrue();
			assertThat(new ObjectMapper().readTree(topology.body()).get("lastCompletedChangeId").asText())
				.isEqualTo(Long.toString(changeId));
			assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
			assertThat(client.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
			assertThat(client.newDecisionDefinitionSearchRequest().send().join().items()).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from engine_event", Integer.class)).as("events left")
				.isZero();

			int version = client.newDeployResourceCommand()
				.addProcessModel(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(), "purge.bpmn")
				.send()
				.join()
				.getProcesses()
				.get(0)
				.getVersion();
			assertThat(version).isEqualTo(1);
		}
	}

	private static HttpResponse<String> call(String method, int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}

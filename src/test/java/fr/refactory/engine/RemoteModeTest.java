package fr.refactory.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path with Camunda 8: a second application with
 * {@code refactory.engine.enabled=false} and its client pointed at the first (the shared
 * test application, standing in for the cluster) completes the first's jobs with its own
 * {@code @JobWorker}.
 */
class RemoteModeTest extends EngineTestSupport {

	@Test
	void shouldLetASecondApplicationWithoutEngineWorkOnTheFirstsJobs() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "remote-postgres-");
		String id = uniqueId("remote");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("echo", (t) -> t.zeebeJobType("engine-remote-echo"))
			.endEvent()
			.done());

		try (ConfigurableApplicationContext remote = new SpringApplicationBuilder(RefactoryApplication.class).run(
				"--server.port=" + freePort(), "--refactory.engine.enabled=false",
				"--camunda.client.rest-address=" + baseUrl(), "--refactory.database.embedded.data-directory=" + data,
				"--refactory.test.remote-worker=true", "--spring.main.banner-mode=off",
				// only the remote echo worker polls: a closed application's long polls
				// stay open on the engine until
				// their time-out, and a job handed to one of them is lost until the job's
				// own time-out
				"--camunda.client.worker.defaults.enabled=false",
				"--camunda.client.worker.override.engine-remote-echo.enabled=true")) {
			assertThat(remote.getBeanNamesForType(Deployments.class)).isEmpty();
			assertThat(remote.getBeanNamesForType(RemoteEchoWorker.class)).hasSize(1);

			ProcessInstanceResult result = this.client.newCreateInstanceCommand()
				.bpmnProcessId(id)
				.latestVersion()
				.withResult()
				.requestTimeout(Duration.ofSeconds(30))
				.send()
				.join();

			assertThat(result.getVariablesAsMap()).containsEntry("handledBy", "remote-worker");
		}
	}

}

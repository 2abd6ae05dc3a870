package fr.refactory.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClients;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pending timers and buffered messages survive a stop and start of the application (same
 * embedded PostgreSQL data directory): an intermediate timer, a timer boundary event and
 * a timer start cycle fire after the restart, each exactly once; a buffered message
 * correlates once after the restart and one past its time to live does not. Runs its own
 * two application instances, one after the other, beside the shared test context (as
 * {@link RestartTest}).
 */
class TimerRestartTest {

	private static ConfigurableApplicationContext startApplication(Path data, int port) {
		return new SpringApplicationBuilder(RefactoryApplication.class).run("--server.port=" + port,
				"--refactory.database.embedded.data-directory=" + data, "--spring.main.banner-mode=off",
				"--refactory.engine.management.enabled=true",
				// the test deploys and works its own models: the 79 start-up models and
				// the application's workers
				// (tested on the shared context) would cost each of the two starts
				// seconds of verify time
				"--camunda.client.deployment.enabled=false", "--camunda.client.worker.defaults.enabled=false");
	}

	@Test
	void shouldFirePendingTimersAndKeepBufferedMessagesOnceAfterARestart() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "timer-restart-postgres-");
		int port = RefactoryIntegrationTest.freePort();
		long waiting;
		long guarded;
		try (ConfigurableApplicationContext first = startApplication(data, port)) {
			CamundaClient client = AdminClients.of(first);
			client.newDeployResourceCommand()
				.addProcessModel(Bpmn.createExecutableProcess("restart-timer-catch")
					.startEvent("start")
					.intermediateCatchEvent("wait", (e) -> e.timerWithDuration("PT10M"))
					.endEvent("end")
					.done(), "restart-timer-catch.bpmn")
				.addProcessModel(Bpmn.createExecutableProcess("restart-timer-boundary")
					.startEvent("start")
					.userTask("work", (t) -> t.zeebeUserTask())
					.boundaryEvent("late", (b) -> b.timerWithDuration("PT10M"))
					.endEvent("timedOut")
					.moveToActivity("work")
					.endEvent("end")
					.done(), "restart-timer-boundary.bpmn")
				.addProcessModel(
						Bpmn.createExecutableProcess("restart-message-catch")
							.startEvent("start")
							.intermediateCatchEvent("delivered", (e) -> e.message(
									(m) -> m.name("restart-kit-delivered").zeebeCorrelationKeyExpression("orderId")))
							.endEvent("end")
							.done(),
						"restart-message-catch.bpmn")
				.addProcessModel(Bpmn.createExecutableProcess("restart-timer-start")
					.startEvent("every")
					.timerWithCycle("R2/PT10M")
					.endEvent("end")
					.done(), "restart-timer-start.bpmn")
				.send()
				.join();
			waiting = create(client, "restart-timer-catch");
			guarded = create(client, "restart-timer-boundary");
			publish(client, "kept", Duration.ofHours(1));
			publish(client, "expiring", Duration.ofMinutes(5));
		}

		try (ConfigurableApplicationContext second = startApplication(data, port)) {
			CamundaClient client = AdminClients.of(second);
			EngineClock clock = new EngineClock("http://localhost:" + port);
			try {
				long firstKept = createWaitingFor(client, "kept");
				long secondKept = createWaitingFor(client, "kept");
				assertThat(client.newProcessInstanceGetRequest(firstKept).send().join().getState())
					.as("the buffered message correlates after the restart")
					.isEqualTo(ProcessInstanceState.COMPLETED);
				assertThat(client.newProcessInstanceGetRequest(secondKept).send().join().getState()).as("and only once")
					.isEqualTo(ProcessInstanceState.ACTIVE);

				clock.add(Duration.ofMinutes(11));
				assertThat(client.newProcessInstanceGetRequest(createWaitingFor(client, "expiring"))
					.send()
					.join()
					.getState()).as("a message past its time to live is gone").isEqualTo(ProcessInstanceState.ACTIVE);

				assertThat(client.newProcessInstanceGetRequest(waiting).send().join().getState())
					.isEqualTo(ProcessInstanceState.COMPLETED);
				assertThat(history(client, waiting)).containsExactly("start:COMPLETED", "wait:COMPLETED",
						"end:COMPLETED");
				assertThat(history(client, guarded)).containsExactly("start:COMPLETED", "work:TERMINATED",
						"late:COMPLETED", "timedOut:COMPLETED");
				assertThat(instancesOf(client, "restart-timer-start")).isEqualTo(1);

				clock.add(Duration.ofMinutes(10));
				assertThat(instancesOf(client, "restart-timer-start")).isEqualTo(2);
				assertThat(history(client, waiting)).hasSize(3);
			}
			finally {
				clock.reset();
			}
		}
	}

	private static void publish(CamundaClient client, String orderId, Duration timeToLive) {
		client.newPublishMessageCommand()
			.messageName("restart-kit-delivered")
			.correlationKey(orderId)
			.timeToLive(timeToLive)
			.send()
			.join();
	}

	private static long createWaitingFor(CamundaClient client, String orderId) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId("restart-message-catch")
			.latestVersion()
			.variables(java.util.Map.of("orderId", orderId))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	private static long create(CamundaClient client, String processId) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();
	}

	private static List<String> history(CamundaClient client, long processInstanceKey) {
		return client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.sort((s) -> s.elementInstanceKey().asc())
			.send()
			.join()
			.items()
			.stream()
			.filter((e) -> !e.getType().name().equals("PROCESS"))
			.map((e) -> e.getElementId() + ":" + e.getState())
			.toList();
	}

	private static long instancesOf(CamundaClient client, String processId) {
		return client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.page()
			.totalItems();
	}

}

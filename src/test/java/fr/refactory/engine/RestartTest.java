package fr.refactory.engine;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClients;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances waiting at a job, a user task and a call activity survive a stop and start of
 * the application (same embedded PostgreSQL data directory) and run to completion, each
 * step applied once; so does a batch operation the first application stopped in the
 * middle of (ADR 1040). Runs its own two application instances, one after the other,
 * beside the shared test context.
 */
class RestartTest {

	private static ConfigurableApplicationContext startApplication(Path data, int port) {
		return new SpringApplicationBuilder(RefactoryApplication.class).run("--server.port=" + port,
				"--refactory.database.embedded.data-directory=" + data, "--spring.main.banner-mode=off",
				// the test deploys and works its own models: the 79 start-up models and
				// the application's workers
				// (tested on the shared context) would cost each of the two starts
				// seconds of verify time
				"--camunda.client.deployment.enabled=false", "--camunda.client.worker.defaults.enabled=false");
	}

	@Test
	void shouldResumeWaitingInstancesAfterARestartWithoutApplyingAnythingTwice() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-postgres-");
		int port = RefactoryIntegrationTest.freePort();
		long jobInstance;
		long taskInstance;
		long parentInstance;
		List<Long> batchInstances;
		String batchKey;
		Connection lockHolder = null;
		try (ConfigurableApplicationContext first = startApplication(data, port)) {
			CamundaClient client = AdminClients.of(first);
			deployModels(client);
			jobInstance = create(client, "restart-job", Map.of("n", 1));
			taskInstance = create(client, "restart-user", Map.of());
			parentInstance = create(client, "restart-parent", Map.of("from", "parent"));
			List<ActivatedJob> inFlight = client.newActivateJobsCommand()
				.jobType("restart-work")
				.maxJobsToActivate(1)
				.timeout(Duration.ofSeconds(1))
				.send()
				.join()
				.getJobs();
			assertThat(inFlight).hasSize(1);
			batchInstances = List.of(create(client, "restart-batch", Map.of()),
					create(client, "restart-batch", Map.of()));
			lockHolder = holdTheLockOf(first, batchInstances.get(0));
			batchKey = client.newCreateBatchOperationCommand()
				.processInstanceCancel()
				.filter((f) -> f.processDefinitionId("restart-batch"))
				.send()
				.join()
				.getBatchOperationKey();
			JdbcTemplate database = first.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> database.queryForObject(
						"select count(*) from"
								+ " pg_stat_activity where wait_event_type = 'Lock' and query like '%for update%'",
						Long.class) > 0);
		}
		finally {
			if (lockHolder != null) {
				lockHolder.close();
			}
		}

		try (ConfigurableApplicationContext second = startApplication(data, port)) {
			CamundaClient client = AdminClients.of(second);
			for (int i = 0; i < 2; i++) {
				ActivatedJob job = client.newActivateJobsCommand()
					.jobType("restart-work")
					.maxJobsToActivate(1)
					.requestTimeout(Duration.ofSeconds(20))
					.send()
					.join()
					.getJobs()
					.get(0);
				client.newCompleteCommand(job.getKey())
					.variables(Map.of("done-" + job.getElementId(), true))
					.send()
					.join();
			}
			long userTask = client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(taskInstance))
				.send()
				.join()
				.items()
				.get(0)
				.getUserTaskKey();
			client.newCompleteUserTaskCommand(userTask).variables(Map.of("approved", true)).send().join();

			String unfinishedBatch = batchKey;
			BatchOperation batch = await().atMost(Duration.ofSeconds(60))
				.until(() -> client.newBatchOperationGetRequest(unfinishedBatch).send().join(),
						(b) -> b.getEndDate() != null);
			assertThat(batch.getStatus()).isEqualTo(BatchOperationState.COMPLETED);
			assertThat(batch.getOperationsCompletedCount()).isEqualTo(2);
			for (long key : batchInstances) {
				assertThat(client.newProcessInstanceGetRequest(key).send().join().getState())
					.isEqualTo(ProcessInstanceState.TERMINATED);
				assertThat(
						second.getBean(JdbcTemplate.class)
							.queryForObject("select count(*) from engine_event"
									+ " where key = ? and intent = 'ELEMENT_TERMINATED'", Long.class, key))
					.as("cancelled once")
					.isEqualTo(1);
			}

			for (long key : List.of(jobInstance, taskInstance, parentInstance)) {
				assertThat(client.newProcessInstanceGetRequest(key).send().join().getState())
					.isEqualTo(ProcessInstanceState.COMPLETED);
				assertThat(completedOnce(client, key)).isTrue();
			}
			assertThat(client.newVariableSearchRequest()
				.filter((f) -> f.processInstanceKey(parentInstance).name("done-childTask"))
				.send()
				.join()
				.items()).singleElement();
		}
	}

	/**
	 * Holds the row lock a command on the instance takes first, from a connection of its
	 * own (not the application's pool), so the batch runner waits at that item until the
	 * application is gone.
	 */
	private static Connection holdTheLockOf(ConfigurableApplicationContext app, long processInstanceKey)
			throws Exception {
		HikariDataSource pool = (HikariDataSource) app.getBean(DataSource.class);
		Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection
			.prepareStatement("select 1 from engine_process_instance where process_instance_key = ? for update")) {
			lock.setLong(1, processInstanceKey);
			lock.executeQuery().close();
		}
		return connection;
	}

	private static void deployModels(CamundaClient client) {
		client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess("restart-job")
				.startEvent()
				.serviceTask("jobTask", (t) -> t.zeebeJobType("restart-work"))
				.endEvent()
				.done(), "restart-job.bpmn")
			.addProcessModel(Bpmn.createExecutableProcess("restart-user")
				.startEvent()
				.userTask("approve", (t) -> t.zeebeUserTask())
				.endEvent()
				.done(), "restart-user.bpmn")
			.addProcessModel(Bpmn.createExecutableProcess("restart-child")
				.startEvent()
				.serviceTask("childTask", (t) -> t.zeebeJobType("restart-work"))
				.endEvent()
				.done(), "restart-child.bpmn")
			.addProcessModel(Bpmn.createExecutableProcess("restart-batch")
				.startEvent()
				.serviceTask("waitForever", (t) -> t.zeebeJobType("restart-nobody"))
				.endEvent()
				.done(), "restart-batch.bpmn")
			.addProcessModel(Bpmn.createExecutableProcess("restart-parent")
				.startEvent()
				.callActivity("call", (c) -> c.zeebeProcessId("restart-child"))
				.endEvent()
				.done(), "restart-parent.bpmn")
			.send()
			.join();
	}

	private static long create(CamundaClient client, String processId, Map<String, Object> variables) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey();
	}

	/** Every element of the instance completed exactly once. */
	private static boolean completedOnce(CamundaClient client, long processInstanceKey) {
		List<ElementInstance> elements = client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items();
		long distinct = elements.stream().map(ElementInstance::getElementId).distinct().count();
		return !elements.isEmpty() && distinct == elements.size()
				&& elements.stream().allMatch((e) -> e.getState().name().equals("COMPLETED"));
	}

}

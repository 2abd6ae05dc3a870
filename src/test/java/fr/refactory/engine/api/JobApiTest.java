package fr.refactory.engine.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.clock.ControlledClock;
import fr.refactory.engine.job.JobDeadlineChecker;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class JobApiTest extends EngineTestSupport {

	@Autowired
	ControlledClock clock;

	@Autowired
	JobDeadlineChecker deadlines;

	private String deployTask(String type) {
		String id = uniqueId("jobs");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(type).zeebeJobRetries("3"))
			.endEvent()
			.done());
		return id;
	}

	@Test
	void shouldWakeAWaitingActivationWhenAJobIsCreated() {
		String type = uniqueId("wake");
		String id = deployTask(type);
		CamundaFuture<ActivateJobsResponse> waiting = this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofSeconds(20))
			.send();

		long key = start(id);

		List<ActivatedJob> jobs = waiting.join().getJobs();
		assertThat(jobs).singleElement().satisfies((job) -> assertThat(job.getProcessInstanceKey()).isEqualTo(key));
	}

	@Test
	void shouldAnswerWithNoJobsAtTheRequestTimeout() {
		List<ActivatedJob> jobs = this.client.newActivateJobsCommand()
			.jobType(uniqueId("nothing"))
			.maxJobsToActivate(5)
			.requestTimeout(Duration.ofMillis(300))
			.send()
			.join()
			.getJobs();

		assertThat(jobs).isEmpty();
	}

	@Test
	void shouldRespectMaxJobsAndFetchVariables() {
		String type = uniqueId("max");
		String id = deployTask(type);
		for (int i = 0; i < 3; i++) {
			start(id, Map.of("a", i, "b", "hidden"));
		}

		List<ActivatedJob> first = this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(2)
			.workerName("tester")
			.fetchVariables("a")
			.send()
			.join()
			.getJobs();

		assertThat(first).hasSize(2).allSatisfy((job) -> {
			assertThat(job.getVariablesAsMap()).containsOnlyKeys("a");
			assertThat(job.getWorker()).isEqualTo("tester");
			assertThat(job.getDeadline()).isPositive();
		});
		assertThat(activate(type, 5)).hasSize(1);
	}

	@Test
	void shouldRejectASecondCompletionAndChangeNothing() {
		String type = uniqueId("twice");
		long key = start(deployTask(type));
		ActivatedJob job = activateOne(type);
		this.client.newCompleteCommand(job.getKey()).variables(Map.of("x", 1)).send().join();

		problem(() -> this.client.newCompleteCommand(job.getKey()).variables(Map.of("x", 2)).send().join(), 404);

		assertThat(rootVariables(key)).containsEntry("x", "1");
		assertThat(history(key)).containsOnlyOnce("task:COMPLETED");
	}

	@Test
	void shouldMakeAFailedJobActivatableAgainWhileRetriesRemain() {
		String type = uniqueId("fail");
		start(deployTask(type));
		ActivatedJob job = activateOne(type);

		this.client.newFailCommand(job.getKey()).retries(2).errorMessage("boom").send().join();

		ActivatedJob again = activateOne(type);
		assertThat(again.getKey()).isEqualTo(job.getKey());
		assertThat(again.getRetries()).isEqualTo(2);
	}

	@Test
	void shouldWaitForTheRetryBackOffOnTheEngineClock() {
		String type = uniqueId("backoff");
		start(deployTask(type));
		ActivatedJob job = activateOne(type);
		this.client.newFailCommand(job.getKey()).retries(1).retryBackoff(Duration.ofHours(1)).send().join();
		assertThat(this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(200))
			.send()
			.join()
			.getJobs()).isEmpty();

		try {
			this.clock.add(Duration.ofHours(2));
			this.deadlines.checkNow();
			assertThat(activateOne(type).getKey()).isEqualTo(job.getKey());
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void shouldRaiseAnIncidentWhenRetriesAreExhaustedAndContinueAfterResolution() {
		String type = uniqueId("exhaust");
		long key = start(deployTask(type));
		ActivatedJob job = activateOne(type);

		this.client.newFailCommand(job.getKey()).retries(0).errorMessage("no luck").send().join();

		Incident incident = incidents(key).get(0);
		assertThat(incident.getErrorType().name()).isEqualTo("JOB_NO_RETRIES");
		assertThat(incident.getErrorMessage()).isEqualTo("no luck");
		assertThat(incident.getJobKey()).isEqualTo(job.getKey());
		problem(() -> this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join(), 409);

		this.client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
		this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
		this.client.newCompleteCommand(activateOne(type).getKey()).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(incidents(key).get(0).getState().name()).isEqualTo("RESOLVED");
	}

	@Test
	void shouldRaiseAnIncidentForAnUncaughtBpmnError() {
		String type = uniqueId("error");
		long key = start(deployTask(type));
		ActivatedJob job = activateOne(type);

		this.client.newThrowErrorCommand(job.getKey())
			.errorCode("NOT_REPAIRABLE")
			.errorMessage("cracked")
			.send()
			.join();

		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("UNHANDLED_ERROR_EVENT");
			assertThat(incident.getErrorMessage()).contains("NOT_REPAIRABLE");
		});
	}

	@Test
	void shouldMakeATimedOutJobActivatableAgain() {
		String type = uniqueId("timeout");
		start(deployTask(type));
		ActivatedJob first = this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.timeout(Duration.ofMillis(1))
			.send()
			.join()
			.getJobs()
			.get(0);

		ActivatedJob again = this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofSeconds(20))
			.send()
			.join()
			.getJobs()
			.get(0);

		assertThat(again.getKey()).isEqualTo(first.getKey());
	}

	@Test
	void shouldAnswerNotFoundForUnknownJobs() {
		problem(() -> this.client.newCompleteCommand(42L).send().join(), 404);
		problem(() -> this.client.newFailCommand(42L).retries(1).send().join(), 404);
		problem(() -> this.client.newThrowErrorCommand(42L).errorCode("E").send().join(), 404);
		problem(() -> this.client.newUpdateRetriesCommand(42L).retries(2).send().join(), 404);
	}

	@Test
	void shouldRejectAnActivationWithoutType() throws Exception {
		var response = raw("POST", "/v2/jobs/activation", "application/json",
				"{\"maxJobsToActivate\":1,\"timeout\":1000}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

}

package fr.refactory.engine.api;

import java.time.Duration;
import java.util.List;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.response.Job;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v2/jobs/search} through the client ({@code newJobSearchRequest}). */
class JobSearchApiTest extends EngineTestSupport {

	private String deployWork(String type) {
		String id = uniqueId("job-search");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("work", (t) -> t.zeebeJobType(type).zeebeJobRetries("3").zeebeTaskHeader("station", "S1"))
			.endEvent()
			.done());
		return id;
	}

	private List<Job> search(java.util.function.Consumer<io.camunda.client.api.search.filter.JobFilter> filter) {
		return this.client.newJobSearchRequest().filter(filter).send().join().items();
	}

	@Test
	void shouldFilterByStateTypeAndFailureAndSortByRetries() {
		String type = uniqueId("searched-work");
		String id = deployWork(type);
		long first = start(id);
		long second = start(id);
		long third = start(id);
		List<ActivatedJob> activated = this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(2)
			.workerName("w1")
			.timeout(Duration.ofMinutes(5))
			.send()
			.join()
			.getJobs();
		assertThat(activated).hasSize(2);
		ActivatedJob completed = activated.get(0);
		ActivatedJob failed = activated.get(1);
		this.client.newCompleteCommand(completed.getKey()).send().join();
		this.client.newFailCommand(failed.getKey()).retries(2).errorMessage("boom").send().join();

		List<Job> all = search((f) -> f.type(type));
		assertThat(all).extracting(Job::getProcessInstanceKey).containsExactlyInAnyOrder(first, second, third);
		assertThat(all).allSatisfy((job) -> {
			assertThat(job.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
			assertThat(job.getElementId()).isEqualTo("work");
			assertThat(job.getProcessDefinitionId()).isEqualTo(id);
			assertThat(job.getCustomerHeaders()).containsEntry("station", "S1");
			assertThat(job.getTenantId()).isEqualTo("<default>");
		});
		assertThat(search((f) -> f.type(type).state(JobState.COMPLETED))).extracting(Job::getJobKey)
			.containsExactly(completed.getKey());
		List<Job> withRetriesLeft = search((f) -> f.type(type).hasFailedWithRetriesLeft(true));
		assertThat(withRetriesLeft).extracting(Job::getJobKey).containsExactly(failed.getKey());
		assertThat(withRetriesLeft.get(0).getRetries()).isEqualTo(2);
		assertThat(withRetriesLeft.get(0).getErrorMessage()).isEqualTo("boom");
		assertThat(withRetriesLeft.get(0).getState()).isEqualTo(JobState.CREATED);

		var byRetries = this.client.newJobSearchRequest()
			.filter((f) -> f.type(type).state(JobState.CREATED))
			.sort((s) -> s.retries().asc())
			.page((p) -> p.limit(1))
			.send()
			.join();
		assertThat(byRetries.items()).extracting(Job::getJobKey).containsExactly(failed.getKey());
		assertThat(byRetries.page().totalItems()).isEqualTo(2);
	}

	@Test
	void shouldReportAnActivatedJobAsCreatedWithItsWorkerAndDeadline() {
		String type = uniqueId("activated-work");
		long instance = start(deployWork(type));
		ActivatedJob job = this.client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.workerName("w2")
			.timeout(Duration.ofMinutes(5))
			.send()
			.join()
			.getJobs()
			.get(0);

		List<Job> found = search((f) -> f.jobKey(job.getKey()));

		assertThat(found).hasSize(1);
		assertThat(found.get(0).getState()).isEqualTo(JobState.CREATED);
		assertThat(found.get(0).getWorker()).isEqualTo("w2");
		assertThat(found.get(0).getDeadline()).isNotNull();
		assertThat(found.get(0).getProcessInstanceKey()).isEqualTo(instance);
		assertThat(found.get(0).getElementInstanceKey()).isEqualTo(job.getElementInstanceKey());
		assertThat(search((f) -> f.type(type).state(JobState.FAILED))).isEmpty();
	}

	@Test
	void shouldRejectAFilterOrSortTheEngineCannotApply() throws Exception {
		problem(() -> this.client.newJobSearchRequest()
			.filter((f) -> f.endTime(java.time.OffsetDateTime.parse("2030-01-01T00:00:00Z")))
			.send()
			.join(), 400);
		var response = raw("POST", "/v2/jobs/search", "application/json",
				"{\"filter\":{\"type\":\"x\"},\"sort\":[{\"field\":\"endTime\"}]}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		var badKey = raw("POST", "/v2/jobs/search", "application/json", "{\"filter\":{\"jobKey\":\"not-a-key\"}}");
		assertThat(badKey.statusCode()).isEqualTo(400);
		assertThat(this.client.newJobSearchRequest().filter((f) -> f.type(uniqueId("none"))).send().join().items())
			.isEmpty();
	}

}

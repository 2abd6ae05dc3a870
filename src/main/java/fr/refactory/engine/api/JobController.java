package fr.refactory.engine.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Jobs;
import fr.refactory.engine.UserTasks;
import fr.refactory.engine.job.ActivationRequest;
import fr.refactory.engine.job.JobWaiters;
import fr.refactory.engine.state.query.JobQueries;
import fr.refactory.engine.state.query.SearchResult;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@ConditionalOnEmbeddedEngine
class JobController {

	static final String DELIVERED_JOBS = JobController.class.getName() + ".jobs";

	static final String DELIVERED_TYPE = JobController.class.getName() + ".type";

	private static final long DEFAULT_REQUEST_TIMEOUT = 10_000;

	private static final long BACKSTOP_MILLIS = 5_000;

	private final Jobs jobs;

	private final JobWaiters waiters;

	private final JobQueries queries;

	private final ApiLimits limits;

	JobController(Jobs jobs, JobWaiters waiters, JobQueries queries, ApiLimits limits) {
		this.jobs = jobs;
		this.waiters = waiters;
		this.queries = queries;
		this.limits = limits;
	}

	@PostMapping(path = "/v2/jobs/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<JobQueries.Job> search(@RequestBody(required = false) JsonNode body) {
		return this.queries.search(body);
	}

	@PostMapping(path = "/v2/jobs/activation", produces = MediaType.APPLICATION_JSON_VALUE)
	DeferredResult<JobWaiters.ActivationResponse> activate(@RequestBody ActivationRequest body,
			HttpServletRequest servletRequest) {
		ActivationRequest request = body.validated();
		this.limits.jobTimeout(request.timeout());
		this.limits.requestTimeout(request.requestTimeout());
		long requestTimeout = request.requestTimeout() == null || request.requestTimeout() == 0
				? DEFAULT_REQUEST_TIMEOUT : request.requestTimeout();
		boolean longPoll = requestTimeout > 0;
		DeferredResult<JobWaiters.ActivationResponse> result = new DeferredResult<>(
				(longPoll ? requestTimeout : DEFAULT_REQUEST_TIMEOUT) + BACKSTOP_MILLIS);
		this.waiters.await(request, result, longPoll, requestTimeout, (keys) -> {
			servletRequest.setAttribute(DELIVERED_JOBS, keys);
			servletRequest.setAttribute(DELIVERED_TYPE, request.type());
		});
		return result;
	}

	@PostMapping("/v2/jobs/{key}/completion")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(@PathVariable long key, @RequestBody(required = false) CompleteRequest body) {
		this.jobs.complete(key, body == null ? null : body.variables(),
				body == null || body.result() == null ? null : body.result().toListenerResult());
	}

	@PostMapping("/v2/jobs/{key}/failure")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void fail(@PathVariable long key, @RequestBody(required = false) FailRequest body) {
		FailRequest request = body == null ? new FailRequest(0, null, 0L, null) : body;
		this.limits.retryBackOff(request.retryBackOff());
		this.jobs.fail(key, request.retries() == null ? 0 : request.retries(), request.errorMessage(),
				request.retryBackOff() == null ? 0 : request.retryBackOff(), request.variables());
	}

	@PostMapping("/v2/jobs/{key}/error")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void error(@PathVariable long key, @RequestBody ErrorRequest body) {
		this.jobs.throwError(key, body.errorCode(), body.errorMessage(), body.variables());
	}

	@PatchMapping("/v2/jobs/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void update(@PathVariable long key, @RequestBody UpdateRequest body) {
		Changeset changeset = body.changeset() == null ? new Changeset(null, null) : body.changeset();
		this.limits.jobTimeout(changeset.timeout());
		this.jobs.update(key, changeset.retries(), changeset.timeout());
	}

	record CompleteRequest(Map<String, Object> variables, JobResult result) {
	}

	/**
	 * A user-task listener's job result: a denial with its reason, or corrections of the
	 * task.
	 */
	record JobResult(String type, Boolean denied, String deniedReason, Corrections corrections) {

		UserTasks.ListenerResult toListenerResult() {
			Map<String, Object> given = new java.util.LinkedHashMap<>();
			if (this.corrections != null) {
				putIfGiven(given, "assignee", this.corrections.assignee());
				putIfGiven(given, "dueDate", this.corrections.dueDate());
				putIfGiven(given, "followUpDate", this.corrections.followUpDate());
				putIfGiven(given, "candidateUsers", this.corrections.candidateUsers());
				putIfGiven(given, "candidateGroups", this.corrections.candidateGroups());
				putIfGiven(given, "priority", this.corrections.priority());
			}
			return new UserTasks.ListenerResult(Boolean.TRUE.equals(this.denied), this.deniedReason, given);
		}

		private static void putIfGiven(Map<String, Object> into, String name, Object value) {
			if (value != null) {
				into.put(name, value);
			}
		}

	}

	record Corrections(String assignee, String dueDate, String followUpDate, java.util.List<String> candidateUsers,
			java.util.List<String> candidateGroups, Integer priority) {
	}

	record FailRequest(Integer retries, String errorMessage, Long retryBackOff, Map<String, Object> variables) {
	}

	record ErrorRequest(String errorCode, String errorMessage, Map<String, Object> variables) {
	}

	record UpdateRequest(Changeset changeset) {
	}

	record Changeset(Integer retries, Long timeout) {
	}

}

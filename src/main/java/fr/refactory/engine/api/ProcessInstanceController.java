package fr.refactory.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.ProcessInstances;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.RuntimeInstructions;
import fr.refactory.engine.execution.ProcessCompletions;
import fr.refactory.engine.state.query.ProcessInstanceQueries;
import fr.refactory.engine.state.query.SearchResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@ConditionalOnEmbeddedEngine
class ProcessInstanceController {

	private static final long DEFAULT_AWAIT_MILLIS = 10_000;

	private static final long BACKSTOP_MILLIS = 5_000;

	private final ProcessInstances instances;

	private final ProcessCompletions completions;

	private final ProcessInstanceQueries queries;

	private final ApiLimits limits;

	ProcessInstanceController(ProcessInstances instances, ProcessCompletions completions,
			ProcessInstanceQueries queries, ApiLimits limits) {
		this.limits = limits;
		this.instances = instances;
		this.completions = completions;
		this.queries = queries;
	}

	@PostMapping(path = "/v2/process-instances", produces = MediaType.APPLICATION_JSON_VALUE)
	DeferredResult<CreateResult> create(@RequestBody CreateRequest request) {
		this.limits.requestTimeout(request.requestTimeout());
		List<String> startBefore = request.startInstructions() == null ? List.of()
				: request.startInstructions().stream().map(StartInstruction::elementId).toList();
		ProcessInstances.Created created = this.instances.create(parseKey(request.processDefinitionKey()),
				request.processDefinitionId(), request.processDefinitionVersion(), request.variables(), startBefore,
				request.tags() == null ? Set.of() : request.tags(),
				request.runtimeInstructions() == null ? List.of() : request.runtimeInstructions());
		long timeout = request.requestTimeout() == null || request.requestTimeout() <= 0 ? DEFAULT_AWAIT_MILLIS
				: request.requestTimeout();
		DeferredResult<CreateResult> result = new DeferredResult<>(timeout + BACKSTOP_MILLIS);
		if (!Boolean.TRUE.equals(request.awaitCompletion())) {
			result.setResult(CreateResult.of(created, null));
			return result;
		}
		long key = created.processInstanceKey();
		LongConsumer onCompleted = (k) -> result
			.setResult(CreateResult.of(created, this.instances.rootVariables(k, request.fetchVariables())));
		this.completions.await(key, onCompleted);
		Runnable expire = () -> {
			this.completions.forget(key, onCompleted);
			result.setErrorResult(this.completions.isRunning()
					? new Rejection(Rejection.Kind.DEADLINE_EXCEEDED,
							"Expected the process instance '" + key + "' to complete within " + timeout
									+ " ms, but it did not")
					: new Rejection(Rejection.Kind.UNAVAILABLE, "Expected the process instance '" + key
							+ "' to complete, but the engine is shutting down; the instance goes on after a restart"));
		};
		result.onTimeout(expire);
		this.completions.schedule(expire, timeout);
		if (this.instances.isEnded(key)) {
			this.completions.forget(key, onCompleted);
			onCompleted.accept(key);
		}
		return result;
	}

	/**
	 * Answers once the instance is terminated: at once, or when the canceling listeners
	 * its termination waits for ran; 504 when they did not within the time-out, as 8.8
	 * documents (ADR 1602).
	 */
	@PostMapping(path = "/v2/process-instances/{key}/cancellation")
	DeferredResult<ResponseEntity<Void>> cancel(@PathVariable long key) {
		DeferredResult<ResponseEntity<Void>> result = new DeferredResult<>(DEFAULT_AWAIT_MILLIS + BACKSTOP_MILLIS);
		LongConsumer onTerminated = (k) -> result.setResult(ResponseEntity.noContent().build());
		this.completions.awaitTermination(key, onTerminated);
		try {
			this.instances.cancel(key);
		}
		catch (RuntimeException refused) {
			this.completions.forgetTermination(key, onTerminated);
			throw refused;
		}
		if (this.instances.isEnded(key)) {
			this.completions.forgetTermination(key, onTerminated);
			onTerminated.accept(key);
			return result;
		}
		Runnable expire = () -> {
			this.completions.forgetTermination(key, onTerminated);
			result.setErrorResult(new Rejection(Rejection.Kind.DEADLINE_EXCEEDED, "Expected the process instance '"
					+ key + "' to be terminated within " + DEFAULT_AWAIT_MILLIS
					+ " ms, but its termination still waits for canceling task listeners; it goes on when they ran"));
		};
		result.onTimeout(expire);
		this.completions.schedule(expire, DEFAULT_AWAIT_MILLIS);
		return result;
	}

	@GetMapping(path = "/v2/process-instances/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	ProcessInstanceQueries.ProcessInstance get(@PathVariable long key) {
		return this.queries.get(key);
	}

	@PostMapping(path = "/v2/process-instances/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<ProcessInstanceQueries.ProcessInstance> search(@RequestBody(required = false) JsonNode body) {
		return this.queries.search(body);
	}

	@GetMapping(path = "/v2/process-instances/{key}/sequence-flows", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<ProcessInstanceQueries.SequenceFlow>> sequenceFlows(@PathVariable long key) {
		return Map.of("items", this.queries.sequenceFlows(key));
	}

	static Long parseKey(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw Rejection.invalidArgument("Expected a numeric key, but got '" + key + "'");
		}
	}

	record CreateRequest(String processDefinitionId, String processDefinitionKey, Integer processDefinitionVersion,
			Map<String, Object> variables, List<StartInstruction> startInstructions, Boolean awaitCompletion,
			List<String> fetchVariables, Long requestTimeout, Set<String> tags,
			List<RuntimeInstructions.Instruction> runtimeInstructions) {
	}

	/** Start before this element (the only kind of start instruction Camunda 8.8 has). */
	record StartInstruction(String elementId) {
	}

	record CreateResult(String processDefinitionId, int processDefinitionVersion, String processDefinitionKey,
			String processInstanceKey, String tenantId, Map<String, Object> variables, List<String> tags) {

		static CreateResult of(ProcessInstances.Created created, Map<String, Object> variables) {
			return new CreateResult(created.definition().processId(), created.definition().version(),
					String.valueOf(created.definition().key()), String.valueOf(created.processInstanceKey()),
					"<default>", variables == null ? Map.of() : variables, created.tags().stream().sorted().toList());
		}

	}

}

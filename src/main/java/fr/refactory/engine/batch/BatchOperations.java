package fr.refactory.engine.batch;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.state.BatchOperationStore;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates batch operations and suspends, resumes or cancels them. Creation evaluates the
 * filter once, in its own transaction, and records every item; the
 * {@link BatchOperationRunner} works them off after the commit. A request the engine
 * cannot apply (no filter object, an unknown filter field, a bad value) is refused and
 * creates nothing.
 */
@Component
@ConditionalOnEmbeddedEngine
public class BatchOperations {

	private final BatchOperationStore store;

	private final BatchOperationRunner runner;

	BatchOperations(BatchOperationStore store, BatchOperationRunner runner) {
		this.store = store;
		this.runner = runner;
	}

	@Transactional
	public Created create(String operationType, JsonNode filter, JsonNode parameters) {
		BatchItemExecutor executor = this.runner.executor(operationType)
			.orElseThrow(() -> Rejection
				.invalidArgument("Expected a batch operation type this engine runs, but got '" + operationType + "'"));
		if (filter == null || !filter.isObject()) {
			throw Rejection.invalidArgument("Expected 'filter' to be a process-instance filter object, but got '"
					+ (filter == null ? "nothing" : filter.toString()) + "'");
		}
		executor.validate(parameters);
		List<Selected> items = executor.select(filter);
		long key = this.store.create(operationType, filter, parameters, currentActor(), items);
		wakeTheRunnerAfterCommit();
		return new Created(String.valueOf(key), operationType);
	}

	@Transactional
	public void suspend(long batchOperationKey) {
		this.store.suspend(batchOperationKey);
	}

	@Transactional
	public void resume(long batchOperationKey) {
		this.store.resume(batchOperationKey);
		wakeTheRunnerAfterCommit();
	}

	@Transactional
	public void cancel(long batchOperationKey) {
		this.store.cancel(batchOperationKey);
	}

	private void wakeTheRunnerAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				BatchOperations.this.runner.wake();
			}
		});
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
				: authentication.getName();
	}

	/** {@code BatchOperationCreatedResult}. */
	public record Created(String batchOperationKey, String batchOperationType) {
	}

}

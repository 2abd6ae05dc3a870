package fr.refactory.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.batch.BatchOperations;
import fr.refactory.engine.batch.ProcessInstanceMigrationBatch;
import fr.refactory.engine.state.BatchOperationStore;
import fr.refactory.engine.state.query.SearchResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 8.8 batch operations: created by a process-instance filter, read, searched with
 * their items, suspended, resumed and cancelled (ADR 1040).
 */
@RestController
@ConditionalOnEmbeddedEngine
class BatchOperationController {

	private final BatchOperations batches;

	private final BatchOperationStore store;

	private final ProcessInstanceMigrationBatch migrations;

	BatchOperationController(BatchOperations batches, BatchOperationStore store,
			ProcessInstanceMigrationBatch migrations) {
		this.batches = batches;
		this.store = store;
		this.migrations = migrations;
	}

	@PostMapping(path = "/v2/process-instances/cancellation", produces = MediaType.APPLICATION_JSON_VALUE)
	BatchOperations.Created cancelProcessInstances(@RequestBody(required = false) JsonNode body) {
		return this.batches.create("CANCEL_PROCESS_INSTANCE", filterOf(body), null);
	}

	@PostMapping(path = "/v2/process-instances/incident-resolution", produces = MediaType.APPLICATION_JSON_VALUE)
	BatchOperations.Created resolveIncidents(@RequestBody(required = false) JsonNode body) {
		return this.batches.create("RESOLVE_INCIDENT", filterOf(body), null);
	}

	@PostMapping(path = "/v2/process-instances/migration", produces = MediaType.APPLICATION_JSON_VALUE)
	BatchOperations.Created migrateProcessInstances(@RequestBody(required = false) JsonNode body) {
		return this.batches.create("MIGRATE_PROCESS_INSTANCE", filterOf(body), planOf(body));
	}

	@PostMapping(path = "/v2/process-instances/modification", produces = MediaType.APPLICATION_JSON_VALUE)
	BatchOperations.Created modifyProcessInstances(@RequestBody(required = false) JsonNode body) {
		return this.batches.create("MODIFY_PROCESS_INSTANCE", filterOf(body),
				body == null ? null : body.get("moveInstructions"));
	}

	/**
	 * Extension (not a Camunda endpoint, ADR 1070): what a migration batch with this body
	 * would do to each instance it selects, and why an instance cannot move; creates and
	 * changes nothing.
	 */
	@PostMapping(path = "/v2/process-instances/migration/dry-run", produces = MediaType.APPLICATION_JSON_VALUE)
	DryRun dryRunMigration(@RequestBody(required = false) JsonNode body) {
		return new DryRun(this.migrations.dryRun(filterOf(body), planOf(body)));
	}

	@GetMapping(path = "/v2/batch-operations/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	BatchOperationStore.BatchOperation get(@PathVariable long key) {
		return this.store.get(key);
	}

	@PostMapping(path = "/v2/batch-operations/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<BatchOperationStore.BatchOperation> search(@RequestBody(required = false) JsonNode body) {
		return this.store.search(body);
	}

	@PostMapping(path = "/v2/batch-operation-items/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<BatchOperationStore.Item> searchItems(@RequestBody(required = false) JsonNode body) {
		return this.store.searchItems(body);
	}

	@PostMapping("/v2/batch-operations/{key}/suspension")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void suspend(@PathVariable long key) {
		this.batches.suspend(key);
	}

	@PostMapping("/v2/batch-operations/{key}/resumption")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resume(@PathVariable long key) {
		this.batches.resume(key);
	}

	@PostMapping("/v2/batch-operations/{key}/cancellation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@PathVariable long key) {
		this.batches.cancel(key);
	}

	private static JsonNode filterOf(JsonNode body) {
		return body == null ? null : body.get("filter");
	}

	private static JsonNode planOf(JsonNode body) {
		return body == null ? null : body.get("migrationPlan");
	}

	record DryRun(java.util.List<ProcessInstanceMigrationBatch.Verdict> items) {
	}

}

package fr.refactory.system.security;

/**
 * What a {@code /v2} client may do, named after Camunda 8.8's authorizations (resource
 * type and permission). Roles are given permissions in configuration
 * ({@code refactory.security.api.permissions}); {@link ApiOperations} says which
 * permission each operation needs.
 */
public enum ApiPermission {

	/** Deploy models. */
	RESOURCE_CREATE,

	/** Delete a deployed model. */
	RESOURCE_DELETE,

	/** Read a deployed resource and its content by key. */
	RESOURCE_READ,

	/** Read process definitions, their XML and start forms. */
	PROCESS_DEFINITION_READ,

	PROCESS_INSTANCE_CREATE,

	/**
	 * Read process instances, their elements, variables, incidents and message
	 * subscriptions.
	 */
	PROCESS_INSTANCE_READ,

	/**
	 * Change a running instance: set variables, resolve incidents, change a job's retries
	 * or time-out, migrate it to another version.
	 */
	PROCESS_INSTANCE_UPDATE,

	/**
	 * Move tokens of a running instance: activate elements, terminate element instances
	 * (modification).
	 */
	PROCESS_INSTANCE_MODIFY,

	PROCESS_INSTANCE_CANCEL,

	/**
	 * Create a batch that cancels the process instances a filter selects (8.8:
	 * {@code BATCH_OPERATION} {@code CREATE_BATCH_OPERATION_CANCEL_PROCESS_INSTANCE});
	 * its items cancel as the creator (ADR 1042).
	 */
	BATCH_OPERATION_CANCEL_PROCESS_INSTANCE,

	/**
	 * Create a batch that resolves the incidents of the process instances a filter
	 * selects (8.8: {@code BATCH_OPERATION}
	 * {@code CREATE_BATCH_OPERATION_RESOLVE_INCIDENT}).
	 */
	BATCH_OPERATION_RESOLVE_INCIDENT,

	/**
	 * Create a batch that migrates the process instances a filter selects to another
	 * version, and dry-run it (8.8: {@code BATCH_OPERATION}
	 * {@code CREATE_BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE}; ADR 1070).
	 */
	BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE,

	/**
	 * Create a batch that moves the tokens of the process instances a filter selects from
	 * one element to another (8.8: {@code BATCH_OPERATION}
	 * {@code CREATE_BATCH_OPERATION_MODIFY_PROCESS_INSTANCE}; ADR 1080).
	 */
	BATCH_OPERATION_MODIFY_PROCESS_INSTANCE,

	/**
	 * Read batch operations and their items (8.8: {@code BATCH_OPERATION} {@code READ}).
	 */
	BATCH_OPERATION_READ,

	/**
	 * Suspend, resume and cancel batch operations (8.8: {@code BATCH_OPERATION}
	 * {@code UPDATE}).
	 */
	BATCH_OPERATION_UPDATE,

	/** Publish or correlate a message. */
	MESSAGE_CREATE,

	/** Broadcast a signal. */
	SIGNAL_CREATE,

	/**
	 * Activate, complete and fail jobs and throw BPMN errors from them: what a job worker
	 * does.
	 */
	JOB_WORK,

	/** Search jobs. */
	JOB_READ,

	USER_TASK_READ,

	/** Assign, unassign, update and complete user tasks. */
	USER_TASK_UPDATE,

	DECISION_DEFINITION_READ,

	/** Read decision requirements (DRDs) and their DMN XML. */
	DECISION_REQUIREMENTS_DEFINITION_READ,

	/** Evaluate a decision. */
	DECISION_INSTANCE_CREATE,

	DECISION_INSTANCE_READ,

	/** Move the engine clock, purge the engine, the management endpoints. */
	SYSTEM_UPDATE,

	/**
	 * Read the application's metrics ({@code /actuator/prometheus}): what a monitoring
	 * system scrapes.
	 */
	SYSTEM_READ

}

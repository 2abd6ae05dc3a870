package fr.refactory.engine.state;

/**
 * What happened, named as Zeebe's record intents (docs.camunda.io): the element lifecycle
 * of process instance records, and the past-tense events of jobs, user tasks, variables,
 * incidents, timers and messages.
 */
public enum Intent {

	ELEMENT_ACTIVATING, ELEMENT_ACTIVATED, ELEMENT_COMPLETING, ELEMENT_COMPLETED, ELEMENT_TERMINATING,
	ELEMENT_TERMINATED, SEQUENCE_FLOW_TAKEN, ELEMENT_MIGRATED,

	CREATED, UPDATED, ASSIGNED, COMPLETED, CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING, ASSIGNMENT_DENIED,
	UPDATE_DENIED, COMPLETION_DENIED, CORRECTED, FAILED, ERROR_THROWN, RETRIES_UPDATED, TIMED_OUT, CANCELED, RESOLVED,
	TRIGGERED, CORRELATED, PUBLISHED, BROADCASTED,

	/**
	 * A process-instance modification or migration was applied (and what it moved, for
	 * migrations).
	 */
	MODIFIED, MIGRATED

}

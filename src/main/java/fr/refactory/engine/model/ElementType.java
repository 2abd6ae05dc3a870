package fr.refactory.engine.model;

/**
 * The BPMN element types the engine executes; names are the REST API's element-instance
 * types.
 */
public enum ElementType {

	PROCESS, SUB_PROCESS, START_EVENT, END_EVENT, SERVICE_TASK, SEND_TASK, USER_TASK, MANUAL_TASK, TASK, SCRIPT_TASK,
	BUSINESS_RULE_TASK, CALL_ACTIVITY, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, INCLUSIVE_GATEWAY, INTERMEDIATE_CATCH_EVENT,
	RECEIVE_TASK, BOUNDARY_EVENT, INTERMEDIATE_THROW_EVENT, EVENT_SUB_PROCESS, EVENT_BASED_GATEWAY,

	/**
	 * The container of the inner instances of a multi-instance activity (same element id
	 * as the activity).
	 */
	MULTI_INSTANCE_BODY

}

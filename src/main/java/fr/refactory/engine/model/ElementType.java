package fr.refactory.engine.model;

/** The BPMN element types the engine executes; names are the REST API's element-instance types. */
public enum ElementType {

	PROCESS, SUB_PROCESS, START_EVENT, END_EVENT, SERVICE_TASK, SEND_TASK, USER_TASK, MANUAL_TASK, TASK, SCRIPT_TASK,
	BUSINESS_RULE_TASK, CALL_ACTIVITY, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, INCLUSIVE_GATEWAY

}

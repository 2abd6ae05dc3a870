package fr.refactory.system.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Every operation of the engine's {@code /v2} API and management endpoints with the
 * permission it needs. The table is the API's contract, not a plant rule: who holds a
 * permission is configuration ({@link ApiPermissionsProperties}). Topology and status
 * need only a signed-in client (the Camunda client and health checks call them).
 */
public final class ApiOperations {

	/** One operation: a method and an Ant-style path. */
	public record Operation(HttpMethod method, String path, ApiPermission permission) {
	}

	public static final List<Operation> ALL = List.of(
			op(HttpMethod.POST, "/v2/deployments", ApiPermission.RESOURCE_CREATE),
			op(HttpMethod.POST, "/v2/resources/*/deletion", ApiPermission.RESOURCE_DELETE),
			op(HttpMethod.GET, "/v2/resources/*", ApiPermission.RESOURCE_READ),
			op(HttpMethod.GET, "/v2/resources/*/content", ApiPermission.RESOURCE_READ),
			op(HttpMethod.POST, "/v2/process-definitions/search", ApiPermission.PROCESS_DEFINITION_READ),
			op(HttpMethod.GET, "/v2/process-definitions/*", ApiPermission.PROCESS_DEFINITION_READ),
			op(HttpMethod.GET, "/v2/process-definitions/*/xml", ApiPermission.PROCESS_DEFINITION_READ),
			op(HttpMethod.GET, "/v2/process-definitions/*/form", ApiPermission.PROCESS_DEFINITION_READ),
			// Camunda: PROCESS_DEFINITION READ_PROCESS_INSTANCE, what reading the
			// instances needs here
			op(HttpMethod.POST, "/v2/process-definitions/*/statistics/element-instances",
					ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/process-instances", ApiPermission.PROCESS_INSTANCE_CREATE),
			op(HttpMethod.POST, "/v2/process-instances/*/cancellation", ApiPermission.PROCESS_INSTANCE_CANCEL),
			op(HttpMethod.POST, "/v2/process-instances/*/modification", ApiPermission.PROCESS_INSTANCE_MODIFY),
			op(HttpMethod.POST, "/v2/process-instances/*/migration", ApiPermission.PROCESS_INSTANCE_UPDATE),
			op(HttpMethod.POST, "/v2/process-instances/cancellation",
					ApiPermission.BATCH_OPERATION_CANCEL_PROCESS_INSTANCE),
			op(HttpMethod.POST, "/v2/process-instances/incident-resolution",
					ApiPermission.BATCH_OPERATION_RESOLVE_INCIDENT),
			op(HttpMethod.POST, "/v2/process-instances/migration",
					ApiPermission.BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE),
			op(HttpMethod.POST, "/v2/process-instances/modification",
					ApiPermission.BATCH_OPERATION_MODIFY_PROCESS_INSTANCE),
			// extension: the migration batch's dry run, read-only, for those who may
			// create one (ADR 1070)
			op(HttpMethod.POST, "/v2/process-instances/migration/dry-run",
					ApiPermission.BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE),
			op(HttpMethod.GET, "/v2/batch-operations/*", ApiPermission.BATCH_OPERATION_READ),
			op(HttpMethod.POST, "/v2/batch-operations/search", ApiPermission.BATCH_OPERATION_READ),
			op(HttpMethod.POST, "/v2/batch-operation-items/search", ApiPermission.BATCH_OPERATION_READ),
			op(HttpMethod.POST, "/v2/batch-operations/*/suspension", ApiPermission.BATCH_OPERATION_UPDATE),
			op(HttpMethod.POST, "/v2/batch-operations/*/resumption", ApiPermission.BATCH_OPERATION_UPDATE),
			op(HttpMethod.POST, "/v2/batch-operations/*/cancellation", ApiPermission.BATCH_OPERATION_UPDATE),
			op(HttpMethod.GET, "/v2/process-instances/*", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/process-instances/search", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/process-instances/*/sequence-flows", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/process-instances/*/events", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/process-instances/*/statistics/element-instances",
					ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/process-instances/*/call-hierarchy", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/process-instances/*/incidents/search", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/element-instances/search", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/element-instances/*", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.PUT, "/v2/element-instances/*/variables", ApiPermission.PROCESS_INSTANCE_UPDATE),
			op(HttpMethod.POST, "/v2/variables/search", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/variables/*", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/incidents/search", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/incidents/*", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/incidents/*/resolution", ApiPermission.PROCESS_INSTANCE_UPDATE),
			op(HttpMethod.POST, "/v2/message-subscriptions/search", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/correlated-message-subscriptions/search", ApiPermission.PROCESS_INSTANCE_READ),
			op(HttpMethod.POST, "/v2/messages/publication", ApiPermission.MESSAGE_CREATE),
			op(HttpMethod.POST, "/v2/messages/correlation", ApiPermission.MESSAGE_CREATE),
			op(HttpMethod.POST, "/v2/signals/broadcast", ApiPermission.SIGNAL_CREATE),
			op(HttpMethod.POST, "/v2/jobs/search", ApiPermission.JOB_READ),
			op(HttpMethod.POST, "/v2/jobs/activation", ApiPermission.JOB_WORK),
			op(HttpMethod.POST, "/v2/jobs/*/completion", ApiPermission.JOB_WORK),
			op(HttpMethod.POST, "/v2/jobs/*/failure", ApiPermission.JOB_WORK),
			op(HttpMethod.POST, "/v2/jobs/*/error", ApiPermission.JOB_WORK),
			op(HttpMethod.PATCH, "/v2/jobs/*", ApiPermission.PROCESS_INSTANCE_UPDATE),
			op(HttpMethod.POST, "/v2/user-tasks/search", ApiPermission.USER_TASK_READ),
			op(HttpMethod.GET, "/v2/user-tasks/*", ApiPermission.USER_TASK_READ),
			op(HttpMethod.GET, "/v2/user-tasks/*/form", ApiPermission.USER_TASK_READ),
			op(HttpMethod.POST, "/v2/user-tasks/*/variables/search", ApiPermission.USER_TASK_READ),
			op(HttpMethod.POST, "/v2/user-tasks/*/assignment", ApiPermission.USER_TASK_UPDATE),
			op(HttpMethod.DELETE, "/v2/user-tasks/*/assignee", ApiPermission.USER_TASK_UPDATE),
			op(HttpMethod.PATCH, "/v2/user-tasks/*", ApiPermission.USER_TASK_UPDATE),
			op(HttpMethod.POST, "/v2/user-tasks/*/completion", ApiPermission.USER_TASK_UPDATE),
			op(HttpMethod.POST, "/v2/decision-definitions/evaluation", ApiPermission.DECISION_INSTANCE_CREATE),
			op(HttpMethod.POST, "/v2/decision-definitions/search", ApiPermission.DECISION_DEFINITION_READ),
			op(HttpMethod.GET, "/v2/decision-definitions/*", ApiPermission.DECISION_DEFINITION_READ),
			op(HttpMethod.GET, "/v2/decision-definitions/*/xml", ApiPermission.DECISION_DEFINITION_READ),
			op(HttpMethod.POST, "/v2/decision-requirements/search",
					ApiPermission.DECISION_REQUIREMENTS_DEFINITION_READ),
			op(HttpMethod.GET, "/v2/decision-requirements/*", ApiPermission.DECISION_REQUIREMENTS_DEFINITION_READ),
			op(HttpMethod.GET, "/v2/decision-requirements/*/xml", ApiPermission.DECISION_REQUIREMENTS_DEFINITION_READ),
			op(HttpMethod.POST, "/v2/decision-instances/search", ApiPermission.DECISION_INSTANCE_READ),
			op(HttpMethod.GET, "/v2/decision-instances/*", ApiPermission.DECISION_INSTANCE_READ),
			op(HttpMethod.PUT, "/v2/clock", ApiPermission.SYSTEM_UPDATE),
			op(HttpMethod.POST, "/v2/clock/reset", ApiPermission.SYSTEM_UPDATE),
			op(HttpMethod.GET, "/actuator/clock", ApiPermission.SYSTEM_UPDATE),
			op(HttpMethod.POST, "/actuator/clock/add", ApiPermission.SYSTEM_UPDATE),
			op(HttpMethod.DELETE, "/actuator/clock", ApiPermission.SYSTEM_UPDATE),
			op(HttpMethod.POST, "/actuator/cluster/purge", ApiPermission.SYSTEM_UPDATE),
			op(HttpMethod.GET, "/actuator/prometheus", ApiPermission.SYSTEM_READ));

	/** Operations any signed-in API client may call. */
	public static final List<String> SIGNED_IN = List.of("/v2/topology", "/v2/status");

	private ApiOperations() {
	}

	private static Operation op(HttpMethod method, String path, ApiPermission permission) {
		return new Operation(method, path, permission);
	}

}

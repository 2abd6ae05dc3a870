package fr.refactory.engine.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.security.ApiOperations;
import fr.refactory.system.security.ApiPermission;
import fr.refactory.system.security.ApiPermissionsProperties;
import fr.refactory.system.security.RefactoryUsersProperties;
import fr.refactory.system.security.RefactoryUsersProperties.User;
import fr.refactory.test.EngineTestSupport;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege on {@code /v2} (issue 19, ADR 0506): every configured role (through a
 * user holding it) against every operation the engine's controllers map. Allowed: any
 * answer but 401 or 403 (called with keys that do not exist, so nothing changes).
 * Refused: a 403 problem, and the fixture's instances, the definitions and the clock
 * unchanged although the call names the fixture's real keys.
 */
class ApiPermissionMatrixTest extends EngineTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private NamedParameterJdbcTemplate jdbc;

	@Autowired
	private RefactoryUsersProperties users;

	@Autowired
	private ApiPermissionsProperties permissions;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void resetTheClock() throws Exception {
		raw("POST", "/v2/clock/reset", "application/json", null);
	}

	@Test
	void shouldMapEveryOperationOfTheControllersToAPermission() {
		Set<String> unmapped = new TreeSet<>();
		for (String operation : controllerOperations()) {
			String[] methodAndPath = operation.split(" ");
			String path = methodAndPath[1].replaceAll("\\{[^}]+}", "1");
			boolean mapped = ApiOperations.SIGNED_IN.contains(path) || ApiOperations.ALL.stream()
				.anyMatch((candidate) -> candidate.method().matches(methodAndPath[0])
						&& PATHS.match(candidate.path(), path));
			if (!mapped) {
				unmapped.add(operation);
			}
		}
		assertThat(unmapped).as("operations without a permission").isEmpty();
	}

	@Test
	void shouldGrantTheBriefsPermissionsToTheShippedRoles() {
		assertThat(permissionsOf("process-owner"))
			.contains(ApiPermission.RESOURCE_CREATE, ApiPermission.RESOURCE_DELETE)
			.doesNotContain(ApiPermission.JOB_WORK, ApiPermission.USER_TASK_UPDATE, ApiPermission.SYSTEM_UPDATE);
		assertThat(permissionsOf("engine-client")).as("the application's job workers")
			.containsExactlyInAnyOrder(ApiPermission.JOB_WORK, ApiPermission.MESSAGE_CREATE,
					ApiPermission.DECISION_INSTANCE_CREATE);
		assertThat(permissionsOf("console-client")).as("the console and audit views")
			.contains(ApiPermission.USER_TASK_UPDATE, ApiPermission.RESOURCE_CREATE)
			.doesNotContain(ApiPermission.JOB_WORK, ApiPermission.RESOURCE_DELETE, ApiPermission.SYSTEM_UPDATE,
					ApiPermission.SIGNAL_CREATE);
		assertThat(permissionsOf("console-client"))
			.as("the operations pages' repairs for OPERATIONS people (ADR 1060), the models page's migrations (ADR 1070)")
			.contains(ApiPermission.PROCESS_INSTANCE_MODIFY, ApiPermission.PROCESS_INSTANCE_UPDATE,
					ApiPermission.PROCESS_INSTANCE_CANCEL, ApiPermission.BATCH_OPERATION_RESOLVE_INCIDENT,
					ApiPermission.BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE, ApiPermission.BATCH_OPERATION_READ)
			.as("no page cancels by filter or suspends batches")
			.doesNotContain(ApiPermission.BATCH_OPERATION_CANCEL_PROCESS_INSTANCE, ApiPermission.BATCH_OPERATION_UPDATE,
					ApiPermission.BATCH_OPERATION_MODIFY_PROCESS_INSTANCE);
		assertThat(permissionsOf("process-owner")).as("migrates from the models page, with a reason (ADR 1070)")
			.doesNotContain(ApiPermission.BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE,
					ApiPermission.PROCESS_INSTANCE_UPDATE);
		assertThat(permissionsOf("plant-system")).as("cancelling one instance is not cancelling many")
			.contains(ApiPermission.PROCESS_INSTANCE_CANCEL)
			.doesNotContain(ApiPermission.BATCH_OPERATION_CANCEL_PROCESS_INSTANCE);
		assertThat(permissionsOf("auditor")).contains(ApiPermission.BATCH_OPERATION_READ);
		assertThat(permissionsOf("intake-operator")).as("people work through the console").isEmpty();
		assertThat(permissionsOf("auditor")).allMatch((permission) -> permission.name().endsWith("_READ"));
		assertThat(permissionsOf("demo")).as("ADMIN").containsExactlyInAnyOrder(ApiPermission.values());
		assertThat(permissionsOf("operations-engineer")).as("repairs, migrates, cancels, also in batches (ADR 1021)")
			.contains(ApiPermission.PROCESS_INSTANCE_READ, ApiPermission.PROCESS_INSTANCE_UPDATE,
					ApiPermission.PROCESS_INSTANCE_MODIFY, ApiPermission.PROCESS_INSTANCE_CANCEL,
					ApiPermission.BATCH_OPERATION_CANCEL_PROCESS_INSTANCE,
					ApiPermission.BATCH_OPERATION_RESOLVE_INCIDENT, ApiPermission.BATCH_OPERATION_READ,
					ApiPermission.BATCH_OPERATION_UPDATE, ApiPermission.BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE,
					ApiPermission.BATCH_OPERATION_MODIFY_PROCESS_INSTANCE)
			.containsAll(permissionsOf("auditor"))
			.doesNotContain(ApiPermission.RESOURCE_CREATE, ApiPermission.RESOURCE_DELETE,
					ApiPermission.PROCESS_INSTANCE_CREATE, ApiPermission.JOB_WORK, ApiPermission.USER_TASK_UPDATE,
					ApiPermission.MESSAGE_CREATE, ApiPermission.SIGNAL_CREATE, ApiPermission.SYSTEM_UPDATE,
					ApiPermission.SYSTEM_READ);
	}

	@Test
	void shouldAnswerTheIssuesExamplesWithoutTheTable() throws Exception {
		assertAllowed("process-owner",
				new Call("POST", "/v2/deployments", "multipart/form-data; boundary=b", "--b--\r\n"));
		assertRefused("intake-operator",
				new Call("POST", "/v2/deployments", "multipart/form-data; boundary=b", "--b--\r\n"));
		assertAllowed("engine-client", new Call("POST", "/v2/jobs/1/completion", "application/json", "{}"));
		assertAllowed("engine-client", new Call("POST", "/v2/messages/publication", "application/json", "{}"));
		assertRefused("engine-client", new Call("POST", "/v2/user-tasks/1/completion", "application/json", "{}"));
		assertRefused("engine-client", new Call("POST", "/v2/process-instances", "application/json", "{}"));
		assertRefused("engine-client",
				new Call("POST", "/v2/deployments", "multipart/form-data; boundary=b", "--b--\r\n"));
		assertAllowed("console-client", new Call("POST", "/v2/user-tasks/1/completion", "application/json", "{}"));
		assertRefused("console-client", new Call("POST", "/v2/jobs/activation", "application/json", "{}"));
		assertAllowed("console-client",
				new Call("POST", "/v2/process-instances/1/cancellation", "application/json", "{}"));
		assertRefused("auditor", new Call("POST", "/v2/process-instances/1/cancellation", "application/json", "{}"));
		assertAllowed("auditor", new Call("POST", "/v2/process-instances/search", "application/json", "{}"));
		assertRefused("process-owner", new Call("PUT", "/v2/clock", "application/json", "{}"));
		assertRefused("process-owner", new Call("GET", "/actuator/clock", null, null));
		assertAllowed("demo", new Call("GET", "/actuator/clock", null, null));
		assertAllowed("plant-system", new Call("POST", "/v2/signals/broadcast", "application/json", "{}"));
		assertRefused("plant-system", new Call("POST", "/v2/user-tasks/1/assignment", "application/json", "{}"));
		assertAllowed("console-client",
				new Call("POST", "/v2/process-instances/1/modification", "application/json", "{}"));
		assertRefused("plant-system",
				new Call("POST", "/v2/process-instances/1/modification", "application/json", "{}"));
		assertRefused("plant-system", new Call("POST", "/v2/process-instances/1/migration", "application/json", "{}"));
		assertRefused("auditor", new Call("POST", "/v2/process-instances/1/migration", "application/json", "{}"));
		assertAllowed("demo", new Call("POST", "/v2/process-instances/1/modification", "application/json", "{}"));
		assertAllowed("demo", new Call("POST", "/v2/process-instances/1/migration", "application/json", "{}"));
		String everyInstance = "{\"filter\":{}}";
		assertRefused("plant-system",
				new Call("POST", "/v2/process-instances/cancellation", "application/json", everyInstance));
		assertAllowed("console-client", new Call("POST", "/v2/process-instances/incident-resolution",
				"application/json", "{\"filter\":{\"processInstanceKey\":1}}"));
		assertRefused("console-client",
				new Call("POST", "/v2/process-instances/cancellation", "application/json", everyInstance));
		assertRefused("auditor", new Call("POST", "/v2/batch-operations/1/suspension", "application/json", "{}"));
		assertAllowed("auditor", new Call("POST", "/v2/batch-operations/search", "application/json", "{}"));
		assertAllowed("auditor", new Call("POST", "/v2/batch-operation-items/search", "application/json", "{}"));
		assertAllowed("demo", new Call("GET", "/v2/batch-operations/1", null, null));
		assertAllowed("operations-engineer",
				new Call("POST", "/v2/process-instances/1/cancellation", "application/json", "{}"));
		assertAllowed("operations-engineer", new Call("POST", "/v2/incidents/1/resolution", "application/json", "{}"));
		assertAllowed("operations-engineer",
				new Call("POST", "/v2/process-definitions/1/statistics/element-instances", "application/json", "{}"));
		assertAllowed("operations-engineer", new Call("GET", "/v2/process-instances/1/call-hierarchy", null, null));
		assertAllowed("auditor", new Call("GET", "/v2/decision-requirements/1/xml", null, null));
		assertRefused("operations-engineer",
				new Call("POST", "/v2/deployments", "multipart/form-data; boundary=b", "--b--\r\n"));
		assertRefused("operations-engineer", new Call("POST", "/v2/jobs/activation", "application/json", "{}"));
		assertRefused("operations-engineer", new Call("POST", "/v2/user-tasks/1/completion", "application/json", "{}"));
		assertRefused("intake-operator", new Call("GET", "/v2/resources/1", null, null));
		assertAllowed("operations-engineer",
				new Call("POST", "/v2/process-instances/incident-resolution", "application/json", everyInstance));
		assertRefused("process-owner",
				new Call("POST", "/v2/process-instances/migration", "application/json", everyInstance));
		assertRefused("plant-system",
				new Call("POST", "/v2/process-instances/migration/dry-run", "application/json", everyInstance));
		assertRefused("auditor",
				new Call("POST", "/v2/process-instances/migration", "application/json", everyInstance));
		assertAllowed("operations-engineer",
				new Call("POST", "/v2/process-instances/migration", "application/json", everyInstance));
		assertAllowed("console-client",
				new Call("POST", "/v2/process-instances/migration/dry-run", "application/json", everyInstance));
	}

	private void assertAllowed(String username, Call call) throws Exception {
		assertThat(send(username, call).statusCode()).as("%s %s %s", username, call.method(), call.path())
			.isNotIn(401, 403);
	}

	private void assertRefused(String username, Call call) throws Exception {
		HttpResponse<String> response = send(username, call);
		assertThat(response.statusCode()).as("%s %s %s", username, call.method(), call.path()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void shouldLetEveryRoleDoWhatItsPermissionsAllowAndNothingElse() throws Exception {
		Fixture fixture = Fixture.create(this);
		List<User> subjects = subjects();
		String before = fixture.state(this.jdbc);
		List<String> failures = new ArrayList<>();
		for (User user : subjects) {
			Set<ApiPermission> held = this.permissions.of(user.roles());
			for (ApiOperations.Operation operation : ApiOperations.ALL) {
				boolean allowed = held.contains(operation.permission());
				if (allowed && operation.path().equals("/actuator/cluster/purge")) {
					continue; // would empty the shared engine; EnginePurgeTest purges as
								// ADMIN on its own application
				}
				HttpResponse<String> response = send(user.username(),
						allowed ? unknownKeys(operation) : fixture.realCall(operation));
				int status = response.statusCode();
				String call = user.username() + " " + operation.method() + " " + operation.path();
				if (allowed && (status == 401 || status == 403)) {
					failures.add(call + ": allowed but " + status + " " + response.body());
				}
				if (!allowed && (status != 403
						|| !response.headers()
							.firstValue("Content-Type")
							.orElse("")
							.startsWith("application/problem+json")
						|| !response.body().contains(operation.permission().name()))) {
					failures.add(call + ": refused but " + status + " " + response.body());
				}
			}
			assertThat(fixture.state(this.jdbc)).as("state after the calls of %s", user.username()).isEqualTo(before);
			assertThat(engineClockOffset()).as("engine clock after the calls of %s", user.username())
				.isLessThan(Duration.ofHours(1));
		}
		assertThat(failures).isEmpty();
		assertThat(subjects.stream().flatMap((user) -> user.roles().stream()))
			.as("every role with permissions is tried")
			.containsAll(this.permissions.permissions().keySet());
	}

	private Duration engineClockOffset() throws Exception {
		HttpResponse<String> clock = raw("GET", "/actuator/clock", "application/json", null);
		Instant engineTime = Instant.parse(JSON.readTree(clock.body()).get("instant").asText());
		return Duration.between(Instant.now(), engineTime).abs();
	}

	/**
	 * One configured user per role (the first holding it) and per set of permissions (so
	 * a role that {@code demo} also holds is tried on its own), and a few people without
	 * any permission.
	 */
	private List<User> subjects() {
		List<User> subjects = new ArrayList<>();
		Set<String> covered = new TreeSet<>();
		for (User user : this.users.users()) {
			Set<ApiPermission> held = this.permissions.of(user.roles());
			boolean addsRole = !covered.containsAll(user.roles()) || (!held.isEmpty()
					&& subjects.stream().noneMatch((other) -> this.permissions.of(other.roles()).equals(held)));
			boolean person = this.permissions.of(user.roles()).isEmpty()
					&& subjects.stream().filter((other) -> this.permissions.of(other.roles()).isEmpty()).count() < 2;
			if (addsRole || person) {
				subjects.add(user);
				covered.addAll(user.roles());
			}
		}
		return subjects;
	}

	private Set<ApiPermission> permissionsOf(String username) {
		return this.permissions.of(this.users.users()
			.stream()
			.filter((user) -> user.username().equals(username))
			.findFirst()
			.orElseThrow()
			.roles());
	}

	/**
	 * A call that passes no engine check: a key that does not exist and an empty body.
	 */
	private static Call unknownKeys(ApiOperations.Operation operation) {
		String path = operation.path().replace("*", "1");
		return switch (operation.method().name()) {
			case "GET", "DELETE" -> new Call(operation.method().name(), path, null, null);
			default ->
				path.equals("/v2/deployments") ? new Call("POST", path, "multipart/form-data; boundary=b", "--b--\r\n")
						: new Call(operation.method().name(), path, "application/json", "{}");
		};
	}

	private HttpResponse<String> send(String username, Call call) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + call.path()))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (call.contentType() != null) {
			request.header("Content-Type", call.contentType());
		}
		request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(call.body()));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<String> controllerOperations() {
		List<String> operations = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/v2/") || pattern.startsWith("/actuator/")) {
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						operations.add(method.name() + " " + pattern);
					}
				}
			}
		}
		assertThat(operations).as("the engine's operations").hasSizeGreaterThan(45);
		return operations;
	}

	record Call(String method, String path, String contentType, String body) {
	}

	/**
	 * A process with a job and a user task waiting, with the calls that would change it
	 * if they were let through.
	 */
	record Fixture(String processId, long definitionKey, long instanceKey, long jobKey, long userTaskKey,
			long elementInstanceKey) {

		static Fixture create(ApiPermissionMatrixTest test) {
			String processId = uniqueId("matrix");
			BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
				.startEvent()
				.parallelGateway("fork")
				.serviceTask("work", (task) -> task.zeebeJobType(processId + "-job"))
				.endEvent()
				.moveToNode("fork")
				.userTask("review", (task) -> task.zeebeUserTask().zeebeCandidateGroups("reviewers"))
				.endEvent()
				.moveToNode("fork")
				.intermediateCatchEvent("wait", (event) -> event.message(
						(message) -> message.name(processId).zeebeCorrelationKeyExpression("=\"" + processId + "\"")))
				.endEvent()
				.done();
			long definitionKey = test.deployProcess(model);
			long instanceKey = test.start(processId);
			Map<String, Object> byInstance = Map.of("key", instanceKey);
			long jobKey = test.jdbc.queryForObject("select job_key from engine_job where process_instance_key = :key",
					byInstance, Long.class);
			long userTaskKey = test.jdbc.queryForObject(
					"select user_task_key from engine_user_task where process_instance_key = :key", byInstance,
					Long.class);
			return new Fixture(processId, definitionKey, instanceKey, jobKey, userTaskKey, instanceKey);
		}

		Call realCall(ApiOperations.Operation operation) {
			String path = operation.path();
			String key = path.startsWith("/v2/jobs/") ? String.valueOf(this.jobKey)
					: path.startsWith("/v2/user-tasks/") ? String.valueOf(this.userTaskKey)
							: path.startsWith("/v2/resources/") || path.startsWith("/v2/process-definitions/")
									? String.valueOf(this.definitionKey) : String.valueOf(this.instanceKey);
			path = path.replace("*", key);
			if (path.equals("/v2/deployments")) {
				String bpmn = Bpmn.convertToString(
						Bpmn.createExecutableProcess(this.processId + "-new").startEvent().endEvent().done());
				return new Call("POST", path, "multipart/form-data; boundary=b",
						"--b\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"new.bpmn\"\r\n"
								+ "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--b--\r\n");
			}
			if (operation.method().name().equals("GET") || operation.method().name().equals("DELETE")) {
				return new Call(operation.method().name(), path, null, null);
			}
			String body = "{\"processDefinitionId\":\"" + this.processId + "\",\"name\":\"" + this.processId
					+ "\",\"correlationKey\":\"" + this.processId + "\",\"signalName\":\"" + this.processId
					+ "\",\"type\":\"" + this.processId + "-job\",\"maxJobsToActivate\":1,\"timeout\":60000,"
					+ "\"worker\":\"matrix\",\"assignee\":\"demo\",\"variables\":{\"changed\":true},"
					+ "\"changeset\":{\"retries\":0},\"retries\":0,\"errorCode\":\"E\",\"offsetMilli\":86400000,"
					+ "\"timestamp\":4102444800000}";
			return new Call(operation.method().name(), path, "application/json", body);
		}

		/**
		 * The fixture's instance (elements, variables, jobs, user tasks), its instance
		 * count, the definitions.
		 */
		String state(NamedParameterJdbcTemplate jdbc) {
			String instance = "t.process_instance_key = :key";
			String sql = "select concat_ws('#'" + ", (select count(*) from engine_process_definition)"
					+ ", (select md5(coalesce(string_agg(t::text, '|' order by t.process_instance_key), ''))"
					+ " from engine_process_instance t where " + instance + ")"
					+ ", (select md5(coalesce(string_agg(t::text, '|' order by t.element_instance_key), ''))"
					+ " from engine_element_instance t where " + instance + ")"
					+ ", (select md5(coalesce(string_agg(t::text, '|' order by t.variable_key), ''))"
					+ " from engine_variable t where " + instance + ")"
					+ ", (select md5(coalesce(string_agg((to_jsonb(t) - array['deadline', 'retry_at'])::text, '|'"
					+ " order by t.job_key), '')) from engine_job t where " + instance + ")"
					+ ", (select md5(coalesce(string_agg(t::text, '|' order by t.user_task_key), ''))"
					+ " from engine_user_task t where " + instance + ")"
					+ ", (select count(*) from engine_process_instance where process_definition_id = :id))";
			return jdbc.queryForObject(sql, Map.of("key", this.instanceKey, "id", this.processId), String.class);
		}

	}

}

package fr.refactory.engine.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import fr.refactory.test.EngineTestSupport;
import fr.refactory.test.HostileModels;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests over every {@code /v2} operation the engine's controllers map (issue
 * 19): none may answer 5xx or show internals, and a rejected request may change nothing.
 * Seeded and repeatable: {@code -Dfuzz.seed=…} replays a run, {@code -Dfuzz.requests=…}
 * changes its length. The engine state compared is the fuzz fixture's instances (their
 * elements, variables, jobs without their volatile deadline, user tasks, incidents,
 * subscriptions) and the number of deployed definitions.
 */
class ApiFuzzTest extends EngineTestSupport {

	private static final long SEED = Long.getLong("fuzz.seed", 19L);

	private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2500);

	private static final Set<String> FIELDS = Set.of("processDefinitionId", "processDefinitionKey",
			"processDefinitionVersion", "variables", "startInstructions", "awaitCompletion", "fetchVariables",
			"requestTimeout", "type", "worker", "timeout", "maxJobsToActivate", "fetchVariable", "tenantIds", "retries",
			"errorMessage", "retryBackOff", "errorCode", "changeset", "name", "correlationKey", "timeToLive",
			"messageId", "tenantId", "assignee", "action", "allowOverride", "decisionDefinitionId",
			"decisionDefinitionKey", "signalName", "local", "elementId", "dueDate", "followUpDate", "candidateGroups",
			"filter", "page", "sort", "$unknown");

	private static final List<String> FILTER_FIELDS = List.of("processInstanceKey", "processDefinitionId",
			"processDefinitionKey", "processDefinitionVersion", "state", "elementId", "type", "hasIncident",
			"startDate", "endDate", "variables", "name", "$or", "tenantId", "jobKey", "userTaskKey", "assignee",
			"candidateGroup", "decisionDefinitionId", "messageName", "correlationKey", "errorType", "creationTime",
			"scopeKey", "value", "elementInstanceKey", "retries", "colour");

	private static final List<String> OPERATORS = List.of("$eq", "$neq", "$exists", "$gt", "$gte", "$lt", "$lte", "$in",
			"$notIn", "$like", "$regex");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private NamedParameterJdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Random random;

	private Fixture fixture;

	@AfterEach
	void resetTheClock() throws Exception {
		raw("POST", "/v2/clock/reset", "application/json", null);
	}

	@Test
	void shouldNeverAnswer5xxNorChangeStateOnARejectedRequest() throws Exception {
		this.random = new Random(SEED);
		this.fixture = Fixture.create(this);
		List<Operation> operations = operations();
		assertThat(operations).as("the /v2 operations of the engine's controllers").hasSizeGreaterThan(40);
		List<String> failures = new ArrayList<>();
		String state = this.fixture.state(this.jdbc);
		for (int i = 0; i < REQUESTS && failures.size() < 40; i++) {
			Operation operation = operations.get(this.random.nextInt(operations.size()));
			Call call = call(operation);
			HttpResponse<String> response;
			try {
				response = send(call);
			}
			catch (HttpTimeoutException ex) {
				failures.add("no answer within 20 s: " + call);
				continue;
			}
			int status = response.statusCode();
			String after = this.fixture.state(this.jdbc);
			if (status >= 500 && !response.body().contains("DEADLINE_EXCEEDED")) {
				failures.add(status + " " + call + " -> " + response.body());
			}
			else if (status >= 400 && !after.equals(state)) {
				failures.add("rejected with " + status + " but changed the state: " + call + " -> " + response.body());
			}
			if (status >= 400 && leaksInternals(response.body())) {
				failures.add("internals in the answer: " + call + " -> " + response.body());
			}
			state = after;
		}
		assertThat(failures).as("seed %s: %s requests over %s operations", SEED, REQUESTS, operations.size()).isEmpty();
	}

	private static boolean leaksInternals(String body) {
		return body.contains("SQL") || body.contains("Exception") || body.contains("org.") || body.contains("java.")
				|| body.contains("\tat ");
	}

	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/v2/")) {
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						operations.add(new Operation(method.name(), pattern));
					}
				}
			}
		}
		operations.sort(Comparator.comparing(Operation::toString));
		return operations;
	}

	private HttpResponse<String> send(Call call) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + call.path()))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
		if (call.contentType() != null) {
			request.header("Content-Type", call.contentType());
		}
		request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(call.body().getBytes(StandardCharsets.UTF_8)));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Call call(Operation operation) {
		StringBuilder path = new StringBuilder();
		for (String segment : operation.pattern().substring(1).split("/")) {
			path.append('/').append(segment.startsWith("{") ? pathKey() : segment);
		}
		if (operation.pattern().equals("/v2/deployments")) {
			return deployment(operation.method(), path.toString());
		}
		if (operation.method().equals("GET") || operation.method().equals("DELETE")) {
			return new Call(operation.method(), path.toString(), null, null);
		}
		return new Call(operation.method(), path.toString(), pick(List.of("application/json", "application/json",
				"application/json", "application/json", "text/plain", "application/problem+json")), body());
	}

	private String pathKey() {
		return pick(List.<Supplier<String>>of(() -> String.valueOf(pick(this.fixture.keys())),
				() -> String.valueOf(pick(this.fixture.keys())), () -> "0", () -> "-1",
				() -> String.valueOf(Long.MAX_VALUE), () -> "99999999999999999999", () -> "abc", () -> "1e3",
				() -> "%00", () -> "%20"))
			.get();
	}

	private String body() {
		int shape = this.random.nextInt(20);
		return switch (shape) {
			case 0 -> null;
			case 1 -> "";
			case 2 -> "null";
			case 3 -> "[]";
			case 4 -> "{\"filter\":";
			case 5 -> "not json";
			case 6 -> "{\"page\":{\"limit\":1e400}}";
			default -> json(topLevel());
		};
	}

	private Object topLevel() {
		Map<String, Object> object = object(0);
		if (!object.containsKey("requestTimeout")) {
			// an absent request time-out is a 10 s wait; the fuzz would spend its time
			// waiting
			object.put("requestTimeout", 1 + this.random.nextInt(200));
		}
		return object;
	}

	private Map<String, Object> object(int depth) {
		Map<String, Object> object = new java.util.LinkedHashMap<>();
		int size = this.random.nextInt(5);
		List<String> fields = new ArrayList<>(FIELDS);
		fields.sort(null);
		for (int i = 0; i < size; i++) {
			String field = pick(fields);
			object.put(field, switch (field) {
				case "filter" -> filter(depth);
				case "page" -> single(pick(List.of("limit", "from", "after", "before")), scalar());
				case "sort" ->
					List.of(Map.of("field", pick(FILTER_FIELDS), "order", pick(List.of("ASC", "DESC", "up"))));
				case "variables" -> this.random.nextBoolean()
						? single(pick(List.of("a", "key", "x\u0000", "")), value(depth + 1)) : value(depth + 1);
				case "changeset" -> depth < 2 ? object(depth + 1) : scalar();
				default -> value(depth + 1);
			});
		}
		return object;
	}

	private Object filter(int depth) {
		Map<String, Object> filter = new java.util.LinkedHashMap<>();
		int size = 1 + this.random.nextInt(3);
		for (int i = 0; i < size; i++) {
			String field = pick(FILTER_FIELDS);
			Object value;
			if (field.equals("$or") && depth < 2) {
				value = this.random.nextBoolean() ? java.util.Arrays.asList(filter(depth + 1)) : scalar();
			}
			else if (this.random.nextBoolean()) {
				value = single(pick(OPERATORS),
						this.random.nextInt(3) == 0 ? java.util.Arrays.asList(scalar(), scalar()) : scalar());
			}
			else {
				value = scalar();
			}
			filter.put(field, value);
		}
		return filter;
	}

	private Object value(int depth) {
		int kind = this.random.nextInt(depth > 2 ? 1 : 6);
		return switch (kind) {
			case 1 -> object(depth + 1);
			case 2 -> java.util.Arrays.asList(scalar(), value(depth + 1));
			default -> scalar();
		};
	}

	private Object scalar() {
		return pick(List.<Supplier<Object>>of(() -> null, () -> true, () -> false, () -> 0, () -> -1, () -> 1, () -> 7,
				() -> 1000, () -> -2147483649L, () -> 2147483648L, () -> Long.MAX_VALUE, () -> Long.MIN_VALUE,
				() -> 9.2e18, () -> 1.5, () -> "", () -> "a", () -> "x\u0000y", () -> "*", () -> "?", () -> "%",
				() -> "_", () -> "'", () -> "\uD800", () -> "2026-01-01T00:00:00Z", () -> "not-a-date", () -> "PT1S",
				() -> "PTX-1", () -> "=1+", () -> "-5", () -> "ACTIVE", () -> "CREATED", () -> "ASSIGN",
				() -> this.fixture.processId(), () -> this.fixture.jobType(), () -> this.fixture.messageName(),
				() -> "fuzz-ck-0", () -> String.valueOf(pick(this.fixture.keys())), () -> pick(this.fixture.keys()),
				() -> "y".repeat(5000)))
			.get();
	}

	private Call deployment(String method, String path) {
		String boundary = "fuzz" + this.random.nextInt(1000);
		String[] contents = { "<definitions", "", "\u0000", HostileModels.nestedBpmn("fuzz-deep", 1000),
				HostileModels.timerBpmn("fuzz-timer", "PTX-1"), "{\"id\":\"fuzz-form\",\"components\":[]}",
				HostileModels.timerBpmn("fuzz-timer", "=x") };
		String[] names = { "a.bpmn", "a.dmn", "a.form", "a.txt", "a\u0000.bpmn", "", "../../a.bpmn" };
		int shape = this.random.nextInt(5);
		return switch (shape) {
			case 0 -> new Call(method, path, "multipart/form-data", "garbage");
			case 1 -> new Call(method, path, "multipart/form-data; boundary=" + boundary, "--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"a.bpmn\"\r\n\r\n<x");
			case 2 -> new Call(method, path, "application/json", "{\"resources\":[]}");
			default -> new Call(method, path, "multipart/form-data; boundary=" + boundary,
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\""
							+ pick(List.of("resources", "tenantId", "other")) + "\"; filename=\""
							+ names[this.random.nextInt(names.length)] + "\"\r\n\r\n"
							+ contents[this.random.nextInt(contents.length)] + "\r\n--" + boundary + "--\r\n");
		};
	}

	private static Map<String, Object> single(String key, Object value) {
		Map<String, Object> map = new java.util.HashMap<>();
		map.put(key, value);
		return map;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String json(Object value) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Operation(String method, String pattern) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	record Call(String method, String path, String contentType, String body) {

		@Override
		public String toString() {
			String shown = this.body == null ? ""
					: this.body.length() > 300 ? this.body.substring(0, 300) + "…" : this.body;
			return this.method + " " + this.path + " [" + this.contentType + "] " + shown;
		}

	}

	/**
	 * A process with a job, a user task and a message subscription waiting, started three
	 * times.
	 */
	record Fixture(String processId, String jobType, String messageName, List<Long> keys) {

		static Fixture create(ApiFuzzTest test) {
			String processId = uniqueId("fuzz");
			String jobType = processId + "-job";
			String messageName = processId + "-message";
			BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
				.startEvent()
				.parallelGateway("fork")
				.serviceTask("work", (task) -> task.zeebeJobType(jobType))
				.endEvent()
				.moveToNode("fork")
				.userTask("review", (task) -> task.zeebeUserTask().zeebeCandidateGroups("fuzzers"))
				.endEvent()
				.moveToNode("fork")
				.intermediateCatchEvent("wait",
						(event) -> event
							.message((message) -> message.name(messageName).zeebeCorrelationKeyExpression("key")))
				.endEvent()
				.done();
			long definitionKey = test.deployProcess(model);
			for (int i = 0; i < 3; i++) {
				test.start(processId, Map.of("key", "fuzz-ck-" + i, "amount", i));
			}
			List<Long> keys = new ArrayList<>(List.of(definitionKey));
			Map<String, Object> byProcess = Map.of("id", processId);
			keys.addAll(test.jdbc.queryForList(
					"select element_instance_key from engine_element_instance" + " where process_definition_id = :id",
					byProcess, Long.class));
			keys.addAll(test.jdbc.queryForList(
					"select process_instance_key from engine_process_instance" + " where process_definition_id = :id",
					byProcess, Long.class));
			keys.addAll(test.jdbc.queryForList(
					"select user_task_key from engine_user_task" + " where process_definition_id = :id", byProcess,
					Long.class));
			keys.addAll(test.jdbc.queryForList("select job_key from engine_job where type = :type",
					Map.of("type", jobType), Long.class));
			keys.addAll(test.jdbc.queryForList(
					"select variable_key from engine_variable v join engine_process_instance p"
							+ " on p.process_instance_key = v.process_instance_key where p.process_definition_id = :id",
					byProcess, Long.class));
			return new Fixture(processId, jobType, messageName, List.copyOf(keys));
		}

		/**
		 * What a request could change, without what time changes by itself (job
		 * deadlines, message expiry).
		 */
		String state(NamedParameterJdbcTemplate jdbc) {
			String instances = "(select process_instance_key from engine_process_instance where process_definition_id = :id)";
			String sql = "select concat_ws('#'" + ", (select count(*) from engine_process_definition)"
					+ ", (select count(*) from engine_decision_definition)" + ", (select count(*) from engine_form)"
					+ ", (select count(*) from engine_deleted_version)" + ", "
					+ digest("engine_process_instance", "process_instance_key", instances) + ", "
					+ digest("engine_element_instance", "element_instance_key", instances) + ", "
					+ digest("engine_variable", "variable_key", instances)
					+ ", (select md5(coalesce(string_agg((to_jsonb(j) - array['state', 'worker', 'deadline', 'retry_at'])::text,"
					+ " '|' order by j.job_key), '')) from engine_job j where j.process_instance_key in " + instances
					+ ")" + ", " + digest("engine_user_task", "user_task_key", instances) + ", "
					+ digest("engine_incident", "incident_key", instances) + ", "
					+ digest("engine_message_subscription", "subscription_key", instances) + ")";
			return jdbc.queryForObject(sql, Map.of("id", this.processId), String.class);
		}

		private static String digest(String table, String key, String instances) {
			return "(select md5(coalesce(string_agg(t::text, '|' order by t." + key + "), '')) from " + table
					+ " t where t.process_instance_key in " + instances + ")";
		}

	}

}

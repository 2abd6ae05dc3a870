package fr.refactory.processes;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.test.TestClientRequests.Request;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.UserTask;

/**
 * The check that a process test reaches its paths only with what the product can supply
 * (issue 15): every variable the test's client gives an instance of a product model must
 * be a field of the completed task's form, a variable the product's publishers put in
 * that message, or, for a new instance, something its start messages or its callers can
 * hold ({@link VariableSources}). Setting variables, completing jobs or broadcasting
 * signals with variables is a test acting as the product and is refused. {@link #ALLOWED}
 * lists the exceptions, each with its reason.
 */
final class InjectedVariables {

	private static final Pattern USER_TASK = Pattern.compile("/v2/user-tasks/(\\d+)/completion");

	private static final Pattern MESSAGE = Pattern.compile("/v2/messages/(publication|correlation)");

	private static final Pattern KEYED = Pattern.compile("/v2/(jobs|element-instances)/(\\d+)/(completion|variables)");

	private static final VariableSources SOURCES = VariableSources.read();

	/**
	 * "where variable" → why a test may set it: the paths the plant cannot reach yet
	 * ("gap", open in issue 15) and the few test shortcuts. Remove an entry when its gap
	 * is closed. {@code where} is a message name, a process id (new instance),
	 * "process#element" (user task), or "set variables", "job completion", "signal
	 * broadcast".
	 */
	static final Map<String, String> ALLOWED = Map.ofEntries(entry("diagnosis reworkCount",
			"test shortcut: a vehicle that already went round the gate's rework loop twice, to reach the rework limit without two more loops"),
			entry("lcv-retrofit hvReworkCount",
					"test shortcut: a conversion that already had its HV rework, to reach the second-failure path without repeating the first"));

	private InjectedVariables() {
	}

	/**
	 * The variables the requests gave that nothing in the product supplies, one line
	 * each; empty when none.
	 */
	static List<String> inventedBy(List<Request> requests, CamundaClient client) {
		List<String> invented = new ArrayList<>();
		for (Request request : requests) {
			invented.addAll(inventedBy(request, client));
		}
		return invented;
	}

	private static List<String> inventedBy(Request request, CamundaClient client) {
		Set<String> given = names(request.body().path("variables"));
		if (given.isEmpty()) {
			return List.of();
		}
		Matcher userTask = USER_TASK.matcher(request.path());
		if (userTask.matches()) {
			return userTaskCompletion(Long.parseLong(userTask.group(1)), given, client);
		}
		if (MESSAGE.matcher(request.path()).matches()) {
			String message = request.body().path("name").asText();
			if (!SOURCES.isProductMessage(message)) {
				return List.of();
			}
			return outside(given, SOURCES.messagePayload(message), message, "message " + message);
		}
		if ("/v2/process-instances".equals(request.path())) {
			String processId = request.body().path("processDefinitionId").asText(null);
			if (processId == null || !SOURCES.isProductModel(processId)) {
				return List.of();
			}
			return outside(given, SOURCES.startVariables(processId), processId, "new instance of " + processId);
		}
		if (request.path().startsWith("/v2/signals/")) {
			return SOURCES.isProductSignal(request.body().path("signalName").asText())
					? outside(given, Set.of(), "signal broadcast", "signal broadcast") : List.of();
		}
		Matcher keyed = KEYED.matcher(request.path());
		if (!keyed.matches()
				|| !SOURCES.isProductModel(processOf(keyed.group(1), Long.parseLong(keyed.group(2)), client))) {
			return List.of();
		}
		String kind = "jobs".equals(keyed.group(1)) ? "job completion" : "set variables";
		return outside(given, Set.of(), kind, kind + " (" + request.path() + ")");
	}

	/**
	 * The process of a job or an element instance (the scope whose variables are set).
	 */
	private static String processOf(String resource, long key, CamundaClient client) {
		if ("jobs".equals(resource)) {
			return client.newJobSearchRequest()
				.filter((f) -> f.jobKey(key))
				.send()
				.join()
				.items()
				.stream()
				.findFirst()
				.map((job) -> job.getProcessDefinitionId())
				.orElse(null);
		}
		try {
			return client.newProcessInstanceGetRequest(key).send().join().getProcessDefinitionId();
		}
		catch (ProblemException ex) {
			// variables set on a scope inside the instance, not on the instance itself
			return client.newElementInstanceGetRequest(key).send().join().getProcessDefinitionId();
		}
	}

	private static List<String> userTaskCompletion(long userTaskKey, Set<String> given, CamundaClient client) {
		if (given.isEmpty()) {
			return List.of();
		}
		UserTask task = client.newUserTaskSearchRequest()
			.filter((f) -> f.userTaskKey(userTaskKey))
			.send()
			.join()
			.items()
			.get(0);
		Set<String> fields = SOURCES.userTaskFields(task.getBpmnProcessId(), task.getElementId());
		if (fields == null) {
			return List.of();
		}
		String where = task.getBpmnProcessId() + "#" + task.getElementId();
		return outside(given, fields, where, "completion of " + where);
	}

	private static List<String> outside(Set<String> given, Set<String> supplied, String where, String what) {
		List<String> invented = new ArrayList<>();
		for (String name : given) {
			if (!supplied.contains(name) && !ALLOWED.containsKey(where + " " + name)) {
				invented.add(what + " sets '" + name + "', which no form field, worker output or plant answer of "
						+ "the product supplies there");
			}
		}
		return invented;
	}

	private static Set<String> names(JsonNode variables) {
		Set<String> names = new TreeSet<>();
		for (Iterator<String> it = variables.fieldNames(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}

}

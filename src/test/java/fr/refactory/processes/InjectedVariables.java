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
import io.camunda.client.api.search.response.UserTask;

/**
 * The check that a process test reaches its paths only with what the product can supply (issue 15): every variable
 * the test's client gives an instance of a product model must be a field of the completed task's form, a variable the
 * product's publishers put in that message, or, for a new instance, something its start messages or its callers can
 * hold ({@link VariableSources}). Setting variables, completing jobs or broadcasting signals with variables is a
 * test acting as the product and is refused. {@link #ALLOWED} lists the exceptions, each with its reason.
 */
final class InjectedVariables {

	private static final Pattern USER_TASK = Pattern.compile("/v2/user-tasks/(\\d+)/completion");

	private static final Pattern MESSAGE = Pattern.compile("/v2/messages/(publication|correlation)");

	private static final VariableSources SOURCES = VariableSources.read();

	/**
	 * "where variable" → why a test may set it. {@code where} is a message name, a process id (new instance),
	 * "process#element" (user task), or "set variables", "job completion", "signal broadcast".
	 */
	static final Map<String, String> ALLOWED = Map.ofEntries(
			// messages the plant systems publish over /v2 themselves: what they carry is the plant's answer
			entry("VehicleArrivalAnnounced sender", "sent by the ERP's transfer or purchase order (brief §3.1, §3.10)"),
			entry("VehicleArrivalAnnounced veProcedure", "sent by the ERP's transfer or purchase order (brief §3.1, §3.10)"),
			entry("VehicleArrivalAnnounced marketValueEur", "sent by the ERP's transfer or purchase order (brief §3.1, §3.10)"),
			entry("VehicleAtGate vin", "sent by the gate scanner (brief §3.10)"),
			entry("KitDelivered kitId", "sent by the WMS goods receipt of the conversion kit (brief §3.3, §3.10)"),
			entry("KitDelivered deliveryNoteRef", "sent by the WMS goods receipt of the conversion kit (brief §3.3, §3.10)"),
			entry("KitDelivered batteryPackId", "sent by the WMS goods receipt of the conversion kit (brief §3.3, §3.10)"),
			entry("KitDelivered motorSerial", "sent by the WMS goods receipt of the conversion kit (brief §3.3, §3.10)"),
			entry("KitDelivered inverterSerial", "sent by the WMS goods receipt of the conversion kit (brief §3.3, §3.10)"),
			entry("KitDelivered chargerSerial", "sent by the WMS goods receipt of the conversion kit (brief §3.3, §3.10)"),
			entry("ElvAcquired vin", "sent by the ERP's end-of-life vehicle purchase (brief §3.7, §3.10)"),
			entry("ElvAcquired powertrain", "sent by the ERP's end-of-life vehicle purchase (brief §3.7, §3.10)"),
			entry("ElvAcquired modelFamily", "sent by the ERP's end-of-life vehicle purchase (brief §3.7, §3.10)"),
			entry("ElvAcquired holderName", "sent by the ERP's end-of-life vehicle purchase (brief §3.7, §3.10)"),
			entry("RemanOrderReleased workOrderId", "sent by the MES releasing the reman work order (brief §3.4, §3.10)"),
			entry("RemanOrderReleased targetReference", "sent by the MES releasing the reman work order (brief §3.4, §3.10)"),
			entry("RemanOrderReleased components", "sent by the MES releasing the reman work order (brief §3.4, §3.10)"),
			entry("CoreAnnounced exchangedPartNumber", "sent by the ERP's core return (brief §3.4, §3.10)"),
			entry("CoreAnnounced customerId", "sent by the ERP's core return (brief §3.4, §3.10)"),
			entry("RegistrationUpdated newRegistrationCertificateRef", "sent by the document store's upload of the new registration certificate (brief §3.10)"),
			entry("ExpertConformityReport expertConformityReportRef", "sent by the document store's upload by the bodywork admin (brief §3.10)"),
			entry("ExpertReportReceived expertReportRef", "sent by the document store's upload by the bodywork admin (brief §3.10)"),
			entry("DocumentsReceived documentsPresent", "sent by the document store's upload (brief §3.10)"),
			entry("PartsAvailable partsList", "sent by the WMS (brief §3.10)"),
			entry("CapacityTestDone measuredSohPct", "sent by the battery test bench's capacity test result (brief §3.6, §3.10)"),
			entry("CapacityTestDone measuredCapacityKwh", "sent by the battery test bench's capacity test result (brief §3.6, §3.10)"));

	private InjectedVariables() {
	}

	/** The variables the requests gave that nothing in the product supplies, one line each; empty when none. */
	static List<String> inventedBy(List<Request> requests, CamundaClient client) {
		List<String> invented = new ArrayList<>();
		for (Request request : requests) {
			invented.addAll(inventedBy(request, client));
		}
		return invented;
	}

	private static List<String> inventedBy(Request request, CamundaClient client) {
		Set<String> given = names(request.body().path("variables"));
		Matcher userTask = USER_TASK.matcher(request.path());
		if (userTask.matches()) {
			return userTaskCompletion(Long.parseLong(userTask.group(1)), given, client);
		}
		if (MESSAGE.matcher(request.path()).matches()) {
			String message = request.body().path("name").asText();
			return outside(given, SOURCES.messagePayload(message), message, "message " + message);
		}
		if ("/v2/process-instances".equals(request.path())) {
			String processId = request.body().path("processDefinitionId").asText(null);
			if (processId == null || !SOURCES.isProductModel(processId)) {
				return List.of();
			}
			return outside(given, SOURCES.startVariables(processId), processId, "new instance of " + processId);
		}
		String kind = request.path().startsWith("/v2/jobs/") ? "job completion"
				: request.path().startsWith("/v2/signals/") ? "signal broadcast" : "set variables";
		return outside(given, Set.of(), kind, kind + " (" + request.path() + ")");
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

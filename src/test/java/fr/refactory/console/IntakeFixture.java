package fr.refactory.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.awaitility.Awaitility;

/**
 * A small intake process for console tests: a gate inspection with a Camunda Form for
 * intake operators, then a registration review; and a quality check for another group.
 * Unique ids per fixture keep tests apart.
 */
final class IntakeFixture {

	final String processId;

	final String vin;

	final long instanceKey;

	private final CamundaClient client;

	private IntakeFixture(CamundaClient client, String processId, String vin, long instanceKey) {
		this.client = client;
		this.processId = processId;
		this.vin = vin;
		this.instanceKey = instanceKey;
	}

	static IntakeFixture start(CamundaClient client) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String processId = "console-intake-" + suffix;
		String vin = "VF1MA0000" + suffix.toUpperCase().replaceAll("[^A-HJ-NPR-Z0-9]", "7");
		String formId = "gate-inspection-" + suffix;
		client.newDeployResourceCommand()
			.addResourceString(gateInspectionForm(formId), StandardCharsets.UTF_8, formId + ".form")
			.addProcessModel(intake(processId, formId), processId + ".bpmn")
			.send()
			.join();
		long instanceKey = client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("vin", vin))
			.send()
			.join()
			.getProcessInstanceKey();
		return new IntakeFixture(client, processId, vin, instanceKey);
	}

	UserTask openTask(String elementId) {
		List<UserTask> found = Awaitility.await()
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(this.instanceKey)
					.elementId(elementId)
					.state(UserTaskState.CREATED))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty());
		return found.get(0);
	}

	String rootVariable(String name) {
		return this.client.newVariableSearchRequest()
			.filter((filter) -> filter.processInstanceKey(this.instanceKey).name(name))
			.send()
			.join()
			.items()
			.get(0)
			.getValue();
	}

	private static BpmnModelInstance intake(String processId, String formId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.parallelGateway("fork")
			.userTask("task-gate-inspection")
			.name("Gate inspection")
			.zeebeUserTask()
			.zeebeCandidateGroups("intake-operators")
			.zeebeFormId(formId)
			.userTask("task-registration-review")
			.name("Registration review")
			.zeebeUserTask()
			.zeebeCandidateGroups("intake-operators")
			.endEvent("end")
			.moveToNode("fork")
			.userTask("task-quality-check")
			.name("Quality check")
			.zeebeUserTask()
			.zeebeCandidateGroups("quality-inspectors")
			.endEvent("end-quality")
			.done();
	}

	private static String gateInspectionForm(String formId) {
		return """
				{"id": "%s", "type": "default", "schemaVersion": 16, "components": [
				  {"type": "text", "text": "Walk around the vehicle and read the odometer."},
				  {"type": "number", "key": "odometerKm", "label": "Odometer (km)", "validate": {"required": true, "min": 0, "max": 999999}},
				  {"type": "textfield", "key": "plateVin", "label": "VIN on the plate", "validate": {"required": true, "pattern": "^[A-HJ-NPR-Z0-9]{17}$"}},
				  {"type": "select", "key": "damageSeverity", "label": "Damage severity",
				   "values": [{"label": "None", "value": "NONE"}, {"label": "Structural", "value": "STRUCTURAL"}]},
				  {"type": "textarea", "key": "damageComment", "label": "Describe the damage", "validate": {"required": true},
				   "conditional": {"hide": "=damageSeverity != \\"STRUCTURAL\\""}}
				]}
				"""
			.formatted(formId);
	}

}

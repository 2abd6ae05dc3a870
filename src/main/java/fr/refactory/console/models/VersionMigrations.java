package fr.refactory.console.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.MigrationPlan;
import io.camunda.client.api.command.MigrationPlanBuilderImpl.MappingInstruction;
import io.camunda.client.api.search.enums.BatchOperationItemState;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.BatchOperationItems.BatchOperationItem;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves the running instances of one process version to another through {@code /v2} with
 * the console's client: the plan maps every flow node whose id and type both versions
 * share; a dry run says which instances can move and why the others cannot (the engine's
 * dry-run extension); a migration batch moves them, and the audit log keeps who asked,
 * which instances and why (ADR 1070).
 */
@Component
class VersionMigrations {

	static final String ACTION = "PROCESS_INSTANCES_MIGRATION_REQUESTED";

	private final CamundaClient client;

	private final AuditLog auditLog;

	private final ObjectMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	VersionMigrations(@ConsoleClient CamundaClient client, AuditLog auditLog, ObjectMapper json) {
		this.client = client;
		this.auditLog = auditLog;
		this.json = json;
	}

	/**
	 * Every flow node of {@code from} mapped to the element of {@code to} with the same
	 * id and type.
	 */
	MigrationPlan plan(long from, long to) {
		Map<String, String> source = flowNodes(from);
		Map<String, String> target = flowNodes(to);
		List<String> shared = source.keySet()
			.stream()
			.filter((id) -> Objects.equals(source.get(id), target.get(id)))
			.sorted()
			.toList();
		if (shared.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"The two versions have no element with the same id and type: nothing can be mapped");
		}
		MigrationPlan.MigrationPlanBuilderFinalStep plan = MigrationPlan.newBuilder()
			.withTargetProcessDefinitionKey(to)
			.addMappingInstruction(shared.get(0), shared.get(0));
		for (String id : shared.subList(1, shared.size())) {
			plan = plan.addMappingInstruction(id, id);
		}
		return plan.build();
	}

	/**
	 * For each running instance of {@code from}: whether it can move by the plan, and the
	 * engine's reason if not.
	 */
	DryRun dryRun(long from, MigrationPlan plan) {
		ObjectNode body = this.json.createObjectNode();
		body.putObject("filter").put("processDefinitionKey", String.valueOf(from));
		body.set("migrationPlan", planJson(plan));
		JsonNode answer = post("/v2/process-instances/migration/dry-run", body);
		List<String> movable = new ArrayList<>();
		Map<String, String> refused = new LinkedHashMap<>();
		for (JsonNode item : answer.path("items")) {
			String key = item.path("processInstanceKey").asText();
			if (item.path("refusal").isTextual()) {
				refused.put(key, item.path("refusal").asText());
			}
			else {
				movable.add(key);
			}
		}
		return new DryRun(movable, refused);
	}

	/**
	 * Starts the batch and writes who asked for it, what it moves and why in the audit
	 * log; the batch key.
	 */
	String migrate(String processId, long from, int fromVersion, long to, int toVersion, MigrationPlan plan,
			String reason, String user) {
		DryRun dryRun = dryRun(from, plan);
		String batchKey = this.client.newCreateBatchOperationCommand()
			.migrateProcessInstance()
			.migrationPlan(plan)
			.filter((filter) -> filter.processDefinitionKey(from))
			.send()
			.join()
			.getBatchOperationKey();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("fromProcessDefinitionKey", String.valueOf(from));
		data.put("fromVersion", fromVersion);
		data.put("toProcessDefinitionKey", String.valueOf(to));
		data.put("toVersion", toVersion);
		data.put("batchOperationKey", batchKey);
		data.put("movable", dryRun.movable());
		data.put("refused", dryRun.refused());
		data.put("reason", reason);
		this.auditLog.append(new AuditEvent(user, ACTION, "PROCESS", processId, null, null, data));
		return batchKey;
	}

	BatchOperation batch(String batchKey) {
		return this.client.newBatchOperationGetRequest(batchKey).send().join();
	}

	List<BatchOperationItem> failedItems(String batchKey) {
		return this.client.newBatchOperationItemsSearchRequest()
			.filter((filter) -> filter.batchOperationKey(batchKey).state(BatchOperationItemState.FAILED))
			.page((page) -> page.limit(200))
			.send()
			.join()
			.items();
	}

	private Map<String, String> flowNodes(long definitionKey) {
		String xml = this.client.newProcessDefinitionGetXmlRequest(definitionKey).send().join();
		Map<String, String> types = new LinkedHashMap<>();
		Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
			.getModelElementsByType(FlowNode.class)
			.forEach((node) -> types.put(node.getId(), node.getElementType().getTypeName()));
		return types;
	}

	private JsonNode planJson(MigrationPlan plan) {
		ObjectNode node = this.json.createObjectNode();
		node.put("targetProcessDefinitionKey", String.valueOf(plan.getTargetProcessDefinitionKey()));
		ArrayNode instructions = node.putArray("mappingInstructions");
		for (MappingInstruction mapping : plan.getMappingInstructions()) {
			instructions.addObject()
				.put("sourceElementId", mapping.getSourceElementId())
				.put("targetElementId", mapping.getTargetElementId());
		}
		return node;
	}

	private JsonNode post(String path, JsonNode body) {
		URI base = this.client.getConfiguration().getRestAddress();
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofMinutes(1))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		try {
			this.client.getConfiguration().getCredentialsProvider().applyCredentials(request::header);
			HttpResponse<String> response = this.http.send(
					request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Expected the engine's migration dry run, but it answered "
						+ response.statusCode() + ": " + response.body());
			}
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Expected to dry-run the migration on the engine", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while dry-running the migration", ex);
		}
	}

	/** Instance keys that can move, and those that cannot with the engine's reason. */
	record DryRun(List<String> movable, Map<String, String> refused) {
	}

}

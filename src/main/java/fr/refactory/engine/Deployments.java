package fr.refactory.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.decision.DmnDecisions;
import fr.refactory.engine.deployment.BpmnTransformer;
import fr.refactory.engine.deployment.DeploymentRejected;
import fr.refactory.engine.deployment.DeploymentResult;
import fr.refactory.engine.deployment.Resource;
import fr.refactory.engine.deployment.ResourceDeployers;
import fr.refactory.engine.state.BoundVersions;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.KeyGenerator;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.camunda.dmn.parser.ParsedDmn;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys BPMN, DMN and form resources, all or nothing. Everything is parsed and
 * validated before anything is stored; a byte-identical resource keeps its existing
 * version.
 */
@Component
@ConditionalOnEmbeddedEngine
public class Deployments {

	private static final String TENANT = "<default>";

	private final ResourceDeployers deployers;

	private final KeyGenerator keys;

	private final ObjectMapper json;

	private final DefinitionStore definitions;

	Deployments(ResourceDeployers deployers, KeyGenerator keys, ObjectMapper json, DefinitionStore definitions) {
		this.definitions = definitions;
		this.deployers = deployers;
		this.keys = keys;
		this.json = json;
	}

	@Transactional
	public DeploymentResult deploy(List<Resource> resources) {
		if (resources.isEmpty()) {
			throw Rejection.invalidArgument("Expected to deploy at least one resource, but none was given");
		}
		List<ParsedDmn> dmns = new ArrayList<>();
		Set<String> deployedDecisionIds = new HashSet<>();
		List<Resource> dmnResources = resources.stream().filter(Resource::isDmn).toList();
		for (Resource resource : dmnResources) {
			ParsedDmn dmn = this.deployers.decisions().parse(resource);
			dmns.add(dmn);
			DmnDecisions.decisions(dmn).forEach((decision) -> deployedDecisionIds.add(decision.id()));
		}
		List<BpmnModelInstance> models = new ArrayList<>();
		List<Resource> bpmnResources = resources.stream().filter(Resource::isBpmn).toList();
		for (Resource resource : bpmnResources) {
			BpmnModelInstance model = BpmnTransformer.read(resource.name(), resource.content());
			new BpmnTransformer(resource.name(),
					(id) -> deployedDecisionIds.contains(id) || this.deployers.processes().decisionExists(id))
				.transform(model);
			models.add(model);
		}
		List<JsonNode> forms = new ArrayList<>();
		List<Resource> formResources = resources.stream().filter(Resource::isForm).toList();
		for (Resource resource : formResources) {
			forms.add(readForm(resource));
		}
		rejectUnknownKinds(resources);
		this.deployers.serialize();
		long deploymentKey = this.keys.nextKey();
		List<DeploymentResult.Entry> entries = new ArrayList<>();
		for (int i = 0; i < dmnResources.size(); i++) {
			entries.addAll(this.deployers.decisions().deploy(dmnResources.get(i), dmns.get(i), deploymentKey));
		}
		for (int i = 0; i < formResources.size(); i++) {
			entries.add(this.deployers.forms().deploy(formResources.get(i), forms.get(i), deploymentKey));
		}
		for (int i = 0; i < bpmnResources.size(); i++) {
			entries.addAll(this.deployers.processes().deploy(bpmnResources.get(i), models.get(i), deploymentKey));
		}
		entries.forEach((entry) -> linkToDeployment(deploymentKey, entry));
		return new DeploymentResult(String.valueOf(deploymentKey), TENANT, entries);
	}

	private void linkToDeployment(long deploymentKey, DeploymentResult.Entry entry) {
		if (entry.processDefinition() != null) {
			this.definitions.linkToDeployment(deploymentKey, BoundVersions.PROCESS,
					entry.processDefinition().processDefinitionId(),
					Long.parseLong(entry.processDefinition().processDefinitionKey()));
		}
		else if (entry.decisionDefinition() != null) {
			this.definitions.linkToDeployment(deploymentKey, BoundVersions.DECISION,
					entry.decisionDefinition().decisionDefinitionId(),
					Long.parseLong(entry.decisionDefinition().decisionDefinitionKey()));
		}
		else if (entry.form() != null) {
			this.definitions.linkToDeployment(deploymentKey, BoundVersions.FORM, entry.form().formId(),
					Long.parseLong(entry.form().formKey()));
		}
	}

	private JsonNode readForm(Resource resource) {
		try {
			JsonNode form = this.json.readTree(new String(resource.content(), StandardCharsets.UTF_8));
			if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
				throw new DeploymentRejected("Expected the form resource '" + resource.name()
						+ "' to have a non-empty 'id', but it has none");
			}
			return form;
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new DeploymentRejected("Expected the form resource '" + resource.name()
					+ "' to be valid JSON, but it is not: " + ex.getOriginalMessage());
		}
	}

	private static void rejectUnknownKinds(List<Resource> resources) {
		for (Resource resource : resources) {
			if (!resource.isBpmn() && !resource.isDmn() && !resource.isForm()) {
				throw new DeploymentRejected(
						"Expected to deploy a '.bpmn', '.dmn' or '.form' resource, but got '" + resource.name() + "'");
			}
		}
	}

}

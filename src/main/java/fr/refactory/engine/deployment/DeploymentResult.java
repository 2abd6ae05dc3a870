package fr.refactory.engine.deployment;

import java.util.List;

/**
 * The wire shape of {@code POST /v2/deployments}: each entry has exactly one member set.
 */
public record DeploymentResult(String deploymentKey, String tenantId, List<Entry> deployments) {

	public record Entry(ProcessDefinition processDefinition, DecisionDefinition decisionDefinition,
			DecisionRequirements decisionRequirements, Form form) {
	}

	public record ProcessDefinition(String processDefinitionId, int processDefinitionVersion, String resourceName,
			String tenantId, String processDefinitionKey) {
	}

	public record DecisionDefinition(String decisionDefinitionId, int version, String name, String tenantId,
			String decisionRequirementsId, String decisionDefinitionKey, String decisionRequirementsKey) {
	}

	public record DecisionRequirements(String decisionRequirementsId, int version, String decisionRequirementsName,
			String tenantId, String resourceName, String decisionRequirementsKey) {
	}

	public record Form(String formId, long version, String resourceName, String tenantId, String formKey) {
	}

}

package fr.refactory.engine.state.query;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.model.StartFormLink;
import fr.refactory.engine.state.DefinitionStore;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;

import org.springframework.stereotype.Component;

/**
 * {@code GET /v2/process-definitions/{key}/form}: the form linked
 * ({@code zeebe:formDefinition formId}) from the process's none start event, resolved
 * like user-task forms by its {@code bindingType}: the latest deployed version of that
 * form id, the one deployed with this process version, or the newest with the
 * {@code versionTag} (docs/decisions/0249, 1600). Embedded or custom forms
 * ({@code formKey}, {@code externalReference}) are rejected at deployment (no silent
 * ignore).
 */
@Component
@ConditionalOnEmbeddedEngine
public class StartFormQueries {

	private final DefinitionStore definitions;

	private final UserTaskQueries forms;

	StartFormQueries(DefinitionStore definitions, UserTaskQueries forms) {
		this.definitions = definitions;
		this.forms = forms;
	}

	/**
	 * Empty when the process has no linked start form; 404 for an unknown process or an
	 * undeployed form.
	 */
	public Optional<UserTaskQueries.Form> startForm(long processDefinitionKey) {
		DefinitionStore.ProcessDefinitionRow row = this.definitions.process(processDefinitionKey)
			.orElseThrow(() -> Rejection.notFound("Expected to find a process definition with key '"
					+ processDefinitionKey + "', but none was found"));
		StartFormLink linked = linkedForm(row.processId(), this.definitions.processXml(processDefinitionKey));
		if (linked == null) {
			return Optional.empty();
		}
		return Optional.of(this.definitions.boundForm(linked.formId(), linked.binding(), processDefinitionKey)
			.flatMap(this.forms::formByKey)
			.orElseThrow(() -> Rejection.notFound("Expected to find the start form '" + linked.formId()
					+ "' with binding type " + linked.binding().describe() + " of process '" + row.processId()
					+ "', but no form with that id is deployed for this binding")));
	}

	private static StartFormLink linkedForm(String processId, String xml) {
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		Process process = model.getModelElementById(processId);
		return process == null ? null : StartFormLink.of(process).orElse(null);
	}

}

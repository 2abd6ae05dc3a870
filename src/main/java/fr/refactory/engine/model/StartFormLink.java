package fr.refactory.engine.model;

import java.util.Optional;

import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;

/**
 * The form a process links from its none start event
 * ({@code zeebe:formDefinition formId}, {@code bindingType}, {@code versionTag}): what
 * {@code GET /v2/process-definitions/{key}/form} serves and {@code hasStartForm} reports
 * (docs/decisions/0249, 1600).
 */
public record StartFormLink(String formId, Binding binding) {

	public static Optional<StartFormLink> of(Process process) {
		return process.getChildElementsByType(StartEvent.class)
			.stream()
			.filter((start) -> start.getEventDefinitions().isEmpty())
			.map((start) -> start.getSingleExtensionElement(ZeebeFormDefinition.class))
			.filter((form) -> form != null && form.getFormId() != null && !form.getFormId().isBlank())
			.map((form) -> new StartFormLink(form.getFormId(), Binding.of(form.getBindingType(), form.getVersionTag())))
			.findFirst();
	}

}

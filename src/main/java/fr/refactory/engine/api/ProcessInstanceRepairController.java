package fr.refactory.engine.api;

import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.ProcessInstanceMigration;
import fr.refactory.engine.ProcessInstanceModification;
import fr.refactory.engine.Rejection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Modification and migration of one running process instance (Camunda 8.8 {@code /v2}):
 * 204 once applied.
 */
@RestController
@ConditionalOnEmbeddedEngine
class ProcessInstanceRepairController {

	private final ProcessInstanceModification modification;

	private final ProcessInstanceMigration migration;

	ProcessInstanceRepairController(ProcessInstanceModification modification, ProcessInstanceMigration migration) {
		this.modification = modification;
		this.migration = migration;
	}

	@PostMapping(path = "/v2/process-instances/{key}/modification")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void modify(@PathVariable long key, @RequestBody ModificationRequest request) {
		List<ProcessInstanceModification.Activation> activations = request.activateInstructions() == null ? List.of()
				: request.activateInstructions().stream().map(ActivateInstruction::toActivation).toList();
		List<Long> terminations = request.terminateInstructions() == null ? List.of()
				: request.terminateInstructions().stream().map(TerminateInstruction::key).toList();
		this.modification.modify(key, new ProcessInstanceModification.Modification(activations, terminations));
	}

	@PostMapping(path = "/v2/process-instances/{key}/migration")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void migrate(@PathVariable long key, @RequestBody MigrationRequest request) {
		Long target = ProcessInstanceController.parseKey(request.targetProcessDefinitionKey());
		if (target == null) {
			throw Rejection.invalidArgument("Expected targetProcessDefinitionKey to name the process definition to"
					+ " migrate to, but none was given");
		}
		List<ProcessInstanceMigration.Mapping> mappings = request.mappingInstructions() == null ? List.of()
				: request.mappingInstructions();
		if (mappings.isEmpty()) {
			throw Rejection.invalidArgument(
					"Expected mappingInstructions to hold at least one mapping instruction," + " but none was given");
		}
		this.migration.migrate(key, new ProcessInstanceMigration.MigrationPlan(target, mappings));
	}

	record ModificationRequest(List<ActivateInstruction> activateInstructions,
			List<TerminateInstruction> terminateInstructions, Long operationReference) {
	}

	record ActivateInstruction(String elementId, String ancestorElementInstanceKey,
			List<ProcessInstanceModification.VariableInstruction> variableInstructions) {

		ProcessInstanceModification.Activation toActivation() {
			if (this.elementId == null || this.elementId.isBlank()) {
				throw Rejection.invalidArgument(
						"Expected activateInstructions[].elementId to name an element, but" + " none was given");
			}
			return new ProcessInstanceModification.Activation(this.elementId,
					ProcessInstanceController.parseKey(this.ancestorElementInstanceKey), this.variableInstructions);
		}

	}

	record TerminateInstruction(String elementInstanceKey) {

		Long key() {
			Long key = ProcessInstanceController.parseKey(this.elementInstanceKey);
			if (key == null) {
				throw Rejection.invalidArgument("Expected terminateInstructions[].elementInstanceKey to name an"
						+ " element instance, but none was given");
			}
			return key;
		}

	}

	record MigrationRequest(String targetProcessDefinitionKey,
			List<ProcessInstanceMigration.Mapping> mappingInstructions, Long operationReference) {
	}

}

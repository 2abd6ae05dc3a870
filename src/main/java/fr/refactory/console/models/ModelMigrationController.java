package fr.refactory.console.models;

import java.security.Principal;
import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.MigrationPlan;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.BatchOperation;
import io.camunda.client.api.search.response.ProcessDefinition;
import jakarta.servlet.http.HttpServletResponse;
import fr.refactory.system.security.ConsoleClient;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A process owner moves the running instances of an older version to the newest: a dry
 * run lists which instances can move and why the others cannot, a batch moves them with
 * its progress shown, the reason goes to the audit log (ADR 1070). Everything through the
 * console's Camunda client.
 */
@Controller
class ModelMigrationController {

	private final CamundaClient client;

	private final VersionMigrations migrations;

	ModelMigrationController(@ConsoleClient CamundaClient client, VersionMigrations migrations) {
		this.client = client;
		this.migrations = migrations;
	}

	@GetMapping("/models/processes/{key}/migration")
	String dryRun(@PathVariable long key, Model model) {
		Versions versions = versions(key);
		model.addAttribute("from", versions.from());
		model.addAttribute("to", versions.to());
		model.addAttribute("dryRun", this.migrations.dryRun(key, plan(versions)));
		return "console/model-migration";
	}

	@PostMapping("/models/processes/{key}/migration")
	String migrate(@PathVariable long key, @RequestParam long to, @RequestParam(defaultValue = "") String reason,
			Principal principal, Model model, HttpServletResponse response) {
		Versions versions = versions(key);
		if (versions.to().getProcessDefinitionKey() != to) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problems", List.of(new ModelProblem("", "to", "A newer version than v"
					+ versions.to().getVersion() + " was deployed meanwhile: check the dry run again")));
			return dryRun(key, model);
		}
		if (reason.isBlank()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("problems",
					List.of(new ModelProblem("", "reason", "Say why these instances are migrated")));
			return dryRun(key, model);
		}
		ProcessDefinition from = versions.from();
		String batchKey = this.migrations.migrate(from.getProcessDefinitionId(), key, from.getVersion(), to,
				versions.to().getVersion(), plan(versions), reason.strip(), principal.getName());
		return "redirect:/models/batches/" + batchKey;
	}

	@GetMapping("/models/batches/{batchKey}")
	String progress(@PathVariable String batchKey, Model model) {
		BatchOperation batch;
		try {
			batch = this.migrations.batch(batchKey);
		}
		catch (ProblemException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No batch operation with key " + batchKey);
		}
		model.addAttribute("batch", batch);
		model.addAttribute("failed", this.migrations.failedItems(batchKey));
		return "console/model-batch";
	}

	private MigrationPlan plan(Versions versions) {
		return this.migrations.plan(versions.from().getProcessDefinitionKey(), versions.to().getProcessDefinitionKey());
	}

	/** The version asked for and the newest of its process, which must differ. */
	private Versions versions(long key) {
		ProcessDefinition from;
		try {
			from = this.client.newProcessDefinitionGetRequest(key).send().join();
		}
		catch (ProblemException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No process definition with key " + key);
		}
		ProcessDefinition newest = this.client.newProcessDefinitionSearchRequest()
			.filter((filter) -> filter.processDefinitionId(from.getProcessDefinitionId()))
			.sort((sort) -> sort.version().desc())
			.page((page) -> page.limit(1))
			.send()
			.join()
			.items()
			.get(0);
		if (newest.getProcessDefinitionKey() == from.getProcessDefinitionKey()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					from.getProcessDefinitionId() + " v" + from.getVersion() + " is the newest version");
		}
		return new Versions(from, newest);
	}

	private record Versions(ProcessDefinition from, ProcessDefinition to) {
	}

}

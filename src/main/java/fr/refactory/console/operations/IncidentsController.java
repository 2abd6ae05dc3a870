package fr.refactory.console.operations;

import java.security.Principal;
import java.util.Optional;

import io.camunda.client.api.search.response.BatchOperation;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Open incidents grouped by process, element and error type, with counts; a group is
 * resolved in one incident-resolution batch after a plant outage, whose progress the
 * batch page shows (ADR 1061).
 */
@Controller
class IncidentsController {

	private final OperationsEngine engine;

	private final OperationsAudit audit;

	private final MessageSource messages;

	IncidentsController(OperationsEngine engine, OperationsAudit audit, MessageSource messages) {
		this.messages = messages;
		this.engine = engine;
		this.audit = audit;
	}

	@GetMapping("/operations/incidents")
	String incidents(Model model) {
		return show("", "", null, model);
	}

	@PostMapping("/operations/incidents/resolution")
	String resolve(@RequestParam(defaultValue = "") String group, @RequestParam(defaultValue = "") String reason,
			Principal principal, Model model, HttpServletResponse response) {
		Optional<IncidentGroup> chosen = this.engine.incidentGroups()
			.stream()
			.filter((candidate) -> candidate.id().equals(group))
			.findFirst();
		String problem = chosen.isEmpty() ? "operations.problem.choose-group"
				: reason.isBlank() ? InstanceRepairController.REASON_MISSING : null;
		String[] batchKey = new String[1];
		if (problem == null) {
			problem = InstanceRepairController.refusalOf(() -> batchKey[0] = this.engine.resolve(chosen.get()));
		}
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(group, reason, problem, model);
		}
		this.audit.incidentsBatchResolved(principal.getName(), chosen.get(), batchKey[0], reason.trim());
		return "redirect:/operations/batches/" + batchKey[0];
	}

	@GetMapping("/operations/batches/{key}")
	String batch(@PathVariable String key, Model model) {
		model.addAttribute("batch", found(key));
		return "operations/batch";
	}

	/**
	 * The progress block alone, which the batch page reloads until the batch has ended.
	 */
	@GetMapping("/operations/batches/{key}/progress")
	String progress(@PathVariable String key, Model model) {
		model.addAttribute("batch", found(key));
		return "operations/batch :: progress";
	}

	private BatchOperation found(String key) {
		return this.engine.batch(key)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No batch operation " + key));
	}

	private String show(String group, String reason, String problem, Model model) {
		model.addAttribute("groups", this.engine.incidentGroups());
		model.addAttribute("mostIncidents", OperationsEngine.MOST_INCIDENTS);
		model.addAttribute("chosen", group);
		model.addAttribute("reason", reason);
		model.addAttribute("problem", problem == null ? null : InstanceRepairController.text(this.messages, problem));
		return "operations/incidents";
	}

}

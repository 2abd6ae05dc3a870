package fr.refactory.audit;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.system.diagram.DiagramJson;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Auditor pages: find process instances, and read one instance's whole story. Read-only.
 */
@Controller
class InstanceHistoryController {

	private final ProcessHistory history;

	private final AuditLog auditLog;

	private final EventHistory events;

	private final ObjectMapper json;

	InstanceHistoryController(ProcessHistory history, AuditLog auditLog, EventHistory events, ObjectMapper json) {
		this.history = history;
		this.json = json;
		this.auditLog = auditLog;
		this.events = events;
	}

	@GetMapping("/audit/instances")
	String search(@ModelAttribute("query") InstanceQuery query, Principal principal, Model model) {
		model.addAttribute("instances", this.history.search(query));
		return "audit/instance-search";
	}

	@GetMapping("/audit/instances/{key}")
	String instance(@PathVariable long key, Principal principal, Model model) {
		ProcessInstance instance = this.history.instance(key)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process instance with key " + key));
		Map<String, Object> variables = this.history.variablesOf(key);
		List<ElementInstance> elements = this.history.elements(key);
		List<Incident> incidents = this.history.incidents(key);
		InstanceRow row = this.history.rowOf(instance, variables);
		model.addAttribute("instance", row);
		model.addAttribute("diagramXml", this.history.diagramXml(instance));
		model.addAttribute("diagramState",
				DiagramJson.write(this.json, this.history.stateOf(key, elements, incidents)));
		model.addAttribute("elements", elements);
		model.addAttribute("variables", variables);
		model.addAttribute("decisions", this.history.decisions(key));
		model.addAttribute("incidents", incidents);
		model.addAttribute("actions", actionsIn(row, key));
		this.events.of(key).ifPresent((events) -> model.addAttribute("events", events));
		return "audit/instance";
	}

	/** Who claimed and completed the instance's user tasks, from the audit log. */
	private List<AuditEntry> actionsIn(InstanceRow row, long key) {
		if (row.subject().isBlank()) {
			return List.of();
		}
		return this.auditLog.about(row.subject())
			.stream()
			.filter((entry) -> entry.processInstanceKey() != null && entry.processInstanceKey() == key)
			.toList();
	}

}

package fr.refactory.console.operations;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.diagram.DiagramJson;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operations engineer's instance page (ADR 1061): the diagram with the active tokens
 * and incidents, and the repairs — move a token, retry an incident, cancel — each with a
 * reason, through {@code /v2}, into the audit log. Only OPERATIONS and ADMIN reach
 * {@code /operations} (SecurityConfiguration, ADR 1060).
 */
@Controller
class InstanceRepairController {

	static final String REASON_MISSING = "operations.problem.reason-missing";

	private final OperationsEngine engine;

	private final OperationsAudit audit;

	private final ObjectMapper json;

	private final MessageSource messages;

	InstanceRepairController(OperationsEngine engine, OperationsAudit audit, ObjectMapper json,
			MessageSource messages) {
		this.engine = engine;
		this.json = json;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/operations/instances")
	String find(@RequestParam(required = false) Long key) {
		return key == null ? "redirect:/operations/incidents" : "redirect:/operations/instances/" + key;
	}

	@GetMapping("/operations/instances/{key}")
	String instance(@PathVariable long key, Model model) {
		return show(read(key), RepairForm.empty(), null, null, model);
	}

	@PostMapping("/operations/instances/{key}/move")
	String move(@PathVariable long key, RepairForm form, Principal principal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		InstanceOnPage instance = read(key);
		Optional<ActiveElement> from = instance.activeElements()
			.stream()
			.filter((element) -> form.from() != null && element.elementInstanceKey() == form.from())
			.findFirst();
		String problem = !form.hasReason() ? REASON_MISSING : from.isEmpty() ? "operations.problem.choose-from"
				: form.to() == null || form.to().isBlank() ? "operations.problem.choose-to" : null;
		if (problem == null) {
			problem = refusalOf(() -> this.engine.move(key, from.get().elementInstanceKey(), form.to()));
		}
		if (problem != null) {
			return refused(instance, form, "move", problem, model, response);
		}
		this.audit.tokenMoved(principal.getName(), instance, from.get(), form.to(), form.trimmedReason());
		redirect.addFlashAttribute("done", text("operations.done.moved", from.get().elementId(), form.to()));
		return "redirect:/operations/instances/" + key;
	}

	@PostMapping("/operations/instances/{key}/retry")
	String retry(@PathVariable long key, RepairForm form, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		InstanceOnPage instance = read(key);
		Optional<Incident> incident = instance.openIncidents()
			.stream()
			.filter((open) -> open.getIncidentKey().equals(form.incidentKey()))
			.findFirst();
		String problem = !form.hasReason() ? REASON_MISSING
				: incident.isEmpty() ? "operations.problem.choose-incident" : null;
		if (problem == null) {
			problem = refusalOf(() -> this.engine.retry(incident.get()));
		}
		if (problem != null) {
			return refused(instance, form, "retry", problem, model, response);
		}
		this.audit.incidentRetried(principal.getName(), instance, incident.get().getIncidentKey(),
				incident.get().getElementId(), String.valueOf(incident.get().getErrorType()), form.trimmedReason());
		redirect.addFlashAttribute("done", text("operations.done.retried", incident.get().getElementId()));
		return "redirect:/operations/instances/" + key;
	}

	@PostMapping("/operations/instances/{key}/cancellation")
	String cancel(@PathVariable long key, RepairForm form, Principal principal, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		InstanceOnPage instance = read(key);
		String problem = !form.hasReason() ? REASON_MISSING : refusalOf(() -> this.engine.cancel(key));
		if (problem != null) {
			return refused(instance, form, "cancel", problem, model, response);
		}
		this.audit.instanceCanceled(principal.getName(), instance, form.trimmedReason());
		redirect.addFlashAttribute("done", text("operations.done.cancelled"));
		return "redirect:/operations/instances/" + key;
	}

	private InstanceOnPage read(long key) {
		ProcessInstance instance = this.engine.instance(key)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process instance with key " + key));
		Map<String, Object> variables = this.engine.rootVariables(key);
		return new InstanceOnPage(key, instance.getProcessDefinitionKey(), instance.getProcessDefinitionId(),
				instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
				instance.getState() == null ? "" : instance.getState().name(), variables, this.engine.elements(key),
				this.engine.openIncidents(key));
	}

	private String refused(InstanceOnPage instance, RepairForm form, String action, String problem, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return show(instance, form, action, problem, model);
	}

	private String show(InstanceOnPage instance, RepairForm form, String failedAction, String problem, Model model) {
		String xml = this.engine.diagramXml(instance.definitionKey());
		model.addAttribute("instance", instance);
		model.addAttribute("diagramXml", xml);
		model.addAttribute("diagramState", DiagramJson.write(this.json,
				this.engine.stateOf(instance.key(), instance.elements(), instance.openIncidents())));
		model.addAttribute("tokens", instance.activeElements());
		model.addAttribute("targets", OperationsEngine.targets(xml));
		model.addAttribute("incidents", instance.openIncidents());
		model.addAttribute("entries", this.audit.entriesAbout(instance));
		model.addAttribute("form", form);
		model.addAttribute("failed", failedAction == null ? "" : failedAction);
		model.addAttribute("problem", problem == null ? null : text(problem));
		return "operations/instance";
	}

	/**
	 * A problem or outcome in the page's language: a message code, or an engine refusal
	 * (already a sentence, see {@link #refusalOf}).
	 */
	private String text(String code, Object... arguments) {
		return text(this.messages, code, arguments);
	}

	static String text(MessageSource messages, String code, Object... arguments) {
		String text = messages.getMessage(code, arguments, null, LocaleContextHolder.getLocale());
		return (text != null) ? text : code;
	}

	/**
	 * The engine's reason for refusing a command (400, 404, 409), or {@code null} when it
	 * was applied. The operations engineer reads it as the engine wrote it (in English):
	 * it names the element and the rule the repair broke, which is what they must change
	 * (ADR 1505).
	 */
	static String refusalOf(Runnable command) {
		try {
			command.run();
			return null;
		}
		catch (ProblemException ex) {
			if (ex.code() >= 500) {
				throw ex;
			}
			return ex.details() != null && ex.details().getDetail() != null ? ex.details().getDetail()
					: ex.getMessage();
		}
	}

}

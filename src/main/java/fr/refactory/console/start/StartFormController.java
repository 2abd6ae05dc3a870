package fr.refactory.console.start;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.refactory.console.form.FieldConditions;
import fr.refactory.console.form.FormDefinition;
import fr.refactory.console.form.FormSubmission;
import fr.refactory.console.form.FormView;
import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.records.PlantTime;
import fr.refactory.system.security.UserDirectory;
import io.camunda.client.api.command.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Start and gate-scan forms: validated like task forms, then published as the plant event
 * (start message, or the message a waiting arrival expects) and audited.
 */
@Controller
class StartFormController {

	private final StartForms forms;

	private final ProcessStarts starts;

	private final UserDirectory users;

	private final AuditLog auditLog;

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StartFormController.class);

	private final FieldConditions conditions;

	private final PlantTime plantTime;

	StartFormController(StartForms forms, ProcessStarts starts, UserDirectory users, AuditLog auditLog,
			FieldConditions conditions, PlantTime plantTime) {
		this.plantTime = plantTime;
		this.forms = forms;
		this.conditions = conditions;
		this.starts = starts;
		this.users = users;
		this.auditLog = auditLog;
	}

	@GetMapping("/console/start")
	String startForms(Principal principal, Model model) {
		model.addAttribute("startForms", this.forms.availableTo(this.users.groupsOf(principal.getName())));
		return "console/start-list";
	}

	@GetMapping("/console/start/{id}")
	String startForm(@PathVariable String id, Principal principal, Model model) {
		StartForm form = usableForm(id, principal);
		FormDefinition definition = this.forms.definitionOf(form);
		return show(form, FormView.prefilled(definition, Map.of(), this.conditions), model);
	}

	@PostMapping("/console/start/{id}")
	String submit(@PathVariable String id, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		StartForm form = usableForm(id, principal);
		FormDefinition definition = this.forms.definitionOf(form);
		FormSubmission submission = FormSubmission.of(definition, parametersOf(form, request), this.conditions,
				this.plantTime.zone());
		if (!submission.isValid()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("problemCode", "form.problem.correct-fields");
			return show(form, FormView.of(definition, submission), model);
		}
		String key = submission.values().get(form.correlationKeyField()).toString();
		try {
			long messageKey = form.correlated() ? this.starts.correlate(form.messageName(), key, submission.values())
					: this.starts.announce(form.messageName(), key, submission.values());
			audit(principal.getName(), form, key, messageKey, submission.values());
		}
		catch (ProblemException ex) {
			boolean nothingWaits = form.correlated() && ex.code() == HttpStatus.NOT_FOUND.value();
			response.setStatus(nothingWaits ? HttpStatus.NOT_FOUND.value() : HttpStatus.CONFLICT.value());
			// the engine's own text goes to the log, the person reads what to do (issue
			// 24)
			LOG.warn("The engine refused the start form {} for {}: {}", form.id(), key,
					ex.details() != null ? ex.details().getDetail() : ex.getMessage());
			model.addAttribute("problemCode", nothingWaits ? "start.problem.nothing-waits" : "start.problem.refused");
			model.addAttribute("problemArguments", new Object[] { key, form.correlationKeyField() });
			return show(form, FormView.of(definition, submission), model);
		}
		redirect.addFlashAttribute("notice", form.doneNotice() + ": " + key + ".");
		redirect.addFlashAttribute("noticeCode", "start.form." + form.id() + ".done");
		redirect.addFlashAttribute("noticeArgument", key);
		return "redirect:/console/tasks?subject=" + key;
	}

	/**
	 * Live visibility of the start form's conditional fields, as for task forms (ADR
	 * 0402).
	 */
	@PostMapping("/console/start/{id}/form-visibility")
	String formVisibility(@PathVariable String id, Principal principal, HttpServletRequest request, Model model) {
		StartForm form = usableForm(id, principal);
		FormDefinition definition = this.forms.definitionOf(form);
		Map<String, List<String>> parameters = parametersOf(form, request);
		FormView view = FormView.whileTyping(definition,
				FormSubmission.of(definition, parameters, this.conditions, this.plantTime.zone()));
		model.addAttribute("view", view);
		model.addAttribute("changed", view.changedSince(parameters.getOrDefault(FormView.SHOWN_MARKER, List.of())));
		return "console/form-fields :: changed(fields=${changed}, view=${view})";
	}

	/**
	 * @param messageKey the published message's key, or for a correlated gate scan the
	 * instance it reached
	 */
	private void audit(String user, StartForm form, String key, long messageKey, Map<String, Object> values) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("messageName", form.messageName());
		data.put(form.correlated() ? "processInstanceKey" : "messageKey", Long.toString(messageKey));
		data.put("form", values);
		this.auditLog.append(new AuditEvent(user, form.auditAction(), form.subjectType(), key, null, null, data));
	}

	private String show(StartForm form, FormView view, Model model) {
		model.addAttribute("startForm", form);
		model.addAttribute("form", view);
		return "console/start-form";
	}

	private StartForm usableForm(String id, Principal principal) {
		StartForm form = this.forms.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No start form " + id));
		if (!this.forms.mayUse(form, this.users.groupsOf(principal.getName()))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"This form is for " + form.groups() + ", and you are not in these groups.");
		}
		return form;
	}

	private static Map<String, List<String>> parametersOf(StartForm form, HttpServletRequest request) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!"_csrf".equals(name)) {
				parameters.put(name,
						Arrays.stream(values)
							.map((value) -> form.upperCaseFields().contains(name)
									? value.trim().toUpperCase(Locale.ROOT) : value)
							.toList());
			}
		});
		return parameters;
	}

}

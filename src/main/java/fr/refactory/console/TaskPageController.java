package fr.refactory.console;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.refactory.console.form.FieldConditions;
import fr.refactory.console.form.FormDefinition;
import fr.refactory.console.form.FormSubmission;
import fr.refactory.console.form.FormView;
import fr.refactory.console.habilitation.ClaimCheck;
import fr.refactory.console.habilitation.HabilitationGuard;
import fr.refactory.records.PlantTime;
import fr.refactory.system.security.UserDirectory;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.UserTask;
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

@Controller
class TaskPageController {

	private final OperatorTasks tasks;

	private final UserDirectory users;

	private final ConsoleAudit audit;

	private final HabilitationGuard habilitations;

	private final FieldConditions conditions;

	private final PlantTime plantTime;

	TaskPageController(OperatorTasks tasks, UserDirectory users, ConsoleAudit audit, HabilitationGuard habilitations,
			FieldConditions conditions, PlantTime plantTime) {
		this.tasks = tasks;
		this.plantTime = plantTime;
		this.conditions = conditions;
		this.users = users;
		this.audit = audit;
		this.habilitations = habilitations;
	}

	@GetMapping("/console/tasks/{taskKey}")
	String task(@PathVariable long taskKey, Principal principal, Model model) {
		UserTask task = visibleTask(taskKey, principal);
		Map<String, Object> variables = this.tasks.variablesOf(task);
		return showTask(task, principal, model,
				formOf(task, variables)
					.map((form) -> FormView.prefilled(form, variables, this.conditions, this.plantTime::localInput))
					.orElse(null));
	}

	@PostMapping("/console/tasks/{taskKey}/claim")
	String claim(@PathVariable long taskKey, Principal principal, RedirectAttributes redirect) {
		UserTask task = visibleTask(taskKey, principal);
		if (!OperatorTasks.isOpen(task)) {
			redirect.addFlashAttribute("problemCode", "task.problem.not-open");
			return "redirect:/console/tasks/" + taskKey;
		}
		ClaimCheck habilitation = this.habilitations.check(task, this.tasks.variablesOf(task), principal.getName());
		if (!habilitation.allowed()) {
			this.audit.claimRefused(principal.getName(), this.tasks.rowOf(task), habilitation);
			redirect.addFlashAttribute("problem", habilitation.message());
			return "redirect:/console/tasks/" + taskKey;
		}
		try {
			this.tasks.claim(taskKey, principal.getName());
			this.audit.taskClaimed(principal.getName(), this.tasks.rowOf(task), habilitation);
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problemCode", "task.problem.claimed-meanwhile");
		}
		return "redirect:/console/tasks/" + taskKey;
	}

	@PostMapping("/console/tasks/{taskKey}/unclaim")
	String unclaim(@PathVariable long taskKey, Principal principal, RedirectAttributes redirect) {
		UserTask task = visibleTask(taskKey, principal);
		requireAssignee(task, principal);
		try {
			this.tasks.unclaim(taskKey);
			this.audit.taskUnclaimed(principal.getName(), this.tasks.rowOf(task));
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problemCode", "task.problem.changed-meanwhile");
		}
		return "redirect:/console/tasks/" + taskKey;
	}

	@PostMapping("/console/tasks/{taskKey}/complete")
	String complete(@PathVariable long taskKey, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		UserTask task = visibleTask(taskKey, principal);
		if (!OperatorTasks.isOpen(task)) {
			redirect.addFlashAttribute("problemCode", "task.problem.not-open");
			return "redirect:/console/tasks/" + taskKey;
		}
		requireAssignee(task, principal);
		FormDefinition form = formOf(task, this.tasks.variablesOf(task)).orElse(new FormDefinition(null, List.of()));
		FormSubmission submission = FormSubmission.of(form, parametersOf(request), this.conditions,
				this.plantTime.zone());
		if (!submission.isValid()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("problemCode", "form.problem.correct-fields");
			return showTask(task, principal, model, FormView.of(form, submission));
		}
		TaskRow row = this.tasks.rowOf(task);
		try {
			this.tasks.complete(taskKey, submission.values());
		}
		catch (ProblemException ex) {
			// the engine refused: the task changed meanwhile (completed, cancelled,
			// reassigned); what was typed stays
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problemCode", "task.problem.changed-meanwhile");
			return showTask(this.tasks.find(taskKey).orElse(task), principal, model, FormView.of(form, submission));
		}
		this.audit.taskCompleted(principal.getName(), row, submission.values());
		if (this.tasks.find(taskKey).map(OperatorTasks::isCompleting).orElse(false)) {
			return "redirect:/console/tasks/" + taskKey;
		}
		redirect.addFlashAttribute("notice", "Task \"" + row.name() + "\" completed.");
		redirect.addFlashAttribute("noticeCode", "task.notice.completed");
		redirect.addFlashAttribute("noticeArgument", row.name());
		return "redirect:/console/tasks";
	}

	/**
	 * Live visibility (ADR 0402): the form as typed so far, answered with the conditional
	 * fields whose visibility changed, for htmx to swap in by id. Nothing is validated or
	 * stored.
	 */
	@PostMapping("/console/tasks/{taskKey}/form-visibility")
	String formVisibility(@PathVariable long taskKey, Principal principal, HttpServletRequest request, Model model) {
		UserTask task = visibleTask(taskKey, principal);
		requireAssignee(task, principal);
		FormDefinition form = formOf(task, this.tasks.variablesOf(task)).orElse(new FormDefinition(null, List.of()));
		Map<String, List<String>> parameters = parametersOf(request);
		FormView view = FormView.whileTyping(form,
				FormSubmission.of(form, parameters, this.conditions, this.plantTime.zone()));
		model.addAttribute("view", view);
		model.addAttribute("changed", view.changedSince(parameters.getOrDefault(FormView.SHOWN_MARKER, List.of())));
		return "console/form-fields :: changed(fields=${changed}, view=${view})";
	}

	private String showTask(UserTask task, Principal principal, Model model, FormView form) {
		model.addAttribute("task", this.tasks.rowOf(task));
		model.addAttribute("taskOpen", OperatorTasks.isOpen(task) || OperatorTasks.isCompleting(task));
		model.addAttribute("taskState", task.getState() == null ? null : task.getState().name());
		model.addAttribute("completedBy", task.getAssignee());
		model.addAttribute("completedAt", task.getCompletionDate());
		model.addAttribute("form", form);
		model.addAttribute("history", this.tasks.historyOf(task.getProcessInstanceKey()));
		model.addAttribute("claimedByMe", OperatorTasks.isOpen(task) && principal.getName().equals(task.getAssignee()));
		model.addAttribute("hvOperation", HabilitationGuard.operationTypeOf(task).orElse(null));
		boolean completing = OperatorTasks.isCompleting(task);
		model.addAttribute("completionPending", completing);
		model.addAttribute("completionDenial", completing ? null : this.tasks.completionDenialOf(task).orElse(null));
		return "console/task";
	}

	/**
	 * The task's form with its dynamic options read from the process variables
	 * ({@code valuesKey}) and its texts showing the variables the task sees, those of a
	 * multi-instance body included (ADR 0451).
	 */
	private java.util.Optional<FormDefinition> formOf(UserTask task, Map<String, Object> variables) {
		return this.tasks.formSchemaOf(task)
			.map((schema) -> FormDefinition.parse(schema).withOptionsFrom(variables).withTextFrom(variables));
	}

	private UserTask visibleTask(long taskKey, Principal principal) {
		UserTask task = this.tasks.find(taskKey)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No task with key " + taskKey));
		if (!TaskVisibility.canSee(task, principal.getName(), this.users.groupsOf(principal.getName()))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"This task is offered to " + task.getCandidateGroups() + ", and you are not in these groups.");
		}
		return task;
	}

	private static void requireAssignee(UserTask task, Principal principal) {
		if (!principal.getName().equals(task.getAssignee())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Claim the task before working on it.");
		}
	}

	private static Map<String, List<String>> parametersOf(HttpServletRequest request) {
		return request.getParameterMap()
			.entrySet()
			.stream()
			.filter((entry) -> !"_csrf".equals(entry.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Arrays.asList(entry.getValue())));
	}

}

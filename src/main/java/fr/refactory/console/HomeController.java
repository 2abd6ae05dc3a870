package fr.refactory.console;

import java.security.Principal;
import java.util.List;

import fr.refactory.system.security.UserDirectory;
import io.camunda.client.api.command.ClientException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page shows each person their next work (issue 24, ADR 1504): the tasks they
 * hold, else the first tasks offered to their groups (due first), and for the other roles
 * the page where their work is.
 */
@Controller
class HomeController {

	static final int NEXT_WORK = 5;

	private final OperatorTasks tasks;

	private final UserDirectory users;

	HomeController(OperatorTasks tasks, UserDirectory users) {
		this.tasks = tasks;
		this.users = users;
	}

	@GetMapping("/")
	String home(Principal principal, Model model) {
		String username = principal.getName();
		this.users.find(username).ifPresent((user) -> model.addAttribute("user", user));
		List<String> groups = this.users.groupsOf(username);
		model.addAttribute("myGroups", groups);
		try {
			addNextWork(username, groups, model);
		}
		catch (ClientException ex) {
			// the home page still opens when the engine does not answer: the other areas
			// stay one click away
			model.addAttribute("nextWorkUnavailable", true);
		}
		return "system/welcome";
	}

	private void addNextWork(String username, List<String> groups, Model model) {
		List<TaskRow> held = this.tasks.openTasks(username, groups, TaskQuery.view("mine"));
		List<TaskRow> offered = held.isEmpty() ? this.tasks.openTasks(username, groups, TaskQuery.view("groups"))
			.stream()
			.filter((task) -> task.assignee() == null)
			.toList() : List.of();
		model.addAttribute("held", held.subList(0, Math.min(NEXT_WORK, held.size())));
		model.addAttribute("heldTotal", held.size());
		model.addAttribute("offered", offered.subList(0, Math.min(NEXT_WORK, offered.size())));
		model.addAttribute("offeredTotal", offered.size());
	}

}

package fr.refactory.console;

import java.security.Principal;
import java.util.List;

import fr.refactory.system.security.UserDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

@Controller
class TaskListController {

	private final OperatorTasks tasks;

	private final UserDirectory users;

	private final ConsoleProperties properties;

	TaskListController(OperatorTasks tasks, UserDirectory users, ConsoleProperties properties) {
		this.tasks = tasks;
		this.users = users;
		this.properties = properties;
	}

	@GetMapping("/console/tasks")
	String taskList(@ModelAttribute("query") TaskQuery query, Principal principal, Model model) {
		List<String> groups = this.users.groupsOf(principal.getName());
		List<TaskRow> rows = this.tasks.openTasks(principal.getName(), groups, query);
		model.addAttribute("myGroups", groups);
		int size = this.properties.pageSize();
		int pages = Math.max(1, (rows.size() + size - 1) / size);
		int page = Math.min(query.pageOrFirst(), pages);
		model.addAttribute("tasks", rows.subList((page - 1) * size, Math.min(rows.size(), page * size)));
		model.addAttribute("total", rows.size());
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("view", query.viewOrDefault());
		model.addAttribute("sort", query.sortOrDefault());
		return "console/task-list";
	}

}

package fr.refactory.console;

import java.util.List;

import fr.refactory.system.security.UserDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervision page: every group's open work, oldest first, groups nobody is in
 * flagged (issue 24, ADR 1503). Every person of the console may open it: seeing where
 * work waits is how a shift helps itself.
 */
@Controller
class SupervisionController {

	private final OperatorTasks tasks;

	private final UserDirectory users;

	SupervisionController(OperatorTasks tasks, UserDirectory users) {
		this.tasks = tasks;
		this.users = users;
	}

	@GetMapping("/console/supervision")
	String supervision(Model model) {
		List<GroupWork> groups = GroupWork.of(this.tasks.allOpenTasks(), this.users::membersOf);
		model.addAttribute("groups", groups);
		model.addAttribute("unstaffed", groups.stream().filter((g) -> g.unstaffed() && !g.offeredToNoGroup()).count());
		return "console/supervision";
	}

}

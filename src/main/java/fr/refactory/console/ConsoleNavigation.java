package fr.refactory.console;

import java.util.List;
import java.util.Set;

import fr.refactory.console.start.StartForms;
import fr.refactory.system.security.Roles;
import fr.refactory.system.security.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which of the console's menus the signed-in person can use (issue 24, ADR 1504): Tasks
 * for someone in a candidate group who works on the shop floor (any role but the
 * reviewing and maintaining ones: auditor, process owner, operations), Start for someone
 * in the group of a start form; an administrator gets both. An auditor or a process owner
 * is not offered pages that would only ever be empty for them. The pages stay reachable
 * by address.
 */
@ControllerAdvice(basePackages = { "fr.refactory.console", "fr.refactory.audit", "fr.refactory.system.web" })
class ConsoleNavigation {

	/**
	 * The roles of people who work on tasks: operators, technicians, inspectors and the
	 * shift leaders.
	 */
	private static final Set<String> SHOP_FLOOR = Set.of(Roles.INTAKE_OPERATOR, Roles.DIAGNOSTIC_TECHNICIAN,
			Roles.RETROFIT_TECHNICIAN, Roles.REMAN_TECHNICIAN, Roles.BATTERY_TECHNICIAN, Roles.QUALITY_INSPECTOR,
			Roles.SHIFT_LEADER);

	private final UserDirectory users;

	private final StartForms startForms;

	ConsoleNavigation(UserDirectory users, StartForms startForms) {
		this.users = users;
		this.startForms = startForms;
	}

	@ModelAttribute
	void menus(HttpServletRequest request, Model model) {
		String username = request.getRemoteUser();
		if (username == null) {
			return;
		}
		boolean admin = request.isUserInRole(Roles.ADMIN);
		List<String> groups = this.users.groupsOf(username);
		boolean shopFloor = SHOP_FLOOR.stream().anyMatch(request::isUserInRole);
		model.addAttribute("canWork", admin || (shopFloor && !groups.isEmpty()));
		model.addAttribute("canStart", admin || !this.startForms.availableTo(groups).isEmpty());
	}

}

package fr.refactory.console.dashboard;

import fr.refactory.system.security.Roles;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The plant dashboard ({@code /dashboard}), for everyone who signs in to the pages (ADR
 * 1301). Its bars link to the instance search of the audit pages for those who may open
 * it.
 */
@Controller
class DashboardController {

	private final PlantDashboard dashboard;

	DashboardController(PlantDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard")
	String dashboard(HttpServletRequest request, Model model) {
		boolean mayOpenInstances = request.isUserInRole(Roles.AUDITOR) || request.isUserInRole(Roles.ADMIN);
		model.addAttribute("charts", this.dashboard.charts(mayOpenInstances));
		return "console/dashboard";
	}

}

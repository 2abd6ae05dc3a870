package fr.refactory.console.dashboard;

import java.util.Locale;

import fr.refactory.system.security.Roles;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The plant dashboard ({@code /dashboard}), for everyone who signs in to the pages (ADR
 * 1301, 1303). Its bars link to the audit pages' instance search, or the operations'
 * incidents, for those who may open them.
 */
@Controller
class DashboardController {

	private final PlantDashboard dashboard;

	DashboardController(PlantDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard")
	String dashboard(HttpServletRequest request, Locale locale, Model model) {
		boolean mayAudit = request.isUserInRole(Roles.AUDITOR) || request.isUserInRole(Roles.ADMIN);
		boolean mayOperate = request.isUserInRole(Roles.OPERATIONS) || request.isUserInRole(Roles.ADMIN);
		model.addAttribute("charts", this.dashboard.charts(new PlantDashboard.Reader(mayAudit, mayOperate, locale)));
		return "console/dashboard";
	}

}

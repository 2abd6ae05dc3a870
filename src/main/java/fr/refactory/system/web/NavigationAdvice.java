package fr.refactory.system.web;

import fr.refactory.system.security.Roles;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header needs: who is signed in and which areas they may open. Only
 * the packages holding pages: a {@code @RestController} is a {@code @Controller} too, and
 * the engine's API would otherwise run this on every job activation and completion (ADR
 * 1100).
 */
@ControllerAdvice(basePackages = { "fr.refactory.console", "fr.refactory.audit", "fr.refactory.system.web" })
class NavigationAdvice {

	@ModelAttribute
	void navigation(HttpServletRequest request, Model model) {
		model.addAttribute("languagePage", languagePage(request));
		if (request.getRemoteUser() != null) {
			model.addAttribute("username", request.getRemoteUser());
			model.addAttribute("canAudit", request.isUserInRole(Roles.AUDITOR) || request.isUserInRole(Roles.ADMIN));
			model.addAttribute("canHandOver",
					request.isUserInRole(Roles.SHIFT_LEADER) || request.isUserInRole(Roles.ADMIN));
			model.addAttribute("canModel",
					request.isUserInRole(Roles.PROCESS_OWNER) || request.isUserInRole(Roles.ADMIN));
			model.addAttribute("canOperate",
					request.isUserInRole(Roles.OPERATIONS) || request.isUserInRole(Roles.ADMIN));
		}
	}

	/**
	 * The page the language switch comes back to: this one, or after a form was posted
	 * (its answer has no address of its own) the page holding the form.
	 */
	private static String languagePage(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
		}
		return LanguageController.pageOf(request.getHeader("Referer"), request.getContextPath());
	}

}

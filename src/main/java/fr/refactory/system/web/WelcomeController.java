package fr.refactory.system.web;

import java.security.Principal;

import fr.refactory.system.security.UserDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {

	private final UserDirectory users;

	WelcomeController(UserDirectory users) {
		this.users = users;
	}

	@GetMapping("/login")
	String login() {
		return "system/login";
	}

	@GetMapping("/")
	String welcome(Principal principal, Model model) {
		this.users.find(principal.getName()).ifPresent((user) -> model.addAttribute("user", user));
		return "system/welcome";
	}

}

package fr.refactory.system.web;

import java.security.Principal;
import java.util.List;
import java.util.stream.StreamSupport;

import fr.refactory.system.security.UserDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {

	private final UserDirectory users;

	private final List<IdentityProvider> identityProviders;

	/** A single sign-on button of the login page. */
	record IdentityProvider(String name, String href) {
	}

	WelcomeController(UserDirectory users, ObjectProvider<ClientRegistrationRepository> registrations) {
		this.users = users;
		this.identityProviders = registrations.getIfAvailable() instanceof Iterable<?> configured
				? StreamSupport.stream(configured.spliterator(), false)
					.map(ClientRegistration.class::cast)
					.map((registration) -> new IdentityProvider(registration.getClientName(),
							"/oauth2/authorization/" + registration.getRegistrationId()))
					.toList()
				: List.of();
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("identityProviders", this.identityProviders);
		return "system/login";
	}

	@GetMapping("/")
	String welcome(Principal principal, Model model) {
		this.users.find(principal.getName()).ifPresent((user) -> model.addAttribute("user", user));
		return "system/welcome";
	}

}

package fr.refactory.system.web;

import java.util.List;
import java.util.stream.StreamSupport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {

	private final List<IdentityProvider> identityProviders;

	/** A single sign-on button of the login page. */
	record IdentityProvider(String name, String href) {
	}

	WelcomeController(ObjectProvider<ClientRegistrationRepository> registrations) {
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

}

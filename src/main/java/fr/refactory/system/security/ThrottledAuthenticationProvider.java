package fr.refactory.system.security;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks user name and password for the login form and HTTP basic alike, throttled by {@link LoginThrottle}. An
 * unknown user name is checked against a stand-in password encoded the way most configured passwords are (bcrypt
 * of the same cost, or {@code {noop}}), so it takes as long as a known one and the answer time does not tell
 * which names exist (Spring's default stand-in is always bcrypt, 150 ms against 2 ms for a {@code {noop}} user).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	static final String BAD_CREDENTIALS = "Bad credentials";

	private final UserDetailsService users;

	private final LoginThrottle throttle;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final String unknownUserPassword;

	ThrottledAuthenticationProvider(UserDetailsService users, RefactoryUsersProperties properties,
			LoginThrottle throttle) {
		this.users = users;
		this.throttle = throttle;
		this.unknownUserPassword = standIn(properties);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		if (this.throttle.isLockedOut(username, address)) {
			throw new LockedException("Too many failed sign-ins; try again later");
		}
		UserDetails user = find(username);
		String presented = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		boolean matches = this.encoder.matches(presented, user == null ? this.unknownUserPassword : user.getPassword());
		if (user == null || !matches) {
			this.throttle.failed(username, address);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		this.throttle.succeeded(username);
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}


	private UserDetails find(String username) {
		try {
			return this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	/** A password nobody knows, encoded like most configured passwords. */
	static String standIn(RefactoryUsersProperties properties) {
		Map<String, Long> byEncoding = properties.users()
			.stream()
			.map(RefactoryUsersProperties.User::password)
			.filter((password) -> password != null && password.startsWith("{") && password.indexOf('}') > 0)
			.collect(Collectors.groupingBy((password) -> password.substring(0, password.indexOf('}') + 1),
					Collectors.counting()));
		String usual = byEncoding.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse("{bcrypt}");
		String secret = UUID.randomUUID().toString();
		if (usual.equals("{noop}")) {
			return "{noop}" + secret;
		}
		int cost = properties.users()
			.stream()
			.map(RefactoryUsersProperties.User::password)
			.filter((password) -> password != null && password.matches("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$.*"))
			.map((password) -> Integer.parseInt(password.substring(password.indexOf('$', 9) + 1,
					password.indexOf('$', 9) + 3)))
			.findFirst()
			.orElse(10);
		return usual.equals("{bcrypt}") ? "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(secret)
				: PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(secret);
	}

}

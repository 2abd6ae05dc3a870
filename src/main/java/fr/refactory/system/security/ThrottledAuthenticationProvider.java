package fr.refactory.system.security;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks user name and password for the login form or HTTP basic, throttled by
 * {@link LoginThrottle}. An unknown user name is checked against a stand-in password
 * encoded the way most configured passwords are (bcrypt of the same cost, or
 * {@code {noop}}), so it takes as long as a known one and the answer time does not tell
 * which names exist (Spring's default stand-in is always bcrypt, 150 ms against 2 ms for
 * a {@code {noop}} user).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	static final String BAD_CREDENTIALS = "Bad credentials";

	private final UserDetailsService users;

	private final LoginThrottle throttle;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final String unknownUserPassword;

	private final Audience audience;

	/**
	 * Who signs in through this provider: people on pages, or clients of {@code /v2} and
	 * management.
	 */
	enum Audience {

		/** The login form: API clients are refused, whatever their password. */
		PAGES,

		/**
		 * HTTP basic of {@code /v2} and management: API clients are not throttled by
		 * name.
		 */
		API

	}

	ThrottledAuthenticationProvider(UserDetailsService users, RefactoryUsersProperties properties,
			LoginThrottle throttle, Audience audience) {
		this.users = users;
		this.audience = audience;
		this.throttle = throttle;
		this.unknownUserPassword = standIn(properties);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		UserDetails user = find(username);
		String presented = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		boolean apiClient = user != null && isApiClient(user);
		if (apiClient && this.audience == Audience.API) {
			return authenticateApiClient(authentication, user, presented, address);
		}
		if (this.throttle.isLockedOut(username, address)) {
			throw new LockedException("Too many failed sign-ins; try again later");
		}
		boolean matches = this.encoder.matches(presented, user == null ? this.unknownUserPassword : user.getPassword());
		if (user == null || !matches || apiClient) {
			this.throttle.failed(username, address);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		this.throttle.succeeded(username);
		return authenticated(authentication, user);
	}

	/**
	 * An API client (a program with a long secret) is never locked out by its name, so
	 * failures against it cannot stop the workers; they still count against the address
	 * they come from (ADR 0506).
	 */
	private Authentication authenticateApiClient(Authentication authentication, UserDetails client, String presented,
			String address) {
		if (this.throttle.isAddressLockedOut(address)) {
			throw new LockedException("Too many failed sign-ins; try again later");
		}
		if (!this.encoder.matches(presented, client.getPassword())) {
			this.throttle.failedFromAddress(address);
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		return authenticated(authentication, client);
	}

	private static Authentication authenticated(Authentication authentication, UserDetails user) {
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	private static boolean isApiClient(UserDetails user) {
		return Roles.isApiClient(user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map((authority) -> authority.startsWith("ROLE_") ? authority.substring(5) : authority)
			.toList());
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
			.map((password) -> Integer
				.parseInt(password.substring(password.indexOf('$', 9) + 1, password.indexOf('$', 9) + 3)))
			.findFirst()
			.orElse(10);
		return usual.equals("{bcrypt}") ? "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(secret)
				: PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(secret);
	}

}

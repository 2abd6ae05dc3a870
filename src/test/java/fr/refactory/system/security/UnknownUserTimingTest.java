package fr.refactory.system.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unknown user name is checked against a stand-in encoded like the configured
 * passwords, so that it costs the same work as a known one (no timing is measured: the
 * work done is what is compared), and it is refused with the same answer as a wrong
 * password (issue 19).
 */
class UnknownUserTimingTest {

	private static RefactoryUsersProperties users(String... passwords) {
		return new RefactoryUsersProperties(java.util.Arrays.stream(passwords)
			.map((password) -> new RefactoryUsersProperties.User("user-" + password.hashCode(), password, "User",
					List.of("AUDITOR"), List.of()))
			.toList());
	}

	@Test
	void shouldCheckAnUnknownUserLikeTheDevelopmentUsersWhenTheyAreNoop() {
		assertThat(ThrottledAuthenticationProvider.standIn(users("{noop}demo", "{noop}demo"))).startsWith("{noop}");
	}

	@Test
	void shouldCheckAnUnknownUserWithBcryptOfTheConfiguredCost() {
		String hashed = "{bcrypt}" + new BCryptPasswordEncoder(12).encode("s3cret-of-a-person");

		assertThat(ThrottledAuthenticationProvider.standIn(users(hashed, hashed, "{noop}long-client-secret-123")))
			.startsWith("{bcrypt}$2a$12$");
	}

	@Test
	void shouldAnswerAnUnknownUserAsAWrongPassword() {
		RefactoryUsersProperties properties = users("{noop}demo");
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(
				org.springframework.security.core.userdetails.User.withUsername("known")
					.password("{noop}demo")
					.roles("AUDITOR")
					.build());
		ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(manager::loadUserByUsername,
				properties,
				new LoginThrottle(new LoginThrottleProperties(5, 20, java.time.Duration.ofMinutes(1)), (event) -> {
				}), ThrottledAuthenticationProvider.Audience.PAGES);

		assertThatThrownBy(
				() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "demo")))
			.isInstanceOf(BadCredentialsException.class)
			.hasMessage(ThrottledAuthenticationProvider.BAD_CREDENTIALS);
		assertThatThrownBy(
				() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("known", "nope")))
			.isInstanceOf(BadCredentialsException.class)
			.hasMessage(ThrottledAuthenticationProvider.BAD_CREDENTIALS);
		assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("known", "demo"))
			.isAuthenticated()).isTrue();
	}

}

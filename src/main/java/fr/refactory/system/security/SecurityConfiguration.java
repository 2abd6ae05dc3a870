package fr.refactory.system.security;

import java.util.List;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * API clients ({@code /v2/**}, management endpoints) authenticate with HTTP basic and get no session; people use
 * pages through a login form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Scripts only from the application (htmx is a webjar); inline styles stay allowed because htmx adds its indicator
	 * style at run time. Nothing may frame the pages, forms post only to the application.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/v2/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
				.permitAll()
				.requestMatchers("/v2/**")
				.hasAnyRole(Roles.ENGINE_CLIENT, Roles.ADMIN)
				.anyRequest()
				.hasRole(Roles.ADMIN))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/error", "/webjars/**", "/css/**")
				.permitAll()
				.requestMatchers("/audit/**")
				.hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
				.requestMatchers("/models/**", "/models")
				.hasAnyRole(Roles.PROCESS_OWNER, Roles.ADMIN)
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.build();
	}

	/**
	 * The configured users, exposed only as a {@link UserDetailsService}. Handing Spring Security the in-memory manager
	 * itself (a {@code UserDetailsPasswordService}) makes it re-encode every {@code {noop}} password with bcrypt at the
	 * user's first sign-in; API clients authenticate on every request (HTTP basic, no session), so each job activation
	 * and completion would then pay a bcrypt check (tens of milliseconds of CPU) — see ADR 0230.
	 */
	@Bean
	UserDetailsService userDetailsService(RefactoryUsersProperties properties) {
		List<org.springframework.security.core.userdetails.UserDetails> users = properties.users()
			.stream()
			.map(SecurityConfiguration::toUserDetails)
			.toList();
		InMemoryUserDetailsManager configured = new InMemoryUserDetailsManager(users);
		return configured::loadUserByUsername;
	}

	/** The only authentication provider: throttled, and as slow for unknown users as for known ones (ADR 0505). */
	@Bean
	ThrottledAuthenticationProvider authenticationProvider(UserDetailsService users,
			RefactoryUsersProperties properties, LoginThrottle throttle) {
		return new ThrottledAuthenticationProvider(users, properties, throttle);
	}

	private static org.springframework.security.core.userdetails.UserDetails toUserDetails(User user) {
		return org.springframework.security.core.userdetails.User.withUsername(user.username())
			.password(user.password())
			.roles(user.roles().toArray(String[]::new))
			.build();
	}

}

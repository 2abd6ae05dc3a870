package fr.refactory.system.security;

import java.util.List;
import java.util.Map;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * API clients ({@code /v2/**}, management endpoints) authenticate with HTTP basic, or
 * with an identity provider's bearer token when one is configured, and get no session;
 * each operation needs a permission that configuration grants to roles (ADR 0506). People
 * use pages through a login form, or sign in at the identity provider (ADR 0507).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Scripts only from the application (htmx is a webjar); inline styles stay allowed
	 * because htmx adds its indicator style at run time. Nothing may frame the pages,
	 * forms post only to the application.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, UserDetailsService users, RefactoryUsersProperties properties,
			LoginThrottle throttle, ApiPermissionsProperties permissions, ObjectProvider<JwtDecoder> identityProvider,
			IdentityProviderTokens tokens) throws Exception {
		JwtDecoder bearerTokens = identityProvider.getIfAvailable();
		if (bearerTokens != null) {
			JwtAuthenticationProvider provider = new JwtAuthenticationProvider(bearerTokens);
			provider.setJwtAuthenticationConverter(tokens.apiClients());
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.authenticationManager(new ProviderManager(provider))));
		}
		return http.securityMatcher("/v2/**", "/actuator/**").authorizeHttpRequests((requests) -> {
			requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll();
			for (ApiOperations.Operation operation : ApiOperations.ALL) {
				requests.requestMatchers(operation.method(), operation.path())
					.access(holding(operation.permission(), permissions));
			}
			requests.requestMatchers(ApiOperations.SIGNED_IN.toArray(String[]::new))
				.authenticated()
				.requestMatchers("/v2/**")
				.authenticated()
				.anyRequest()
				.hasRole(Roles.ADMIN);
		})
			.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(users, properties, throttle,
					ThrottledAuthenticationProvider.Audience.API)))
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new ApiAccessDeniedHandler()))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/**
	 * Granted to the roles that hold the permission in configuration; to nobody if none
	 * does.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> holding(ApiPermission permission,
			ApiPermissionsProperties permissions) {
		String[] roles = permissions.permissions()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(permission))
			.map(Map.Entry::getKey)
			.sorted()
			.toArray(String[]::new);
		return roles.length == 0 ? (authentication, context) -> new AuthorizationDecision(false)
				: AuthorityAuthorizationManager.hasAnyRole(roles);
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProvider,
			IdentityProviderTokens tokens) throws Exception {
		if (identityProvider.getIfAvailable() != null) {
			http.oauth2Login((oidc) -> oidc.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(tokens.people())));
		}
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/language", "/error", "/webjars/**", "/css/**", "/js/**")
				.permitAll()
				// a battery label's QR code: public attributes for anyone, the rest by
				// role (ADR 0901)
				.requestMatchers(HttpMethod.GET, "/passport/*", "/passport/*/qr")
				.permitAll()
				.requestMatchers("/audit/**")
				.hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
				.requestMatchers("/models/**", "/models")
				.hasAnyRole(Roles.PROCESS_OWNER, Roles.ADMIN)
				.requestMatchers("/console/handover/**", "/console/handover")
				.hasAnyRole(Roles.SHIFT_LEADER, Roles.ADMIN)
				// the console client repairs instances for them: this rule is who may ask
				// it to (ADR 1060)
				.requestMatchers("/operations/**", "/operations")
				.hasAnyRole(Roles.OPERATIONS, Roles.ADMIN)
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
	 * The configured users, exposed only as a {@link UserDetailsService}. Handing Spring
	 * Security the in-memory manager itself (a {@code UserDetailsPasswordService}) makes
	 * it re-encode every {@code {noop}} password with bcrypt at the user's first sign-in;
	 * API clients authenticate on every request (HTTP basic, no session), so each job
	 * activation and completion would then pay a bcrypt check (tens of milliseconds of
	 * CPU) — see ADR 0230.
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

	/**
	 * The pages' authentication provider: throttled, and as slow for unknown users as for
	 * known ones (ADR 0505); API clients may not sign in (ADR 0506). {@code /v2} has its
	 * own ({@link #apiSecurity}).
	 */
	@Bean
	ThrottledAuthenticationProvider authenticationProvider(UserDetailsService users,
			RefactoryUsersProperties properties, LoginThrottle throttle) {
		return new ThrottledAuthenticationProvider(users, properties, throttle,
				ThrottledAuthenticationProvider.Audience.PAGES);
	}

	private static org.springframework.security.core.userdetails.UserDetails toUserDetails(User user) {
		return org.springframework.security.core.userdetails.User.withUsername(user.username())
			.password(user.password())
			.roles(user.roles().toArray(String[]::new))
			.build();
	}

}

package fr.refactory.test.idp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the single sign-on tests (ADR 0507): Spring
 * Authorization Server in a small application of its own on a fixed port, with the
 * plant's people (their roles and candidate groups as token claims) and a worker client
 * (client credentials). A test configuration, so the application's component scan leaves
 * it out.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class })
public class PlantIdentityProvider {

	/**
	 * The console's client at the provider (authorization code), and the plant's job
	 * workers' (client credentials).
	 */
	public static final String CONSOLE_CLIENT = "refactory-console";

	public static final String CONSOLE_SECRET = "console-secret-at-the-provider";

	public static final String WORKER_CLIENT = "plant-workers";

	public static final String WORKER_SECRET = "worker-secret-at-the-provider";

	/**
	 * The provider's password of its people (not the application's development password).
	 */
	public static final String PASSWORD = "provider-password";

	/**
	 * Who is who at the provider: roles and candidate groups, as a plant's directory
	 * would give them.
	 */
	private static final Map<String, Person> PEOPLE = Map.of("intake-operator",
			new Person("Inès Intake (SSO)", List.of("INTAKE_OPERATOR"), List.of("intake-operators")),
			"quality-inspector",
			new Person("Quentin Quality (SSO)", List.of("QUALITY_INSPECTOR"), List.of("quality-inspectors")));

	private static final Map<String, List<String>> CLIENT_ROLES = Map.of(WORKER_CLIENT, List.of("JOB_WORKER"));

	record Person(String name, List<String> roles, List<String> groups) {
	}

	/**
	 * Starts the provider at {@code http://localhost:port}, for an application reached at
	 * {@code appBaseUrl}.
	 */
	public static ConfigurableApplicationContext start(int port, String appBaseUrl) {
		return new SpringApplicationBuilder(PlantIdentityProvider.class)
			.properties("server.port=" + port, "spring.config.name=plant-identity-provider",
					"spring.main.banner-mode=off", "server.servlet.session.cookie.name=IDP_SESSION",
					"plant-idp.issuer=http://localhost:" + port, "plant-idp.app-base-url=" + appBaseUrl)
			.run();
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
		return http.securityMatcher(server.getEndpointsMatcher())
			.with(server, (configurer) -> configurer.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService people() {
		return new InMemoryUserDetailsManager(PEOPLE.keySet()
			.stream()
			.map((username) -> User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build())
			.toList());
	}

	@Bean
	RegisteredClientRepository clients(@Value("${plant-idp.app-base-url}") String appBaseUrl) {
		RegisteredClient console = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CONSOLE_CLIENT)
			.clientSecret("{noop}" + CONSOLE_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(appBaseUrl + "/login/oauth2/code/plant-idp")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
		RegisteredClient workers = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(WORKER_CLIENT)
			.clientSecret("{noop}" + WORKER_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("camunda-api")
			.build();
		return new InMemoryRegisteredClientRepository(console, workers);
	}

	/**
	 * Roles and candidate groups as claims of ID and access tokens, as a plant's provider
	 * is set up to send them.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> plantClaims() {
		return (context) -> {
			String name = context.getPrincipal().getName();
			Person person = PEOPLE.get(name);
			if (person != null
					&& !context.getAuthorizationGrantType().equals(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
				context.getClaims()
					.claim("preferred_username", name)
					.claim("name", person.name())
					.claim("roles", person.roles())
					.claim("groups", person.groups());
			}
			else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
					&& CLIENT_ROLES.containsKey(context.getRegisteredClient().getClientId())) {
				context.getClaims()
					.claim("client_id", context.getRegisteredClient().getClientId())
					.claim("roles", CLIENT_ROLES.get(context.getRegisteredClient().getClientId()));
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
	}

	@Bean
	AuthorizationServerSettings settings(@Value("${plant-idp.issuer}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer).build();
	}

}

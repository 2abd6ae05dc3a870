package fr.refactory.system.security;

import java.util.List;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside development ({@code refactory.security.development-credentials-allowed}, set by
 * the {@code dev} profile only) the application does not start with a {@code {noop}}
 * password, a user whose password is the shipped development password, or the shipped API
 * client secret; the message says which properties to set (issue 19, ADR 0503). The
 * application's own API client keeps a {@code {noop}} entry, derived from its secret (ADR
 * 0230), so that secret must be long instead.
 */
@Component
class ProductionGuard implements InitializingBean {

	static final String DEVELOPMENT_PASSWORD = "demo";

	static final int MINIMUM_CLIENT_SECRET_LENGTH = 16;

	private final RefactoryUsersProperties properties;

	private final boolean developmentCredentialsAllowed;

	private final List<Client> clients;

	/**
	 * One of the application's own API clients: its user, secret and the property that
	 * sets the secret.
	 */
	private record Client(String username, String secret, String property) {

		boolean weakSecret() {
			return this.secret.length() < MINIMUM_CLIENT_SECRET_LENGTH || this.secret.equals(DEVELOPMENT_PASSWORD);
		}

	}

	ProductionGuard(RefactoryUsersProperties properties,
			@Value("${refactory.security.development-credentials-allowed:false}") boolean developmentCredentialsAllowed,
			@Value("${refactory.engine.client.username:}") String clientUsername,
			@Value("${refactory.engine.client.password:}") String clientSecret,
			@Value("${refactory.engine.console-client.username:}") String consoleUsername,
			@Value("${refactory.engine.console-client.password:}") String consoleSecret) {
		this.properties = properties;
		this.developmentCredentialsAllowed = developmentCredentialsAllowed;
		this.clients = List.of(new Client(clientUsername, clientSecret, "refactory.engine.client.password"),
				new Client(consoleUsername, consoleSecret, "refactory.engine.console-client.password"));
	}

	@Override
	public void afterPropertiesSet() {
		if (this.developmentCredentialsAllowed) {
			return;
		}
		List<String> weakUsers = this.properties.users().stream().filter(this::weak).map(User::username).toList();
		List<String> weakSecrets = this.clients.stream().filter(Client::weakSecret).map(Client::property).toList();
		if (!weakUsers.isEmpty() || !weakSecrets.isEmpty()) {
			throw new IllegalStateException("Refusing to start with development credentials outside the dev profile: "
					+ (weakUsers.isEmpty() ? ""
							: "users " + weakUsers + " have a {noop} or development password; set "
									+ "refactory.security.users with {bcrypt} passwords. ")
					+ (!weakSecrets.isEmpty() ? "Set " + String.join(" and ", weakSecrets)
							+ " (the application's own API clients) to a secret" + " of at least "
							+ MINIMUM_CLIENT_SECRET_LENGTH + " characters. " : "")
					+ "For development start with the dev profile (./mvnw spring-boot:run does).");
		}
	}

	private boolean weak(User user) {
		String password = user.password() == null ? "" : user.password();
		for (Client client : this.clients) {
			if (user.username().equals(client.username())) {
				return !password.equals("{noop}" + client.secret()) && isDevelopmentPassword(password);
			}
		}
		return password.startsWith("{noop}") || isDevelopmentPassword(password);
	}

	private static boolean isDevelopmentPassword(String encoded) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		try {
			return encoded.isEmpty() || encoder.matches(DEVELOPMENT_PASSWORD, encoded);
		}
		catch (IllegalArgumentException unknownEncoding) {
			return true;
		}
	}

}

package fr.refactory.system.security;

import java.util.List;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside development ({@code refactory.security.development-credentials-allowed}, set by the {@code dev} profile
 * only) the application does not start with a {@code {noop}} password, a user whose password is the shipped
 * development password, or the shipped API client secret; the message says which properties to set (issue 19,
 * ADR 0503). The application's own API client keeps a {@code {noop}} entry, derived from its secret (ADR 0230), so
 * that secret must be long instead.
 */
@Component
class ProductionGuard implements InitializingBean {

	static final String DEVELOPMENT_PASSWORD = "demo";

	static final int MINIMUM_CLIENT_SECRET_LENGTH = 16;

	private final RefactoryUsersProperties properties;

	private final boolean developmentCredentialsAllowed;

	private final String clientUsername;

	private final String clientSecret;

	ProductionGuard(RefactoryUsersProperties properties,
			@Value("${refactory.security.development-credentials-allowed:false}") boolean developmentCredentialsAllowed,
			@Value("${refactory.engine.client.username:}") String clientUsername,
			@Value("${refactory.engine.client.password:}") String clientSecret) {
		this.properties = properties;
		this.developmentCredentialsAllowed = developmentCredentialsAllowed;
		this.clientUsername = clientUsername;
		this.clientSecret = clientSecret;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.developmentCredentialsAllowed) {
			return;
		}
		List<String> weakUsers = this.properties.users().stream().filter(this::weak).map(User::username).toList();
		boolean weakSecret = this.clientSecret.length() < MINIMUM_CLIENT_SECRET_LENGTH
				|| this.clientSecret.equals(DEVELOPMENT_PASSWORD);
		if (!weakUsers.isEmpty() || weakSecret) {
			throw new IllegalStateException("Refusing to start with development credentials outside the dev profile: "
					+ (weakUsers.isEmpty() ? "" : "users " + weakUsers + " have a {noop} or development password; set "
							+ "refactory.security.users with {bcrypt} passwords. ")
					+ (weakSecret ? "Set refactory.engine.client.password (the application's own API client) to a secret"
							+ " of at least " + MINIMUM_CLIENT_SECRET_LENGTH + " characters. " : "")
					+ "For development start with the dev profile (./mvnw spring-boot:run does).");
		}
	}

	private boolean weak(User user) {
		String password = user.password() == null ? "" : user.password();
		if (user.username().equals(this.clientUsername)) {
			return !password.equals("{noop}" + this.clientSecret) && isDevelopmentPassword(password);
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

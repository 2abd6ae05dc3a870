package fr.refactory.system.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people (and API clients) who may use the product, read from configuration. An
 * identity provider can replace this later; until then the development users live in
 * {@code application.yml}, never in Java.
 */
@ConfigurationProperties("refactory.security")
public record RefactoryUsersProperties(@DefaultValue List<User> users) {

	/**
	 * @param username login name
	 * @param password password in Spring Security's {@code {id}encoded} form, e.g.
	 * {@code {noop}demo} or {@code {bcrypt}...}
	 * @param displayName the name shown on pages
	 * @param roles roles without the {@code ROLE_} prefix, see {@link Roles}
	 * @param groups candidate groups the user belongs to (domain brief §6.1)
	 */
	public record User(String username, String password, String displayName, @DefaultValue List<String> roles,
			@DefaultValue List<String> groups) {
	}

}

package fr.refactory.system.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Reads who a token speaks for from its claims, as {@link OidcProperties} says: name,
 * roles, candidate groups.
 */
@Component
class TokenClaims {

	private final OidcProperties properties;

	TokenClaims(OidcProperties properties) {
		this.properties = properties;
	}

	/**
	 * The person or client the claims describe, as a user of the directory (no password).
	 */
	User user(Map<String, Object> claims) {
		String username = username(claims);
		Object name = claims.get("name");
		return new User(username, null, name instanceof String display ? display : username, roles(claims),
				strings(claims, this.properties.groupsClaim()));
	}

	String username(Map<String, Object> claims) {
		return claims.get(usernameClaim(claims)).toString();
	}

	/** The first of the configured name claims the token has. */
	String usernameClaim(Map<String, Object> claims) {
		return this.properties.usernameClaims()
			.stream()
			.filter((claim) -> claims.get(claim) != null)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"the token names no user: none of " + this.properties.usernameClaims()));
	}

	List<String> roles(Map<String, Object> claims) {
		List<String> named = strings(claims, this.properties.rolesClaim());
		if (this.properties.roleMapping().isEmpty()) {
			return named.stream().map((role) -> role.toUpperCase(Locale.ROOT)).toList();
		}
		return named.stream().map(this.properties.roleMapping()::get).filter(Objects::nonNull).distinct().toList();
	}

	static List<GrantedAuthority> authorities(User user) {
		return user.roles()
			.stream()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
	}

	private static List<String> strings(Map<String, Object> claims, String path) {
		Object value = claims;
		for (String step : path.split("\\.")) {
			value = value instanceof Map<?, ?> map ? map.get(step) : null;
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(Object::toString).toList();
		}
		return value instanceof String single ? List.of(single.split("[ ,]+")) : List.of();
	}

}

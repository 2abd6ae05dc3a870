package fr.refactory.system.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which {@code /v2} permissions each role holds, as Camunda 8.8's authorizations grant
 * them to roles. A role not listed holds none: people work through the console, whose own
 * checks (candidate groups, habilitations, audit) a direct API call would bypass.
 *
 * @param permissions permissions per role name (without {@code ROLE_})
 */
@ConfigurationProperties("refactory.security.api")
public record ApiPermissionsProperties(@DefaultValue Map<String, Set<ApiPermission>> permissions) {

	/** The permissions held through any of the given roles. */
	public Set<ApiPermission> of(Collection<String> roles) {
		Set<ApiPermission> held = EnumSet.noneOf(ApiPermission.class);
		roles.forEach((role) -> held.addAll(this.permissions.getOrDefault(role, Set.of())));
		return held;
	}

}

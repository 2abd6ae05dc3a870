package fr.refactory.system.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the claims of an OIDC identity provider's tokens become the product's roles and
 * candidate groups, for people signing in through it and for {@code /v2} clients
 * presenting its access tokens (ADR 0507). The provider itself is configured with Spring
 * Boot's {@code spring.security.oauth2.client.*} and
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param usernameClaims claims tried in order for the user's name (the console's assignee
 * and audit name)
 * @param rolesClaim the claim holding role names; a dotted path reaches into objects
 * (Keycloak: {@code realm_access.roles})
 * @param groupsClaim the claim holding candidate groups
 * @param roleMapping the provider's role names to the product's ({@link Roles}); empty:
 * the names are taken as they are. When given, roles not in it are ignored.
 */
@ConfigurationProperties("refactory.security.oidc")
public record OidcProperties(@DefaultValue( {
		"preferred_username", "client_id", "sub" }) List<String> usernameClaims,
		@DefaultValue("roles") String rolesClaim, @DefaultValue("groups") String groupsClaim,
		@DefaultValue Map<String, String> roleMapping){

}

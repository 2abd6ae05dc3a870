package fr.refactory.system.security;

import java.util.Map;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns the identity provider's tokens into the product's users (ADR 0507): a person's ID
 * token (and user info) at sign-in, remembered in the {@link UserDirectory} for the
 * console's candidate groups, and a {@code /v2} client's access token on every call.
 * Roles become {@code ROLE_} authorities, so the pages' and {@code /v2}'s rules apply
 * unchanged.
 */
@Component
class IdentityProviderTokens {

	private final TokenClaims claims;

	private final UserDirectory directory;

	private final OidcUserService userInfo = new OidcUserService();

	IdentityProviderTokens(TokenClaims claims, UserDirectory directory) {
		this.claims = claims;
		this.directory = directory;
	}

	/**
	 * For the pages' OIDC sign-in; a program (only API client roles) may not sign in to
	 * pages there either.
	 */
	OAuth2UserService<OidcUserRequest, OidcUser> people() {
		return (request) -> {
			OidcUser signedIn = this.userInfo.loadUser(request);
			User user = userOf(signedIn.getClaims());
			if (Roles.isApiClient(user.roles())) {
				throw new OAuth2AuthenticationException(
						new OAuth2Error("access_denied", "API clients do not sign in to the pages", null));
			}
			this.directory.signedIn(user);
			String nameClaim = this.claims.usernameClaim(signedIn.getClaims());
			return new DefaultOidcUser(TokenClaims.authorities(user), signedIn.getIdToken(), signedIn.getUserInfo(),
					nameClaim);
		};
	}

	/**
	 * For {@code /v2} bearer tokens: a person's or a client's (client credentials) access
	 * token.
	 */
	Converter<Jwt, AbstractAuthenticationToken> apiClients() {
		return (jwt) -> {
			User user = userOf(jwt.getClaims());
			return new JwtAuthenticationToken(jwt, TokenClaims.authorities(user), user.username());
		};
	}

	/**
	 * A token that names nobody is refused as an invalid token (401), not a server error.
	 */
	private User userOf(Map<String, Object> tokenClaims) {
		try {
			return this.claims.user(tokenClaims);
		}
		catch (IllegalArgumentException unnamed) {
			throw new InvalidBearerTokenException(unnamed.getMessage());
		}
	}

}

package fr.refactory.system.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.stereotype.Component;

/**
 * Who is who: display names and candidate groups of the configured users, for the console's task visibility.
 */
@Component
public class UserDirectory {

	private final Map<String, User> usersByName;

	UserDirectory(RefactoryUsersProperties properties) {
		this.usersByName = properties.users()
			.stream()
			.collect(Collectors.toUnmodifiableMap(User::username, Function.identity()));
	}

	public Optional<User> find(String username) {
		return Optional.ofNullable(this.usersByName.get(username));
	}

	public List<String> groupsOf(String username) {
		return find(username).map(User::groups).orElse(List.of());
	}

}

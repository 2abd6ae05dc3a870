package fr.refactory.system.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.refactory.system.security.RefactoryUsersProperties.User;

import org.springframework.stereotype.Component;

/**
 * Who is who: display names and candidate groups of the configured users and of the
 * people signed in through the identity provider, for the console's task visibility.
 */
@Component
public class UserDirectory {

	private final Map<String, User> usersByName;

	/**
	 * People last signed in through the identity provider, with the roles and groups of
	 * their token (ADR 0507).
	 */
	private final Map<String, User> signedInThroughProvider = new ConcurrentHashMap<>();

	UserDirectory(RefactoryUsersProperties properties) {
		this.usersByName = properties.users()
			.stream()
			.collect(Collectors.toUnmodifiableMap(User::username, Function.identity()));
	}

	public Optional<User> find(String username) {
		User federated = this.signedInThroughProvider.get(username);
		return Optional.ofNullable(federated != null ? federated : this.usersByName.get(username));
	}

	/** A person the identity provider vouched for, as its token describes them now. */
	void signedIn(User user) {
		this.signedInThroughProvider.put(user.username(), user);
	}

	/**
	 * The people known to be in the group: the configured users and those who signed in
	 * through the identity provider since the start; a group nobody of them is in has no
	 * one to do its work.
	 */
	public List<String> membersOf(String group) {
		Map<String, User> known = new java.util.TreeMap<>(this.usersByName);
		known.putAll(this.signedInThroughProvider);
		return known.values().stream().filter((user) -> user.groups().contains(group)).map(User::username).toList();
	}

	public List<String> groupsOf(String username) {
		return find(username).map(User::groups).orElse(List.of());
	}

}

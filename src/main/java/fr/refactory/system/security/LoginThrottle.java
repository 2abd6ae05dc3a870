package fr.refactory.system.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address, in memory: after too many,
 * every sign-in of that user or from that address is refused until the lockout ends, the
 * right password included. A success clears the user's count, not the address's (else one
 * valid account would reset an address guessing other users).
 */
@Component
class LoginThrottle {

	private static final int MAX_TRACKED = 10_000;

	private final LoginThrottleProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Failures> users = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	LoginThrottle(LoginThrottleProperties properties, ApplicationEventPublisher events) {
		this.properties = properties;
		this.events = events;
	}

	boolean isLockedOut(String username, String address) {
		Instant now = this.clock.instant();
		return lockedOut(this.users.get(userKey(username)), now)
				|| (address != null && lockedOut(this.addresses.get(address), now));
	}

	void failed(String username, String address) {
		count(this.users, "user", userKey(username), this.properties.maxFailuresPerUser());
		if (address != null) {
			count(this.addresses, "address", address, this.properties.maxFailuresPerAddress());
		}
	}

	/**
	 * A failure that counts against the address only (an API client's name is never
	 * locked, ADR 0506).
	 */
	void failedFromAddress(String address) {
		if (address != null) {
			count(this.addresses, "address", address, this.properties.maxFailuresPerAddress());
		}
	}

	boolean isAddressLockedOut(String address) {
		return address != null && lockedOut(this.addresses.get(address), this.clock.instant());
	}

	void succeeded(String username) {
		this.users.remove(userKey(username));
	}

	private static boolean lockedOut(Failures failures, Instant now) {
		return failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil());
	}

	private void count(Map<String, Failures> counts, String kind, String key, int max) {
		Instant now = this.clock.instant();
		if (counts.size() > MAX_TRACKED) {
			counts.values().removeIf((failures) -> failures.isOver(now, this.properties.lockout().toMillis()));
		}
		Failures counted = counts.compute(key, (k, previous) -> {
			Failures current = previous == null || previous.isOver(now, this.properties.lockout().toMillis())
					? new Failures(0, now, null) : previous;
			int failures = current.count() + 1;
			return failures >= max ? new Failures(failures, current.since(), now.plus(this.properties.lockout()))
					: new Failures(failures, current.since(), null);
		});
		if (counted.lockedUntil() != null && counted.count() == max) {
			this.events.publishEvent(new LoginLockedOut(kind, key, counted.count(), counted.lockedUntil()));
		}
	}

	private static String userKey(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}

	/** Failures since a moment; a lockout ends at {@code lockedUntil}. */
	private record Failures(int count, Instant since, Instant lockedUntil) {

		boolean isOver(Instant now, long windowMillis) {
			Instant end = this.lockedUntil != null ? this.lockedUntil : this.since.plusMillis(windowMillis);
			return !now.isBefore(end);
		}

	}

}

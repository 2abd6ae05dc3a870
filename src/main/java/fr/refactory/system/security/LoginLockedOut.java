package fr.refactory.system.security;

import java.time.Instant;

/**
 * Published when repeated failed sign-ins lock a user name or a client address out; the
 * audit module records it.
 *
 * @param kind {@code user} or {@code address}
 * @param key the user name or the address
 * @param failures how many failures led to it
 * @param lockedUntil when sign-ins are accepted again
 */
public record LoginLockedOut(String kind, String key, int failures, Instant lockedUntil) {
}

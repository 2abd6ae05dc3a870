package fr.refactory.system.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refactory.security.login.*}: how many failed sign-ins lock a user name or a
 * client address out, and for how long (ADR 0505). Failures older than the lockout no
 * longer count.
 */
@ConfigurationProperties("refactory.security.login")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerUser,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("PT15M") Duration lockout) {
}

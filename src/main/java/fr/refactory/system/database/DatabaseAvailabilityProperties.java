package fr.refactory.system.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the product answers while its database is gone (ADR 0257). How long it waits for a
 * connection before saying so is the pool's
 * {@code spring.datasource.hikari.connection-timeout}.
 *
 * @param retryAfter the {@code Retry-After} of the 503 answers meanwhile: about the time
 * the embedded database needs to start again
 */
@ConfigurationProperties("refactory.database")
public record DatabaseAvailabilityProperties(@DefaultValue("5s") Duration retryAfter) {
}

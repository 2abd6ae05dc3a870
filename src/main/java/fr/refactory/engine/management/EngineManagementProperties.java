package fr.refactory.engine.management;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code refactory.engine.management.*}: the management endpoints Camunda Process Test
 * uses ({@code /actuator/clock}, {@code /actuator/cluster/purge}). Off by default,
 * because purge deletes every engine datum and a moved clock fires every timer; the
 * {@code dev} profile and the tests turn them on. They always need an ADMIN user
 * (docs/decisions/0240).
 */
@ConfigurationProperties("refactory.engine.management")
public record EngineManagementProperties(Boolean enabled) {

	public EngineManagementProperties {
		if (enabled == null) {
			enabled = Boolean.FALSE;
		}
	}

	public boolean isEnabled() {
		return this.enabled;
	}

}

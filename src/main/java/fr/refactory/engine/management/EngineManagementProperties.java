package fr.refactory.engine.management;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code refactory.engine.management.*}: the management endpoints Camunda Process Test uses ({@code /actuator/clock},
 * {@code /actuator/cluster/purge}). They are on by default so that CPT works against the embedded engine out of the
 * box; production configuration should set {@code refactory.engine.management.enabled=false} (purge deletes every
 * engine datum).
 */
@ConfigurationProperties("refactory.engine.management")
public record EngineManagementProperties(Boolean enabled) {

	public EngineManagementProperties {
		if (enabled == null) {
			enabled = Boolean.TRUE;
		}
	}

	public boolean isEnabled() {
		return this.enabled;
	}

}

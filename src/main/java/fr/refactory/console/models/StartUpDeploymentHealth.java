package fr.refactory.console.models;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The application is ready only once its start-up deployment is done: until then
 * {@code /actuator/health} answers OUT_OF_SERVICE (503), so a load balancer or supervisor
 * sends no work to processes that do not exist yet (ADR 0256).
 */
@Component("startUpDeployment")
@ConditionalOnProperty(name = "camunda.client.deployment.enabled", havingValue = "true", matchIfMissing = true)
class StartUpDeploymentHealth implements HealthIndicator {

	private final ModelDeploymentReport report;

	StartUpDeploymentHealth(ModelDeploymentReport report) {
		this.report = report;
	}

	@Override
	public Health health() {
		if (this.report.isStartUpDeploymentDone()) {
			return Health.up().build();
		}
		return Health.outOfService().withDetail("reason", "deploying the application's models").build();
	}

}

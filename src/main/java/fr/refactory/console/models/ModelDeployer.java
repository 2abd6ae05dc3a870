package fr.refactory.console.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.refactory.records.AuditEntry;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.spring.event.CamundaClientCreatedSpringEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the application's models ({@code decisions/*.dmn},
 * {@code processes/forms/*.form}, {@code processes/*.bpmn}) through the Camunda client
 * when the client is created — on the embedded engine, on a Camunda 8 cluster and under
 * Camunda Process Test alike. Each file is its own deployment, so a model the engine
 * rejects is reported (log and {@link ModelDeploymentReport}) without keeping the plant's
 * other processes from starting; an unchanged file creates no new version.
 */
@Component
@ConditionalOnProperty(name = "camunda.client.deployment.enabled", havingValue = "true", matchIfMissing = true)
class ModelDeployer {

	static final List<String> LOCATIONS = List.of("classpath*:decisions/*.dmn", "classpath*:processes/forms/*.form",
			"classpath*:processes/*.bpmn");

	/**
	 * The first deployments parse with a cold JVM; on a busy machine they take longer
	 * than the client's default.
	 */
	private static final Duration START_UP_REQUEST_TIMEOUT = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private final ResourcePatternResolver resources;

	private final ModelDeploymentReport report;

	private final ModelDeployments deployments;

	private final CamundaClient consoleClient;

	ModelDeployer(ResourcePatternResolver resources, ModelDeploymentReport report, ModelDeployments deployments,
			@ConsoleClient CamundaClient consoleClient) {
		this.consoleClient = consoleClient;
		this.resources = resources;
		this.report = report;
		this.deployments = deployments;
	}

	@EventListener
	void deployWhenClientIsReady(CamundaClientCreatedSpringEvent event) {
		// the event's client is the job workers', which may not deploy (ADR 0506)
		deployAll(this.consoleClient);
	}

	void deployAll(CamundaClient client) {
		List<Resource> files = modelFiles();
		log.info("Deploying the application's models: {} files", files.size());
		try (ShutdownSignal shutdown = ShutdownSignal.watch()) {
			for (Resource resource : files) {
				if (shutdown.received()) {
					log.warn("Start-up deployment stopped before {}: the application is shutting down",
							resource.getFilename());
					return;
				}
				deployUnlessShuttingDown(client, resource, shutdown);
			}
		}
		this.report.startUpDeploymentDone();
		List<ModelDeploymentReport.Outcome> rejected = this.report.rejected();
		if (!rejected.isEmpty()) {
			log.warn("{} model file(s) were rejected by the engine and are not running: {}", rejected.size(),
					rejected.stream().map(ModelDeploymentReport.Outcome::resource).collect(Collectors.joining(", ")));
		}
		log.info("Start-up deployment done: {} files, {} rejected", files.size(), rejected.size());
	}

	/**
	 * A SIGTERM interrupts the request in flight (the engine still completes or rolls
	 * back its deployment).
	 */
	private void deployUnlessShuttingDown(CamundaClient client, Resource resource, ShutdownSignal shutdown) {
		try {
			this.report.record(deploy(client, resource));
		}
		catch (RuntimeException ex) {
			if (!shutdown.received()) {
				throw ex;
			}
			Thread.interrupted();
		}
	}

	private ModelDeploymentReport.Outcome deploy(CamundaClient client, Resource resource) {
		String name = resource.getFilename();
		try {
			ModelFile file = new ModelFile(name, resource.getContentAsByteArray());
			Optional<AuditEntry> kept = this.deployments.keptFromPerson(file);
			if (kept.isPresent()) {
				String versions = String.join(", ", ModelVersionHistory.versionsIn(kept.get()));
				log.info("Model {} not deployed: {} deployed {} on the models page and the packaged file is unchanged",
						name, kept.get().actor(), versions);
				return new ModelDeploymentReport.Outcome(name, true,
						versions + " (kept, by " + kept.get().actor() + ")");
			}
			DeploymentEvent deployment = this.deployments.deploy(List.of(file), ModelDeployments.APPLICATION,
					START_UP_REQUEST_TIMEOUT, true);
			return new ModelDeploymentReport.Outcome(name, true, String.join(", ", DeployedVersions.of(deployment)));
		}
		catch (ProblemException ex) {
			String reason = ex.details() != null ? ex.details().getDetail() : ex.getMessage();
			log.warn("Model {} was rejected: {}", name, reason);
			return new ModelDeploymentReport.Outcome(name, false, reason);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to read model " + name + ", but could not", ex);
		}
	}

	private List<Resource> modelFiles() {
		return LOCATIONS.stream()
			.flatMap((location) -> Arrays.stream(resolve(location)).sorted(Comparator.comparing(Resource::getFilename)))
			.filter(Resource::isReadable)
			.toList();
	}

	private Resource[] resolve(String location) {
		try {
			return this.resources.getResources(location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

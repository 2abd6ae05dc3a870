package fr.refactory.console.models;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;

import org.springframework.stereotype.Component;

/**
 * Deploys model files through the client as one deployment and writes each file to the
 * audit log ({@code MODEL_DEPLOYED}: deployer, SHA-256, resulting versions) — for the
 * models page (a person) and the start-up deployment (actor {@value #APPLICATION}) alike,
 * so the models page knows when and by whom every version came.
 */
@Component
class ModelDeployments {

	static final String APPLICATION = "application";

	static final String ACTION = "MODEL_DEPLOYED";

	private static final long ANSWER_MARGIN_MILLIS = 5_000;

	private final CamundaClient client;

	private final ModelDeploymentReport report;

	private final AuditLog auditLog;

	ModelDeployments(@ConsoleClient CamundaClient client, ModelDeploymentReport report, AuditLog auditLog) {
		this.client = client;
		this.report = report;
		this.auditLog = auditLog;
	}

	/**
	 * @param onlyNewVersions audit a file only when its versions differ from the last
	 * ones recorded for it (start-up deploys every file at every start; an unchanged file
	 * is no event)
	 */
	DeploymentEvent deploy(List<ModelFile> files, String deployer, Duration requestTimeout, boolean onlyNewVersions) {
		DeployResourceCommandStep2 command = this.client.newDeployResourceCommand()
			.addResourceBytes(files.get(0).content(), files.get(0).name());
		for (ModelFile file : files.subList(1, files.size())) {
			command = command.addResourceBytes(file.content(), file.name());
		}
		DeploymentEvent deployment = awaitAnswer(command.requestTimeout(requestTimeout).send(), requestTimeout);
		this.report.formsDeployed(deployment.getForm().stream().map((form) -> form.getFormId()).toList());
		List<String> versions = DeployedVersions.of(deployment);
		files.stream()
			.filter((file) -> !onlyNewVersions || !versions.equals(lastRecordedVersions(file.name())))
			.forEach((file) -> audit(deployer, file, deployment, versions));
		return deployment;
	}

	/**
	 * A timed wait, not {@code join()}: Spring treats a start-up thread parked without a
	 * time-out as stuck in {@code System.exit} when SIGTERM comes, and then never closes
	 * the context (PostgreSQL would stay running).
	 */
	private static DeploymentEvent awaitAnswer(Future<DeploymentEvent> answer, Duration requestTimeout) {
		try {
			return answer.get(requestTimeout.toMillis() + ANSWER_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.cancel(true);
			throw new IllegalStateException("Interrupted while waiting for a deployment", ex);
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw new IllegalStateException(
					"Expected the engine to answer a deployment within " + requestTimeout + ", but it did not", ex);
		}
	}

	/**
	 * The deployment by a person (models page, e.g. a parameter change) that the
	 * application must not undo at start-up: the last one recorded for the file is by a
	 * person, and the packaged file is still the one the application deployed before it.
	 * A packaged file that changed since (a new release) is deployed.
	 */
	Optional<AuditEntry> keptFromPerson(ModelFile packaged) {
		List<AuditEntry> deployments = this.auditLog.about(packaged.name())
			.stream()
			.filter((entry) -> ACTION.equals(entry.action()))
			.toList();
		if (deployments.isEmpty() || APPLICATION.equals(deployments.get(deployments.size() - 1).actor())) {
			return Optional.empty();
		}
		Optional<AuditEntry> lastByApplication = deployments.stream()
			.filter((entry) -> APPLICATION.equals(entry.actor()))
			.reduce((first, second) -> second);
		return lastByApplication.filter((entry) -> packaged.sha256().equals(ModelVersionHistory.sha256In(entry)))
			.map((entry) -> deployments.get(deployments.size() - 1));
	}

	private List<String> lastRecordedVersions(String fileName) {
		List<AuditEntry> entries = this.auditLog.about(fileName);
		for (int i = entries.size() - 1; i >= 0; i--) {
			if (ACTION.equals(entries.get(i).action())) {
				return ModelVersionHistory.versionsIn(entries.get(i));
			}
		}
		return List.of();
	}

	private void audit(String deployer, ModelFile file, DeploymentEvent deployment, List<String> versions) {
		this.auditLog.append(new AuditEvent(deployer, ACTION, "MODEL", file.name(), null, null, Map.of("sha256",
				file.sha256(), "deploymentKey", Long.toString(deployment.getKey()), "versions", versions)));
	}

}

package fr.refactory.console.models;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.DecisionDefinition;

import org.springframework.stereotype.Component;

/**
 * The thresholds of the decision tables, each held by a {@code <decision>-parameters}
 * decision in the same DMN file (ADR 0324): lists the values in force and lets a process
 * owner change one. A change rewrites that one value in the deployed file, goes through
 * the models page's checks and deployment (a new version of the file) and is audited as
 * {@value #ACTION} with the old and new value and the reason.
 */
@Component
class DecisionParameters {

	static final String SUFFIX = "-parameters";

	static final String ACTION = "DECISION_PARAMETER_CHANGED";

	private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(1);

	private static final int MAX_REASON_LENGTH = 500;

	private final CamundaClient client;

	private final ModelChecks checks;

	private final ModelDeployments deployments;

	private final AuditLog auditLog;

	private final Map<Long, ParametersDocument> documents = new ConcurrentHashMap<>();

	DecisionParameters(@ConsoleClient CamundaClient client, ModelChecks checks, ModelDeployments deployments,
			AuditLog auditLog) {
		this.client = client;
		this.checks = checks;
		this.deployments = deployments;
		this.auditLog = auditLog;
	}

	/**
	 * Every parameter of the latest version of every parameters decision, by decision id
	 * then column order.
	 */
	List<DecisionParameter> inForce() {
		return latestVersions().values()
			.stream()
			.flatMap((definition) -> document(definition)
				.parameters(definition.getDecisionKey(), definition.getVersion())
				.stream())
			.toList();
	}

	/** Changes one value, or says which field is wrong and changes nothing. */
	Outcome change(ParameterChange change, String user) {
		DecisionDefinition inForce = latestVersions().get(change.decisionId());
		if (inForce == null) {
			return Outcome.problem("parameter", "There is no parameters decision " + change.decisionId());
		}
		if (inForce.getDecisionKey() != change.decisionKey()) {
			return Outcome.problem("parameter", change.decisionId() + " changed since the page was opened: it is now v"
					+ inForce.getVersion() + ". Reload the page and change the value again.");
		}
		ParametersDocument document = document(inForce);
		Optional<DecisionParameter> parameter = document.parameters(inForce.getDecisionKey(), inForce.getVersion())
			.stream()
			.filter((candidate) -> candidate.name().equals(change.name()))
			.findFirst();
		if (parameter.isEmpty()) {
			return Outcome.problem("parameter", change.decisionId() + " has no parameter " + change.name());
		}
		return validate(parameter.get(), change).map(Outcome::problem)
			.orElseGet(() -> deploy(parameter.get(), change, document, user));
	}

	private Optional<ModelProblem> validate(DecisionParameter parameter, ParameterChange change) {
		BigDecimal value = number(change.value());
		if (value == null) {
			return problem("value", "Enter a number for " + parameter.name() + ", e.g. 72.5 (a dot for decimals)");
		}
		if ((parameter.min() != null && value.compareTo(parameter.min()) < 0)
				|| (parameter.max() != null && value.compareTo(parameter.max()) > 0)) {
			return problem("value", parameter.name() + " must be from " + parameter.range() + " " + parameter.unit()
					+ ", not " + change.value().strip());
		}
		if (number(parameter.value()) != null && value.compareTo(number(parameter.value())) == 0) {
			return problem("value", parameter.name() + " is already " + parameter.value());
		}
		if (change.reason() == null || change.reason().isBlank()) {
			return problem("reason", "Say why " + parameter.name() + " changes (regulation, engineering decision…)");
		}
		if (change.reason().length() > MAX_REASON_LENGTH) {
			return problem("reason", "Keep the reason under " + MAX_REASON_LENGTH + " characters");
		}
		return Optional.empty();
	}

	private Outcome deploy(DecisionParameter parameter, ParameterChange change, ParametersDocument document,
			String user) {
		String value = number(change.value()).toPlainString();
		ModelFile file = new ModelFile(parameter.file(),
				document.withValue(parameter.name(), value).orElseThrow().getBytes(StandardCharsets.UTF_8));
		List<ModelProblem> problems = new ArrayList<>(this.checks.check(List.of(file)));
		if (!problems.isEmpty()) {
			return new Outcome(problems, List.of());
		}
		DeploymentEvent deployment;
		try {
			deployment = this.deployments.deploy(List.of(file), user, REQUEST_TIMEOUT, false);
		}
		catch (ProblemException ex) {
			return Outcome.problem(new ModelProblem(file.name(), "value",
					ex.details() != null ? ex.details().getDetail() : ex.getMessage()));
		}
		List<String> versions = DeployedVersions.of(deployment);
		audit(parameter, value, change.reason().strip(), user, versions);
		return new Outcome(List.of(), versions);
	}

	private void audit(DecisionParameter parameter, String value, String reason, String user, List<String> versions) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("decision", parameter.decisionId());
		data.put("parameter", parameter.name());
		data.put("unit", parameter.unit());
		data.put("oldValue", parameter.value());
		data.put("newValue", value);
		data.put("reason", reason);
		data.put("previousVersion", parameter.version());
		data.put("versions", versions);
		this.auditLog.append(new AuditEvent(user, ACTION, "MODEL", parameter.file(), null, null, data));
	}

	private Map<String, DecisionDefinition> latestVersions() {
		return this.client.newDecisionDefinitionSearchRequest()
			.sort((sort) -> sort.decisionDefinitionId().asc())
			.page((page) -> page.limit(1000))
			.send()
			.join()
			.items()
			.stream()
			.filter((definition) -> definition.getDmnDecisionId().endsWith(SUFFIX))
			.collect(Collectors.toMap(DecisionDefinition::getDmnDecisionId, Function.identity(),
					(one, other) -> one.getVersion() >= other.getVersion() ? one : other, LinkedHashMap::new));
	}

	/**
	 * A deployed decision's XML never changes under its key, so each version is fetched
	 * and parsed once: parsing the DMN files again at every models page cost seconds (ADR
	 * 0473).
	 */
	private ParametersDocument document(DecisionDefinition definition) {
		return this.documents.computeIfAbsent(definition.getDecisionKey(), (key) -> ParametersDocument
			.read(this.client.newDecisionDefinitionGetXmlRequest(key).send().join(), definition.getDmnDecisionId()));
	}

	private static BigDecimal number(String text) {
		String trimmed = text == null ? "" : text.strip();
		return trimmed.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(trimmed) : null;
	}

	private static Optional<ModelProblem> problem(String field, String reason) {
		return Optional.of(new ModelProblem("", field, reason));
	}

	/** Either the problems (nothing changed) or the versions the change deployed. */
	record Outcome(List<ModelProblem> problems, List<String> deployed) {

		static Outcome problem(ModelProblem problem) {
			return new Outcome(List.of(problem), List.of());
		}

		static Outcome problem(String field, String reason) {
			return problem(new ModelProblem("", field, reason));
		}

		boolean changed() {
			return problems.isEmpty();
		}

	}

}

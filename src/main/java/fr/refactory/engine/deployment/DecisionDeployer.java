package fr.refactory.engine.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.decision.DmnDecisions;
import fr.refactory.engine.state.DecisionStore;
import fr.refactory.engine.state.DecisionStore.RequirementsVersion;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.KeyGenerator;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDmn;

import org.springframework.stereotype.Component;

/**
 * Deploys one DMN resource: a decision-requirements version plus one definition per
 * decision.
 */
@Component
@ConditionalOnEmbeddedEngine
public class DecisionDeployer {

	private static final String TENANT = "<default>";

	private final DecisionStore store;

	private final DmnDecisions decisions;

	private final KeyGenerator keys;

	private final DefinitionStore definitions;

	DecisionDeployer(DecisionStore store, DmnDecisions decisions, KeyGenerator keys, DefinitionStore definitions) {
		this.store = store;
		this.decisions = decisions;
		this.keys = keys;
		this.definitions = definitions;
	}

	public ParsedDmn parse(Resource resource) {
		return this.decisions.parse(resource.name(), resource.content());
	}

	public List<DeploymentResult.Entry> deploy(Resource resource, ParsedDmn dmn, long deploymentKey) {
		String drdId = dmn.model().getDefinitions().getId();
		String drdName = dmn.model().getDefinitions().getName();
		String checksum = Checksums.sha256(resource.content());
		Optional<RequirementsVersion> latest = this.store.latestRequirements(drdId);
		if (latest.isPresent() && checksum.equals(latest.get().checksum())) {
			return existing(latest.get().key(), resource.name());
		}
		int version = Math.max(latest.map(RequirementsVersion::version).orElse(0),
				this.definitions.highestDeletedVersion(DeletedVersions.DECISION_REQUIREMENTS, drdId)) + 1;
		long drdKey = this.keys.nextKey();
		this.store.requirementsCreated(new RequirementsVersion(drdKey, version, checksum), drdId, drdName,
				resource.name(), new String(resource.content(), StandardCharsets.UTF_8), deploymentKey);
		for (ParsedDecision decision : DmnDecisions.decisions(dmn)) {
			int previous = this.store.highestVersion(decision.id());
			long decisionKey = this.keys.nextKey();
			int decisionVersion = Math.max(previous,
					this.definitions.highestDeletedVersion(DeletedVersions.DECISION, decision.id())) + 1;
			this.store.decisionCreated(decisionKey, decision.id(), decisionVersion, decision.name(),
					DmnDecisions.decisionType(decision), drdKey, drdId, DmnDecisions.versionTag(dmn, decision.id()));
		}
		this.decisions.remember(drdKey, dmn);
		return existing(drdKey, resource.name());
	}

	private List<DeploymentResult.Entry> existing(long drdKey, String resourceName) {
		List<DeploymentResult.Entry> entries = new ArrayList<>();
		for (DecisionStore.RequirementsRow requirements : this.store.requirements(drdKey)) {
			entries.add(new DeploymentResult.Entry(
					null, null, new DeploymentResult.DecisionRequirements(requirements.requirementsId(),
							requirements.version(), requirements.name(), TENANT, resourceName, String.valueOf(drdKey)),
					null));
		}
		for (DecisionStore.Definition decision : this.store.inRequirements(drdKey)) {
			entries.add(new DeploymentResult.Entry(null,
					new DeploymentResult.DecisionDefinition(decision.decisionId(), decision.version(), decision.name(),
							TENANT, decision.requirementsId(), String.valueOf(decision.key()), String.valueOf(drdKey)),
					null, null));
		}
		return entries;
	}

}

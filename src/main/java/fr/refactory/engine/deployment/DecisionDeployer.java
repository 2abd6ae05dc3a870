package fr.refactory.engine.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.decision.DmnDecisions;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.KeyGenerator;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDmn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Deploys one DMN resource: a decision-requirements version plus one definition per decision. */
@Component
@ConditionalOnEmbeddedEngine
public class DecisionDeployer {

	private static final String TENANT = "<default>";

	private final JdbcTemplate jdbc;

	private final DmnDecisions decisions;

	private final KeyGenerator keys;

	private final DefinitionStore definitions;

	DecisionDeployer(JdbcTemplate jdbc, DmnDecisions decisions, KeyGenerator keys, DefinitionStore definitions) {
		this.jdbc = jdbc;
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
		List<java.util.Map<String, Object>> latest = this.jdbc.queryForList(
				"select decision_requirements_key, version, checksum from engine_decision_requirements"
						+ " where decision_requirements_id = ? order by version desc limit 1",
				drdId);
		if (!latest.isEmpty() && checksum.equals(latest.get(0).get("checksum"))) {
			return existing((Long) latest.get(0).get("decision_requirements_key"), resource.name());
		}
		int version = Math.max(latest.isEmpty() ? 0 : (Integer) latest.get(0).get("version"),
				this.definitions.highestDeletedVersion(DeletedVersions.DECISION_REQUIREMENTS, drdId)) + 1;
		long drdKey = this.keys.nextKey();
		this.jdbc.update("insert into engine_decision_requirements (decision_requirements_key, decision_requirements_id,"
				+ " version, name, resource_name, checksum, dmn_xml, deployment_key) values (?,?,?,?,?,?,?,?)", drdKey,
				drdId, version, drdName, resource.name(), checksum,
				new String(resource.content(), StandardCharsets.UTF_8), deploymentKey);
		for (ParsedDecision decision : DmnDecisions.decisions(dmn)) {
			Integer previous = this.jdbc.queryForObject(
					"select max(version) from engine_decision_definition where decision_definition_id = ?",
					Integer.class, decision.id());
			this.jdbc.update("insert into engine_decision_definition (decision_definition_key, decision_definition_id,"
					+ " version, name, decision_type, decision_requirements_key, decision_requirements_id, version_tag)"
					+ " values (?,?,?,?,?,?,?,?)", this.keys.nextKey(), decision.id(),
					Math.max(previous == null ? 0 : previous,
							this.definitions.highestDeletedVersion(DeletedVersions.DECISION, decision.id())) + 1,
					decision.name(), DmnDecisions.decisionType(decision), drdKey,
					drdId, DmnDecisions.versionTag(dmn, decision.id()));
		}
		this.decisions.remember(drdKey, dmn);
		return existing(drdKey, resource.name());
	}

	private List<DeploymentResult.Entry> existing(long drdKey, String resourceName) {
		List<DeploymentResult.Entry> entries = new ArrayList<>();
		this.jdbc.query("select * from engine_decision_requirements where decision_requirements_key = ?", (rs) -> {
			entries.add(new DeploymentResult.Entry(null, null,
					new DeploymentResult.DecisionRequirements(rs.getString("decision_requirements_id"),
							rs.getInt("version"), rs.getString("name"), TENANT, resourceName,
							String.valueOf(drdKey)),
					null));
		}, drdKey);
		this.jdbc.query("select * from engine_decision_definition where decision_requirements_key = ?"
				+ " order by decision_definition_key", (rs) -> {
					entries.add(new DeploymentResult.Entry(null,
							new DeploymentResult.DecisionDefinition(rs.getString("decision_definition_id"),
									rs.getInt("version"), rs.getString("name"), TENANT,
									rs.getString("decision_requirements_id"),
									String.valueOf(rs.getLong("decision_definition_key")), String.valueOf(drdKey)),
							null, null));
				}, drdKey);
		return entries;
	}

}

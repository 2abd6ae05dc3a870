package fr.refactory.engine.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.ProcessInstanceMigration;
import fr.refactory.engine.ProcessInstanceMigration.Mapping;
import fr.refactory.engine.ProcessInstanceMigration.MigrationPlan;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.query.ProcessInstanceQueries;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;
import fr.refactory.engine.state.DefinitionStore;

import org.springframework.stereotype.Component;

/**
 * {@code MIGRATE_PROCESS_INSTANCE}: each active instance the filter selects is migrated
 * by the batch's plan as by its own request; an instance the plan cannot move fails with
 * the engine's reason and the batch goes on (ADR 1070). What does not depend on the
 * instance (the target version, the target element ids, a source mapped twice) is checked
 * when the batch is created; the rest per instance, by
 * {@link ProcessInstanceMigration#refusal} in a dry run.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessInstanceMigrationBatch implements BatchItemExecutor {

	static final String TYPE = "MIGRATE_PROCESS_INSTANCE";

	private static final String MAPPINGS = "migrationPlan.mappingInstructions";

	private final ProcessInstanceQueries queries;

	private final ProcessInstanceMigration migration;

	private final DefinitionStore definitions;

	ProcessInstanceMigrationBatch(ProcessInstanceQueries queries, ProcessInstanceMigration migration,
			DefinitionStore definitions) {
		this.queries = queries;
		this.migration = migration;
		this.definitions = definitions;
	}

	@Override
	public String operationType() {
		return TYPE;
	}

	@Override
	public void validate(JsonNode parameters) {
		MigrationPlan plan = plan(parameters);
		ExecutableProcess target = this.definitions.executable(plan.targetProcessDefinitionKey());
		Set<String> sources = new HashSet<>();
		for (int i = 0; i < plan.mappingInstructions().size(); i++) {
			Mapping mapping = plan.mappingInstructions().get(i);
			if (target.element(mapping.targetElementId()) == null) {
				throw Rejection.invalidArgument("Expected migrationPlan.mappingInstructions[" + i
						+ "].targetElementId to name an element of the target process definition '"
						+ plan.targetProcessDefinitionKey() + "', but '" + mapping.targetElementId()
						+ "' is none of its elements");
			}
			if (!sources.add(mapping.sourceElementId())) {
				throw Rejection.invalidArgument(
						"Expected each source element to be mapped once, but" + " migrationPlan.mappingInstructions["
								+ i + "].sourceElementId '" + mapping.sourceElementId() + "' is mapped again");
			}
		}
	}

	@Override
	public List<Selected> select(JsonNode filter) {
		return this.queries.activeInstances(filter);
	}

	@Override
	public void execute(Selected item, JsonNode parameters) {
		this.migration.migrate(item.processInstanceKey(), plan(parameters));
	}

	/**
	 * The dry run: for each instance a batch with this filter and plan would select,
	 * whether it can move and why not; nothing is created or changed. The same checks as
	 * the batch's creation refuse a bad plan or filter (400).
	 */
	public List<Verdict> dryRun(JsonNode filter, JsonNode parameters) {
		if (filter == null || !filter.isObject()) {
			throw Rejection.invalidArgument("Expected 'filter' to be a process-instance filter object, but got '"
					+ (filter == null ? "nothing" : filter.toString()) + "'");
		}
		validate(parameters);
		MigrationPlan plan = plan(parameters);
		List<Verdict> verdicts = new ArrayList<>();
		for (Selected item : select(filter)) {
			verdicts.add(new Verdict(String.valueOf(item.processInstanceKey()),
					this.migration.refusal(item.processInstanceKey(), plan).orElse(null)));
		}
		return verdicts;
	}

	/**
	 * The 8.8 {@code migrationPlan} as the engine's plan, or a 400 naming the field that
	 * is missing or wrong.
	 */
	private MigrationPlan plan(JsonNode parameters) {
		if (parameters == null || !parameters.isObject()) {
			throw Rejection.invalidArgument("Expected 'migrationPlan' to be an object with targetProcessDefinitionKey"
					+ " and mappingInstructions, but got '" + (parameters == null ? "nothing" : parameters) + "'");
		}
		long target = targetKey(parameters.path("targetProcessDefinitionKey"));
		JsonNode instructions = parameters.path("mappingInstructions");
		if (!instructions.isArray() || instructions.isEmpty()) {
			throw Rejection.invalidArgument("Expected migrationPlan.mappingInstructions to hold at least one mapping"
					+ " instruction, but got '" + instructions + "'");
		}
		List<Mapping> mappings = new ArrayList<>();
		for (int i = 0; i < instructions.size(); i++) {
			JsonNode instruction = instructions.get(i);
			mappings.add(new Mapping(InstructionFields.elementId(instruction, MAPPINGS, i, "sourceElementId"),
					InstructionFields.elementId(instruction, MAPPINGS, i, "targetElementId")));
		}
		return new MigrationPlan(target, mappings);
	}

	private long targetKey(JsonNode value) {
		long key;
		try {
			key = value.isIntegralNumber() ? value.asLong() : Long.parseLong(value.asText(""));
		}
		catch (NumberFormatException ex) {
			throw Rejection.invalidArgument("Expected migrationPlan.targetProcessDefinitionKey to be a process"
					+ " definition key, but got '" + value + "'");
		}
		if (this.definitions.process(key).isEmpty()) {
			throw Rejection.invalidArgument("Expected migrationPlan.targetProcessDefinitionKey to name a deployed"
					+ " process definition, but no process definition with key '" + key + "' was found");
		}
		return key;
	}

	/**
	 * One instance of a dry run: {@code refusal} is null when it can move, else the
	 * engine's reason.
	 */
	public record Verdict(String processInstanceKey, String refusal) {
	}

}

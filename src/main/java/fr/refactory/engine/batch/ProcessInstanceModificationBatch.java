package fr.refactory.engine.batch;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.ProcessInstanceModification;
import fr.refactory.engine.ProcessInstanceModification.Activation;
import fr.refactory.engine.ProcessInstanceModification.Modification;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.DefinitionStore;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.query.ProcessInstanceQueries;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;

import org.springframework.stereotype.Component;

/**
 * {@code MODIFY_PROCESS_INSTANCE}: in each active instance the filter selects, every
 * active instance of a move instruction's source element is terminated and the target
 * element activated in its place, as one single-instance modification. An instance with
 * no active instance of any source element, or whose model cannot activate the target,
 * fails with the reason and the batch goes on (ADR 1080).
 */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessInstanceModificationBatch implements BatchItemExecutor {

	static final String TYPE = "MODIFY_PROCESS_INSTANCE";

	private final ProcessInstanceQueries queries;

	private final ProcessInstanceModification modification;

	private final RuntimeStore runtime;

	private final DefinitionStore definitions;

	ProcessInstanceModificationBatch(ProcessInstanceQueries queries, ProcessInstanceModification modification,
			RuntimeStore runtime, DefinitionStore definitions) {
		this.queries = queries;
		this.modification = modification;
		this.runtime = runtime;
		this.definitions = definitions;
	}

	@Override
	public String operationType() {
		return TYPE;
	}

	@Override
	public void validate(JsonNode parameters) {
		moves(parameters);
	}

	@Override
	public List<Selected> select(JsonNode filter) {
		return this.queries.activeInstances(filter);
	}

	@Override
	public void execute(Selected item, JsonNode parameters) {
		long processInstanceKey = item.processInstanceKey();
		List<ElementInstance> active = this.runtime.activeElementInstances(processInstanceKey);
		List<Activation> activations = new ArrayList<>();
		List<Long> terminations = new ArrayList<>();
		List<Move> moves = moves(parameters);
		for (Move move : moves) {
			for (ElementInstance source : active) {
				if (source.elementId().equals(move.sourceElementId())) {
					terminations.add(source.key());
					activations.add(new Activation(move.targetElementId(), ancestorFor(move, source, active), null));
				}
			}
		}
		if (terminations.isEmpty()) {
			throw Rejection.invalidArgument("Expected process instance '" + processInstanceKey
					+ "' to have an active instance of a move instruction's source element "
					+ moves.stream().map(Move::sourceElementId).toList() + ", but it has none");
		}
		this.modification.modify(processInstanceKey, new Modification(activations, terminations));
	}

	/**
	 * The target is activated in the source's own subprocess instance when both elements
	 * share that scope (a scope that runs several times keeps each token in its
	 * instance); elsewhere the target's scope must be unambiguous.
	 */
	private Long ancestorFor(Move move, ElementInstance source, List<ElementInstance> active) {
		ExecutableProcess process = this.definitions.executable(source.processDefinitionKey());
		ExecutableElement target = process.element(move.targetElementId());
		ExecutableElement sourceElement = process.element(source.elementId());
		boolean sameScope = target != null && sourceElement != null && target.flowScopeId() != null
				&& target.flowScopeId().equals(sourceElement.flowScopeId());
		boolean inActiveSubScope = source.flowScopeKey() != null && source.flowScopeKey() != source.processInstanceKey()
				&& active.stream().anyMatch((instance) -> instance.key() == source.flowScopeKey());
		return sameScope && inActiveSubScope ? source.flowScopeKey() : ProcessInstanceModification.NO_ANCESTOR;
	}

	/**
	 * The 8.8 {@code moveInstructions}, or a 400 naming the field that is missing or
	 * wrong.
	 */
	private static List<Move> moves(JsonNode parameters) {
		if (parameters == null || !parameters.isArray() || parameters.isEmpty()) {
			throw Rejection.invalidArgument("Expected 'moveInstructions' to hold at least one instruction with"
					+ " sourceElementId and targetElementId, but got '" + (parameters == null ? "nothing" : parameters)
					+ "'");
		}
		List<Move> moves = new ArrayList<>();
		for (int i = 0; i < parameters.size(); i++) {
			JsonNode instruction = parameters.get(i);
			moves.add(new Move(InstructionFields.elementId(instruction, "moveInstructions", i, "sourceElementId"),
					InstructionFields.elementId(instruction, "moveInstructions", i, "targetElementId")));
		}
		return moves;
	}

	private record Move(String sourceElementId, String targetElementId) {
	}

}

package fr.refactory.engine.batch;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.ProcessInstances;
import fr.refactory.engine.state.query.ProcessInstanceQueries;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;

import org.springframework.stereotype.Component;

/**
 * {@code CANCEL_PROCESS_INSTANCE}: each active root instance the filter selects is
 * cancelled as by its own request.
 */
@Component
@ConditionalOnEmbeddedEngine
class ProcessInstanceCancellation implements BatchItemExecutor {

	private final ProcessInstanceQueries queries;

	private final ProcessInstances instances;

	ProcessInstanceCancellation(ProcessInstanceQueries queries, ProcessInstances instances) {
		this.queries = queries;
		this.instances = instances;
	}

	@Override
	public String operationType() {
		return "CANCEL_PROCESS_INSTANCE";
	}

	@Override
	public List<Selected> select(JsonNode filter) {
		return this.queries.activeRootInstances(filter);
	}

	@Override
	public void execute(Selected item, JsonNode parameters) {
		this.instances.cancel(item.processInstanceKey());
	}

}

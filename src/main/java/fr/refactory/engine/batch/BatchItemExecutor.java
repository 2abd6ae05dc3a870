package fr.refactory.engine.batch;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;

/**
 * One type of batch operation (Camunda 8.8's {@code batchOperationType}): which items a
 * filter selects, and how one item is applied. Every Spring bean implementing it is a
 * batch type {@link BatchOperations} can create and the {@link BatchOperationRunner} can
 * work off; the item's action must go through the same engine command as the
 * single-instance operation, never into engine tables.
 */
public interface BatchItemExecutor {

	/** The {@code batchOperationType} served, e.g. {@code CANCEL_PROCESS_INSTANCE}. */
	String operationType();

	/**
	 * Checks the type's own request part (a migration plan, modification instructions)
	 * when the batch is created; a {@code Rejection} refuses the request before anything
	 * is created. {@code parameters} is null for types that have none.
	 */
	default void validate(JsonNode parameters) {
	}

	/**
	 * The items the process-instance filter selects now, in the order they are worked
	 * off; an unknown filter field or a bad value is a {@code Rejection} (400) and
	 * nothing is created.
	 */
	List<Selected> select(JsonNode filter);

	/**
	 * Applies one item inside the runner's transaction; a {@code Rejection} (or any other
	 * engine failure that is not the database being away) fails this item with its
	 * message and the batch goes on.
	 */
	void execute(Selected item, JsonNode parameters);

}

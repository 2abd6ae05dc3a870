package fr.refactory.engine.batch;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.Rejection;

/**
 * Reads the element ids of a batch's instructions, refusing a missing or blank one with
 * the field's full path.
 */
final class InstructionFields {

	private InstructionFields() {
	}

	/**
	 * The element id in {@code field} of the {@code index}-th instruction of the list at
	 * {@code listPath}.
	 */
	static String elementId(JsonNode instruction, String listPath, int index, String field) {
		JsonNode value = instruction.path(field);
		if (!value.isTextual() || value.asText().isBlank()) {
			throw Rejection.invalidArgument("Expected " + listPath + "[" + index + "]." + field
					+ " to name an element, but got '" + value + "'");
		}
		return value.asText();
	}

}

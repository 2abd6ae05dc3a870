package fr.refactory.engine;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;

/**
 * What a process-instance creation adds besides variables and start instructions
 * (decision 0291): its tags and its runtime instructions, each checked before anything is
 * created, a bad one rejected naming the field.
 */
public final class RuntimeInstructions {

	static final String TERMINATE_PROCESS_INSTANCE = "TERMINATE_PROCESS_INSTANCE";

	private static final int MAX_TAGS = 10;

	private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-:.]{0,99}");

	private RuntimeInstructions() {
	}

	static void validateTags(Set<String> tags) {
		if (tags.size() > MAX_TAGS) {
			throw Rejection.invalidArgument("Expected at most " + MAX_TAGS + " tags, but got " + tags.size());
		}
		for (String tag : tags) {
			if (tag == null || !TAG.matcher(tag).matches()) {
				throw Rejection.invalidArgument("Expected each of tags to start with a letter, followed by at most 99"
						+ " letters, digits, '_', '-', ':' or '.', but got '" + tag + "'");
			}
		}
	}

	static void validate(ExecutableProcess process, List<Instruction> instructions) {
		for (Instruction instruction : instructions) {
			if (!TERMINATE_PROCESS_INSTANCE.equals(instruction.type())) {
				throw Rejection.invalidArgument("Expected runtimeInstructions[].type to be '"
						+ TERMINATE_PROCESS_INSTANCE + "', but got '" + instruction.type() + "'");
			}
			ExecutableElement element = instruction.afterElementId() == null ? null
					: process.element(instruction.afterElementId());
			if (element == null || element.type() == ElementType.PROCESS) {
				throw Rejection.invalidArgument("Expected runtimeInstructions[].afterElementId to name an element of"
						+ " process '" + process.processId() + "', but got '" + instruction.afterElementId() + "'");
			}
		}
	}

	/** Terminate the process instance once the element with this id has completed. */
	public record Instruction(String type, String afterElementId) {
	}

}

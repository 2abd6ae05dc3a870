package fr.refactory.engine.execution;

/**
 * An expected runtime failure of an element (bad expression result, no matching flow,
 * unknown decision...). The executor turns it into an incident of that element; nothing
 * else of the command is undone.
 */
public class ElementFailure extends RuntimeException {

	private final String errorType;

	public ElementFailure(String errorType, String message) {
		super(message);
		this.errorType = errorType;
	}

	public String errorType() {
		return this.errorType;
	}

}

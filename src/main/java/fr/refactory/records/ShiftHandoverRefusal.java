package fr.refactory.records;

/**
 * A shift handover signature refused, naming the field or party at fault; nothing was
 * written. The page says it in its own language: the message code
 * ({@code handover.refused.<reason>}) and its arguments; the English message is for the
 * log.
 */
public class ShiftHandoverRefusal extends RuntimeException {

	private final String field;

	private final boolean conflict;

	private final String reason;

	private final Object[] arguments;

	public ShiftHandoverRefusal(String field, String message, boolean conflict, String reason, Object... arguments) {
		super(message);
		this.field = field;
		this.conflict = conflict;
		this.reason = reason;
		this.arguments = arguments.clone();
	}

	/** The message code of the refusal in the console's messages. */
	public String code() {
		return "handover.refused." + this.reason;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	public String field() {
		return this.field;
	}

	/**
	 * The handover's state forbids it (already countersigned), rather than what was
	 * entered.
	 */
	public boolean conflict() {
		return this.conflict;
	}

}

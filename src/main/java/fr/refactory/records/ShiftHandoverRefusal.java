package fr.refactory.records;

/**
 * A shift handover signature refused, naming the field or party at fault; nothing was
 * written.
 */
public class ShiftHandoverRefusal extends RuntimeException {

	private final String field;

	private final boolean conflict;

	public ShiftHandoverRefusal(String field, String message, boolean conflict) {
		super(message);
		this.field = field;
		this.conflict = conflict;
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

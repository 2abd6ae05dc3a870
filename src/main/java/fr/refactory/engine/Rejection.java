package fr.refactory.engine;

/**
 * A command the engine refuses: nothing was changed. Maps to a problem response with the
 * matching HTTP status.
 */
public class Rejection extends RuntimeException {

	private final Kind kind;

	public Rejection(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	public static Rejection notFound(String message) {
		return new Rejection(Kind.NOT_FOUND, message);
	}

	public static Rejection invalidState(String message) {
		return new Rejection(Kind.INVALID_STATE, message);
	}

	public static Rejection invalidArgument(String message) {
		return new Rejection(Kind.INVALID_ARGUMENT, message);
	}

	public enum Kind {

		INVALID_ARGUMENT(400), NOT_FOUND(404), INVALID_STATE(409), ALREADY_EXISTS(409), DEADLINE_EXCEEDED(504),
		UNAVAILABLE(503);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

}

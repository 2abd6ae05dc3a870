package fr.refactory.records;

/**
 * A change of the plant calendar that is refused; nothing was changed. {@code field}
 * names the form field.
 */
public class PlantCalendarRefusal extends RuntimeException {

	private final String field;

	public PlantCalendarRefusal(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}

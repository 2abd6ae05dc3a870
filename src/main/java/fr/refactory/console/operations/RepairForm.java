package fr.refactory.console.operations;

/**
 * What an operations engineer typed to repair an instance; kept as typed when the repair
 * is refused, so nothing has to be typed twice.
 *
 * @param from the element instance to terminate (move), or {@code null}
 * @param to the element to activate (move), or {@code null}
 * @param incidentKey the incident to retry or resolve, or {@code null}
 */
record RepairForm(String reason, Long from, String to, Long incidentKey) {

	static RepairForm empty() {
		return new RepairForm("", null, null, null);
	}

	boolean hasReason() {
		return this.reason != null && !this.reason.isBlank();
	}

	String trimmedReason() {
		return this.reason.trim();
	}

}

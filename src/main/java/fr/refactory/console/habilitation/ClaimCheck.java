package fr.refactory.console.habilitation;

import java.util.List;

/**
 * Whether a user may claim a task as far as electrical habilitations go (domain brief §4
 * D5).
 *
 * @param requiredSymbol the symbol D5 requires, {@code null} when the task declares no HV
 * operation
 * @param refusalReason the D5 check's reason code (HABILITATION_MISSING,
 * HABILITATION_EXPIRED, REFRESHER_OVERDUE, INCOMPLETE_DATA) when refused
 * @param message what the user reads when refused
 * @param heldSymbols every symbol the user's titles carry, valid or not, as they were at
 * the check
 */
public record ClaimCheck(boolean allowed, String requiredSymbol, String refusalReason, String message,
		List<String> heldSymbols) {

	static ClaimCheck notRequired() {
		return new ClaimCheck(true, null, null, null, List.of());
	}

	public boolean requiresHabilitation() {
		return this.requiredSymbol != null && !"NONE".equals(this.requiredSymbol);
	}

}

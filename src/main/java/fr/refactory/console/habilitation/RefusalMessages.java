package fr.refactory.console.habilitation;

import java.util.List;

import fr.refactory.system.habilitation.HabilitationCheck.Verdict;

/**
 * Says in a sentence why the D5 check refused a claim, with the dates of the title
 * concerned.
 */
final class RefusalMessages {

	private RefusalMessages() {
	}

	static String of(Verdict refusal, String operationType, List<String> held) {
		String required = "This task (" + operationType + ") requires the HV habilitation " + refusal.requiredSymbol();
		return switch (refusal.refusalReason() == null ? "" : refusal.refusalReason()) {
			case "HABILITATION_EXPIRED" -> required + "; your title expired on " + refusal.title().expiresOn() + ".";
			case "REFRESHER_OVERDUE" -> required + "; your last refresher training was on "
					+ refusal.title().lastRefresherOn() + ", more than three years ago.";
			case "HABILITATION_MISSING" -> required + "; "
					+ (held.isEmpty() ? "you hold no HV habilitation." : "you hold " + String.join(", ", held) + ".");
			default -> "INCOMPLETE_DATA".equals(refusal.requiredSymbol())
					? "This task (" + operationType + ") may need an HV habilitation that cannot be determined yet: "
							+ "the vehicle's HV system or the operation type is not known."
					: required + "; your title has no expiry or refresher date on record.";
		};
	}

}

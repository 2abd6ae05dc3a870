package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.List;

import fr.refactory.system.roster.RosterEntry;

/**
 * The competency and habilitation register (domain brief §3.11, {@code hrcomp.*}):
 * electrical habilitations of people and installer authorisations of organisations, as
 * they stand on a date. Past titles are never overwritten, so the answer for a past date
 * is what was valid then.
 */
public interface CompetencyRegister {

	Habilitations habilitationsOf(String personId, LocalDate on);

	InstallerAuthorisation installerAuthorisation(String installerOrg, String vehicleType, LocalDate on);

	/**
	 * The plant's shift roster on a date (time and attendance): who works which shift of
	 * the plant calendar, in roster order; a person may work several shifts (ADR 0710).
	 */
	List<RosterEntry> shiftRoster(LocalDate on);

	/**
	 * The person ids on the plant's shift roster on a date, any shift, in roster order.
	 */
	default List<String> peopleOnShift(LocalDate on) {
		return shiftRoster(on).stream().map(RosterEntry::personId).distinct().toList();
	}

}

package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.List;

/**
 * The competency and habilitation register (domain brief §3.11, {@code hrcomp.*}): electrical habilitations of people
 * and installer authorisations of organisations, as they stand on a date. Past titles are never overwritten, so the
 * answer for a past date is what was valid then.
 */
public interface CompetencyRegister {

	Habilitations habilitationsOf(String personId, LocalDate on);

	InstallerAuthorisation installerAuthorisation(String installerOrg, String vehicleType, LocalDate on);

	/** The person ids on the plant's shift roster on a date (time and attendance), in roster order. */
	List<String> peopleOnShift(LocalDate on);

}

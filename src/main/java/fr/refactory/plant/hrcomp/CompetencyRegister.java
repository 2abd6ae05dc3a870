package fr.refactory.plant.hrcomp;

import java.time.LocalDate;

/**
 * The competency and habilitation register (domain brief §3.11, {@code hrcomp.*}): electrical habilitations of people
 * and installer authorisations of organisations, as they stand on a date. Past titles are never overwritten, so the
 * answer for a past date is what was valid then.
 */
public interface CompetencyRegister {

	Habilitations habilitationsOf(String personId, LocalDate on);

	InstallerAuthorisation installerAuthorisation(String installerOrg, String vehicleType, LocalDate on);

}

package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.List;

/**
 * @param installerName the installer's name as the authorisation states it (printed on
 * conversion certificates)
 * @param installerAddress the installer's workshop address as the authorisation states it
 * @param valid whether the authorisation covered the vehicle type on the asked date
 */
public record InstallerAuthorisation(String installerOrg, String kitManufacturer, List<String> vehicleTypes,
		LocalDate validFrom, LocalDate validTo, boolean valid, String installerName, String installerAddress) {
}

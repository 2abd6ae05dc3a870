package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.List;

/** @param valid whether the authorisation covered the vehicle type on the asked date */
public record InstallerAuthorisation(String installerOrg, String kitManufacturer, List<String> vehicleTypes,
		LocalDate validFrom, LocalDate validTo, boolean valid) {
}

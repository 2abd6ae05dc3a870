package fr.refactory.journeys;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Journey of vehicle-intake (domain brief §3.1): work in progress, see issue 15. */
class VehicleIntakeJourneyTest extends JourneyTest {

	@Test
	void aUsedClioIsAnnouncedScannedAtTheGateAndInspected() {
		String vin = "VF1RJA00" + (100_000_000L + System.nanoTime() % 900_000_000L);
		try (Operator people = operators("vehicle-intake")) {
			people.as("intake-operator")
				.startForm("Announce a vehicle arrival",
						Map.of("vin", vin, "declaredProgram", "USED_CAR_REFURB", "senderId", "Dealer Mantes"))
				.startForm("Gate scan: vehicle at gate", Map.of("vin", vin));
			long intake = instanceOf("vehicle-intake", "vin", vin);
			people.task(vin, "Inspect vehicle at gate")
				.set("arrivalAt", "2026-12-07T08:30")
				.set("odometerKm", "62000")
				.set("fuelOrChargeLevelPct", "40")
				.set("keysCount", "2")
				.tick("documentsPresent", "REGISTRATION_CERTIFICATE", "SERVICE_BOOK")
				.tick("damageZones", "LEFT_SIDE")
				.set("damageSeverity", "COSMETIC")
				.set("damageDescription", "Scratch on the left rear door")
				.set("vinPlateMatchesRegistration", "true")
				.complete("gate-inspection");
			assertThat(intake).isPositive();
		}
	}

}

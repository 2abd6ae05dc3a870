package fr.refactory.console.start;

import java.util.List;

/**
 * The demo arrivals announced on a fresh embedded database: vehicles and cores of the domain brief's §7 scenarios
 * (synthetic VINs), so the task lists are not empty on first start.
 */
public record DemoData(String marker, List<String> requiredProcesses, List<DemoAnnouncement> announcements) {

	/** The audit-log actor of the demo announcements; its entries are how a later start knows they were made. */
	public static final String ACTOR = "demo-data";

	public static DemoData refactoryScenarios() {
		return new DemoData(ACTOR, List.of("vehicle-intake", "remanufacture"), List.of(
				DemoAnnouncement.vehicle("AS-01 EU VIN, check digit not enforced", "VF1MAF4SE51234567",
						"USED_CAR_REFURB", "Renault Retail Group Mantes"),
				DemoAnnouncement.vehicle("AS-10 Clio for Renew", "VF1RJA00X62345678", "USED_CAR_REFURB",
						"Renault Retail Group Mantes"),
				DemoAnnouncement.vehicle("AS-12 Zoe with underbody impact", "VF1AG000X65432101", "DAMAGE_REPAIR",
						"Assurance Horizon"),
				DemoAnnouncement.vehicle("AS-15 Master III diesel for conversion", "VF1MA000864512345",
						"LCV_RETROFIT_ORDER", "Flotte Services Île-de-France"),
				DemoAnnouncement.vehicle("AS-14 burnt-out vehicle", "VF1BB0000E1234567", "END_OF_LIFE",
						"Assurance Horizon"),
				DemoAnnouncement.core("AS-53 gearbox core, dealer return", "GBX-DEMO-0053", "320109725R", "GEARBOX",
						"DEALER_RETURN", null),
				DemoAnnouncement.core("AS-39 diesel engine removed in a conversion", "ENG-DEMO-0039", "8201583992",
						"ENGINE", "RETROFIT_REMOVAL", "VF1MA000864512345")));
	}

}

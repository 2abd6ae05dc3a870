package fr.refactory.console.start;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo plant on a fresh embedded database (ADR 0404): arrivals of the domain brief's §7 scenarios (synthetic
 * VINs), some already scanned at the gate or received, a pack received at the battery workshop, and work already on
 * the line, so that every operator group finds work while the other arrivals wait for the console's gate scan.
 */
public record DemoData(String marker, List<String> requiredProcesses, List<DemoAnnouncement> announcements,
		List<DemoWorkInProgress> workInProgress) {

	/** The audit-log actor of the demo announcements; its entries are how a later start knows they were made. */
	public static final String ACTOR = "demo-data";

	public DemoData(String marker, List<String> requiredProcesses, List<DemoAnnouncement> announcements) {
		this(marker, requiredProcesses, announcements, List.of());
	}

	public static DemoData refactoryScenarios() {
		return refactoryScenarios(LocalDate.now());
	}

	public static DemoData refactoryScenarios(LocalDate today) {
		return new DemoData(ACTOR,
				List.of("vehicle-intake", "remanufacture", "battery-triage", "diagnosis", "lcv-retrofit",
						"quality-gate", "hv-lockout"),
				List.of(DemoAnnouncement.vehicle("AS-01 EU VIN, check digit not enforced", "VF1MAF4SE51234567",
						"USED_CAR_REFURB", "Renault Retail Group Mantes"),
						DemoAnnouncement.vehicle("AS-10 Clio for Renew", "VF1RJA00X62345678", "USED_CAR_REFURB",
								"Renault Retail Group Mantes"),
						DemoAnnouncement.vehicle("AS-12 Zoe with underbody impact", "VF1AG000X65432101",
								"DAMAGE_REPAIR", "Assurance Horizon"),
						DemoAnnouncement.vehicle("AS-15 Master III diesel for conversion", "VF1MA000864512345",
								"LCV_RETROFIT_ORDER", "Flotte Services Île-de-France"),
						DemoAnnouncement.vehicle("AS-14 burnt-out vehicle", "VF1BB0000E1234567", "END_OF_LIFE",
								"Assurance Horizon"),
						DemoAnnouncement.dealerReturn("AS-53 gearbox core, dealer return", "GBX-DEMO-0053",
								"320109725R", "GEARBOX", "XS-DEMO-0053", today.minusDays(20).toString()),
						DemoAnnouncement.core("AS-39 diesel engine removed in a conversion", "ENG-DEMO-0039",
								"8201583992", "ENGINE", "RETROFIT_REMOVAL", "VF1MA000864512345"),
						DemoAnnouncement.vehicleAtGate("AS-10 Clio scanned at the gate", "VF1RJA00X62345678"),
						DemoAnnouncement.coreReceived("AS-53 gearbox core received", "GBX-DEMO-0053", today.toString()),
						DemoAnnouncement.batteryReceived("Zoe pack removed in dismantling", "VF1AG000X66543210-HV",
								"VF1AG000X66543210")),
				List.of(new DemoWorkInProgress("Mégane in repair: diagnosis requested", "diagnosis", "VEHICLE",
						"VF1RFB00X63456789", null, Map.of("vin", "VF1RFB00X63456789", "modelFamily", "MEGANE",
								"powertrain", "ICE_DIESEL", "declaredProgram", "DAMAGE_REPAIR", "intakeRoute",
								"REPAIR", "mileageKm", 84_000)),
						new DemoWorkInProgress("Master III approved for conversion, kit received", "lcv-retrofit",
								"VEHICLE", "VF1MA000X64512399", "sub-conversion-work",
								Map.of("vin", "VF1MA000X64512399", "modelFamily", "MASTER_III", "powertrain",
										"ICE_DIESEL", "plannedConversionDate", today.toString(),
										"massInRunningOrderKg", 2000, "gvwrKg", 3500, "maxFrontAxleKg", 1850,
										"maxRearAxleKg", 2000)),
						new DemoWorkInProgress("Converted Master at the quality gate", "quality-gate", "VEHICLE",
								"VF1MA000X64512388", null,
								Map.of("subjectType", "VEHICLE_RETROFIT", "subjectKey", "VF1MA000X64512388",
										"controlPlanId", "RETROFIT_LCV", "reworkCount", 0, "powertrain", "BEV",
										"vin", "VF1MA000X64512388")),
						new DemoWorkInProgress("Kangoo pack repaired, waiting to be re-energised", "hv-lockout",
								"BATTERY", "VF1KW000X67654321-HV", null,
								Map.of("lockoutAction", "UNLOCK", "subjectKey", "VF1KW000X67654321-HV", "subjectType",
										"BATTERY", "vehicleHasHvSystem", true, "batteryId", "VF1KW000X67654321-HV"))));
	}

}

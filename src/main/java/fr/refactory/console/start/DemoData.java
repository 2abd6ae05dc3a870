package fr.refactory.console.start;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo plant on a fresh embedded database (ADR 0404): arrivals of the domain brief's
 * §7 scenarios (synthetic VINs), some already scanned at the gate or received, a pack
 * received at the battery workshop, and work already on the line, so that every operator
 * group finds work while the other arrivals wait for the console's gate scan.
 */
public record DemoData(String marker, List<String> requiredProcesses, List<DemoAnnouncement> announcements,
		List<DemoWorkInProgress> workInProgress) {

	/**
	 * The audit-log actor of the demo announcements; its entries are how a later start
	 * knows they were made.
	 */
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
						"quality-gate", "hv-lockout", "dismantling"),
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
						"VF1RFB00X63456789", null,
						Map.of("vin", "VF1RFB00X63456789", "modelFamily", "MEGANE", "powertrain", "ICE_DIESEL",
								"declaredProgram", "DAMAGE_REPAIR", "intakeRoute", "REPAIR", "mileageKm", 84_000)),
						new DemoWorkInProgress("Master III approved for conversion, kit received", "lcv-retrofit",
								"VEHICLE", "VF1MA000X64512399", "task-compute-conversion-due-date",
								Map.of("vin", "VF1MA000X64512399", "modelFamily", "MASTER_III", "powertrain",
										"ICE_DIESEL", "plannedConversionDate", today.toString(), "massInRunningOrderKg",
										2000, "gvwrKg", 3500, "maxFrontAxleKg", 1850, "maxRearAxleKg", 2000)),
						new DemoWorkInProgress("Converted Master at the quality gate", "quality-gate", "VEHICLE",
								"VF1MA000X64512388", null,
								Map.of("subjectType", "VEHICLE_RETROFIT", "subjectKey", "VF1MA000X64512388",
										"controlPlanId", "RETROFIT_LCV", "reworkCount", 0, "powertrain", "BEV", "vin",
										"VF1MA000X64512388")),
						new DemoWorkInProgress("Kangoo pack repaired, waiting to be re-energised", "hv-lockout",
								"BATTERY", "VF1KW000X67654321-HV", null,
								Map.of("lockoutAction", "UNLOCK", "subjectKey", "VF1KW000X67654321-HV", "subjectType",
										"BATTERY", "vehicleHasHvSystem", true, "batteryId", "VF1KW000X67654321-HV")),
						repairOperations(), eligibilityReview(today), installerAuthorisation(today),
						kitAtReceipt(today), handover(), registrationOverdue(), destructionDocuments(),
						lockoutDesignation(today), depollution(), escalatedVerdict(), batteryReview(), lockedOutPack(),
						quarantinedPack()));
	}

	/**
	 * AS-10-like Clio released for repair: one operation per trade (mechanics, bodywork,
	 * paint).
	 */
	private static DemoWorkInProgress repairOperations() {
		return new DemoWorkInProgress("Clio in repair: one operation per trade", "diagnosis", "VEHICLE",
				"VF1RJA00X63456790", "sub-repair-operations",
				Map.of("vin", "VF1RJA00X63456790", "modelFamily", "CLIO", "powertrain", "ICE_PETROL", "declaredProgram",
						"USED_CAR_REFURB", "intakeRoute", "RENEW", "route", "RENEW", "operations",
						List.of(operation("MECH-BRAKE-PADS-FRONT", "MECHANICS", 1.2),
								operation("BODY-DOOR-REAR-LH", "BODYWORK", 2.5),
								operation("PAINT-DOOR-REAR-LH", "PAINT", 3.0))));
	}

	/**
	 * AS-31: the first registration date is missing, the retrofit engineer keys it in
	 * with the customer.
	 */
	private static DemoWorkInProgress eligibilityReview(LocalDate today) {
		return new DemoWorkInProgress("AS-31 Master conversion: first registration missing", "lcv-retrofit", "VEHICLE",
				"VF1MA000X64512377", "task-review-eligibility",
				master("VF1MA000X64512377", today, Map.of("eligibilityReason", "INCOMPLETE_DATA")));
	}

	/** AS-30: the installer authorisation expired before the planned conversion. */
	private static DemoWorkInProgress installerAuthorisation(LocalDate today) {
		return new DemoWorkInProgress("AS-30 installer authorisation expired", "lcv-retrofit", "VEHICLE",
				"VF1MA000X64512366", "task-resolve-installer-authorisation",
				master("VF1MA000X64512366", today, Map.of("eligibilityReason", "INSTALLER_NOT_AUTHORISED")));
	}

	private static DemoWorkInProgress kitAtReceipt(LocalDate today) {
		return new DemoWorkInProgress("Master conversion kit delivered, to inspect at receipt", "lcv-retrofit",
				"VEHICLE", "VF1MA000X64512355", "sub-kit-receiving", master("VF1MA000X64512355", today, Map.of()));
	}

	private static DemoWorkInProgress handover() {
		return new DemoWorkInProgress("Converted Master ready for handover", "lcv-retrofit", "VEHICLE",
				"VF1MA000X64512344", "task-hand-over-vehicle",
				Map.of("vin", "VF1MA000X64512344", "modelFamily", "MASTER_III", "powertrain", "BEV"));
	}

	/** AS-38: handed over three weeks ago, no RegistrationUpdated yet. */
	private static DemoWorkInProgress registrationOverdue() {
		return new DemoWorkInProgress("AS-38 registration update overdue", "lcv-retrofit", "VEHICLE",
				"VF1MA000X64512333", "task-remind-registration-update",
				Map.of("vin", "VF1MA000X64512333", "modelFamily", "MASTER_III", "powertrain", "BEV"));
	}

	/**
	 * AS-14-like burnt-out vehicle: the destruction documents wait for the dismantling
	 * office.
	 */
	private static DemoWorkInProgress destructionDocuments() {
		return new DemoWorkInProgress("AS-14 burnt-out Clio: destruction documents to check", "dismantling", "VEHICLE",
				"VF1BB0000E1234599", "task-check-destruction-documents", Map.of("vin", "VF1BB0000E1234599",
						"modelFamily", "CLIO", "powertrain", "ICE_PETROL", "vehicleHasHvSystem", false));
	}

	/**
	 * An end-of-life Zoe: the HSE officer designates its lockout officer among the BCL
	 * holders on shift.
	 */
	private static DemoWorkInProgress lockoutDesignation(LocalDate today) {
		return new DemoWorkInProgress("End-of-life Zoe: lockout officer to designate", "dismantling", "VEHICLE",
				"VF1AG000X65432188", "task-propose-lockout-officers", Map.of("vin", "VF1AG000X65432188", "modelFamily",
						"ZOE", "powertrain", "BEV", "vehicleHasHvSystem", true, "operationDate", today.toString()));
	}

	private static DemoWorkInProgress depollution() {
		return new DemoWorkInProgress("End-of-life Twingo: depollution", "dismantling", "VEHICLE", "VF1CN0000E1234577",
				"task-depollute-vehicle", Map.of("vin", "VF1CN0000E1234577", "modelFamily", "TWINGO", "powertrain",
						"ICE_PETROL", "vehicleHasHvSystem", false));
	}

	/**
	 * AS-67: a torque result taken with a wrench past its calibration date; the verdict
	 * was escalated.
	 */
	private static DemoWorkInProgress escalatedVerdict() {
		return new DemoWorkInProgress("AS-67 torque wrench past calibration: escalated verdict", "quality-gate",
				"VEHICLE", "VF1RFB00X63456711", "task-compute-escalation-due-date",
				Map.of("subjectType", "VEHICLE_RENEW", "subjectKey", "VF1RFB00X63456711", "controlPlanId",
						"VEHICLE_RENEW", "reworkCount", 0, "qualityVerdict", "ESCALATE", "vin", "VF1RFB00X63456711"));
	}

	/**
	 * AS-51: no SoH from the BMS, the capacity bench busy: the battery engineer reviews
	 * the disposition.
	 */
	private static DemoWorkInProgress batteryReview() {
		return new DemoWorkInProgress("AS-51 pack without SoH: engineering review", "battery-triage", "BATTERY",
				"VF1AG000X65432177-HV", "task-review-battery-disposition",
				Map.of("batteryId", "VF1AG000X65432177-HV", "subjectKey", "VF1AG000X65432177-HV", "disposition",
						"ENGINEERING_REVIEW", "safetyClass", "DAMAGED_NON_CRITICAL"));
	}

	/**
	 * A Zoe pack locked out by the designated lockout officer, its L.2 checklist filled
	 * in as the form takes it: the certificate is generated (L.3) and the lockout stays
	 * in place for the shift handover (ADR 0711).
	 */
	public static DemoWorkInProgress lockedOutPack() {
		String pack = "VF1AG000X65432155-HV";
		Map<String, Object> variables = new java.util.HashMap<>(
				Map.of("lockoutAction", "LOCK", "subjectKey", pack, "subjectType", "BATTERY", "vehicleHasHvSystem",
						true, "batteryId", pack, "lockoutOfficerId", "lockout-officer", "voltageMeterId",
						"VAT-FLK-0042", "lockoutCertificateNumber", "CONS-DEMO-0155", "measuredVoltageV", 0));
		List.of("safetyPerimeterSet", "ignitionOffKeyAway", "ecusAsleep", "ppeInspected", "metalJewelleryRemoved",
				"twelveVoltDisconnected", "servicePlugRemovedAndLocked", "absenceOfVoltageVerified")
			.forEach((checked) -> variables.put(checked, true));
		return new DemoWorkInProgress("Zoe pack locked out by the lockout officer", "hv-lockout", "BATTERY", pack,
				"task-generate-lockout-certificate", variables);
	}

	/**
	 * A swollen Kangoo pack classified CRITICAL (D6 rule 3): moved to the HV quarantine,
	 * where the battery operators log its temperature every 4 h (6.3) and the shift
	 * handover lists it (ADR 0711).
	 */
	public static DemoWorkInProgress quarantinedPack() {
		String pack = "VF1KW000X67654399-HV";
		return new DemoWorkInProgress("Swollen Kangoo pack in quarantine", "battery-triage", "BATTERY", pack,
				"task-move-to-quarantine",
				Map.of("batteryId", pack, "subjectKey", pack, "mode", "REMOVED_PACK", "safetyClass", "CRITICAL",
						"swelling", true, "handlingInstruction", "ISOLATE_OUTDOORS_P911_LP906_RECYCLE"));
	}

	private static Map<String, Object> operation(String code, String trade, double standardHours) {
		return Map.of("code", code, "trade", trade, "standardHours", standardHours);
	}

	private static Map<String, Object> master(String vin, LocalDate today, Map<String, Object> more) {
		Map<String, Object> variables = new java.util.HashMap<>(Map.of("vin", vin, "modelFamily", "MASTER_III",
				"powertrain", "ICE_DIESEL", "plannedConversionDate", today.plusDays(14).toString(),
				"massInRunningOrderKg", 2000, "gvwrKg", 3500, "maxFrontAxleKg", 1850, "maxRearAxleKg", 2000));
		variables.putAll(more);
		return variables;
	}

}

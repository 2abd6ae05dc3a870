package fr.refactory.journeys;

/**
 * Safety checklists that people fill in the same way on several journeys: the visual and
 * thermal check of a pack with nothing wrong (triage 6.1, kit pack at receipt 3.6) and
 * the officer's lockout checklist (L.2, NF C18-550).
 */
final class SafetyChecklists {

	private SafetyChecklists() {
	}

	/**
	 * No casing damage, leak, swelling, smoke or smell; the BMS talks; temperatures as
	 * read.
	 */
	static TaskForm soundPack(TaskForm form, String surfaceTemperatureC, String ambientTemperatureC) {
		return form.set("casingDamage", "NONE")
			.set("leakOrVent", "false")
			.set("swelling", "false")
			.set("smokeOrSmell", "false")
			.set("surfaceTemperatureC", surfaceTemperatureC)
			.set("ambientTemperatureC", ambientTemperatureC)
			.set("bmsCommunicating", "true");
	}

	/**
	 * Every step of the lockout done and 0 V measured with this voltage tester; the
	 * officer's certificate number.
	 */
	static TaskForm lockedOut(TaskForm form, String voltageMeterId, String lockoutCertificateNumber) {
		return form.set("safetyPerimeterSet", "true")
			.set("ignitionOffKeyAway", "true")
			.set("ecusAsleep", "true")
			.set("ppeInspected", "true")
			.set("metalJewelleryRemoved", "true")
			.set("twelveVoltDisconnected", "true")
			.set("servicePlugRemovedAndLocked", "true")
			.set("absenceOfVoltageVerified", "true")
			.set("measuredVoltageV", "0")
			.set("voltageMeterId", voltageMeterId)
			.set("lockoutCertificateNumber", lockoutCertificateNumber);
	}

}

package fr.refactory.console.start;

import java.util.Map;

/**
 * One demo plant event: an arrival's start message with the variables its form would have
 * submitted, or a later event of the same subject (gate scan, goods receipt, pack
 * received), published like the console's gate-scan forms.
 *
 * @param followUp published with a time to live, so it waits for the arrival's instance
 * to reach its catch event
 */
public record DemoAnnouncement(String scenario, String messageName, String correlationKey, String subjectType,
		Map<String, Object> variables, boolean followUp) {

	public DemoAnnouncement(String scenario, String messageName, String correlationKey, String subjectType,
			Map<String, Object> variables) {
		this(scenario, messageName, correlationKey, subjectType, variables, false);
	}

	static DemoAnnouncement vehicleAtGate(String scenario, String vin) {
		return new DemoAnnouncement(scenario, StartForms.VEHICLE_AT_GATE.messageName(), vin, "VEHICLE",
				Map.of("vin", vin), true);
	}

	static DemoAnnouncement coreReceived(String scenario, String coreSerial, String receiptDate) {
		return new DemoAnnouncement(scenario, StartForms.CORE_RECEIVED.messageName(), coreSerial, "PART",
				Map.of("coreSerial", coreSerial, "receiptDate", receiptDate), true);
	}

	/**
	 * A removed traction pack delivered to the battery workshop (the event dismantling
	 * publishes, 7.4).
	 */
	static DemoAnnouncement batteryReceived(String scenario, String batteryId, String hostVin) {
		return new DemoAnnouncement(scenario, "BatteryReceived", batteryId, "BATTERY",
				Map.of("batteryId", batteryId, "hostVin", hostVin, "suspectedDamage", false, "origin", "DISMANTLING"),
				false);
	}

	static DemoAnnouncement vehicle(String scenario, String vin, String declaredProgram, String senderId) {
		return new DemoAnnouncement(scenario, StartForms.VEHICLE_ARRIVAL.messageName(), vin, "VEHICLE",
				Map.of("vin", vin, "declaredProgram", declaredProgram, "senderId", senderId));
	}

	/**
	 * A dealer's standard-exchange return, announced with the exchange sale its credit
	 * depends on (ADR 0440).
	 */
	static DemoAnnouncement dealerReturn(String scenario, String coreSerial, String partNumber, String partFamily,
			String exchangeSaleId, String exchangeSaleDate) {
		return new DemoAnnouncement(scenario, StartForms.CORE_ARRIVAL.messageName(), coreSerial, "PART",
				Map.of("coreSerial", coreSerial, "partNumber", partNumber, "partFamily", partFamily, "origin",
						"DEALER_RETURN", "exchangeSaleId", exchangeSaleId, "exchangeSaleDate", exchangeSaleDate));
	}

	static DemoAnnouncement core(String scenario, String coreSerial, String partNumber, String partFamily,
			String origin, String donorVin) {
		Map<String, Object> variables = donorVin == null
				? Map.of("coreSerial", coreSerial, "partNumber", partNumber, "partFamily", partFamily, "origin", origin)
				: Map.of("coreSerial", coreSerial, "partNumber", partNumber, "partFamily", partFamily, "origin", origin,
						"donorVin", donorVin);
		return new DemoAnnouncement(scenario, StartForms.CORE_ARRIVAL.messageName(), coreSerial, "PART", variables);
	}

}

package fr.refactory.console.start;

import java.util.Map;

/** One demo arrival: a start message with the variables its form would have submitted. */
public record DemoAnnouncement(String scenario, String messageName, String correlationKey, String subjectType,
		Map<String, Object> variables) {

	static DemoAnnouncement vehicle(String scenario, String vin, String declaredProgram, String senderId) {
		return new DemoAnnouncement(scenario, StartForms.VEHICLE_ARRIVAL.messageName(), vin, "VEHICLE",
				Map.of("vin", vin, "declaredProgram", declaredProgram, "senderId", senderId));
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

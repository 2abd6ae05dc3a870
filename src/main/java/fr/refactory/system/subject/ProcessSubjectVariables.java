package fr.refactory.system.subject;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The process variables that name what a process is about — a vehicle (VIN), a battery or
 * a part — in the order they are looked up. Shared by the operator console and the
 * auditor views so both name a subject the same way.
 */
@ConfigurationProperties("refactory.subjects")
public record ProcessSubjectVariables(@DefaultValue( {
		"vin", "batteryId", "coreSerial", "partSerial", "serialNumber" }) List<String> variables){

	/**
	 * The subject found in a process's variables, or the process instance itself when
	 * none is set.
	 */
	public Subject subjectIn(Map<String, Object> processVariables) {
		return this.variables.stream()
			.filter((name) -> processVariables.get(name) != null)
			.findFirst()
			.map((name) -> new Subject(Subject.typeOf(name), processVariables.get(name).toString()))
			.orElse(new Subject("PROCESS_INSTANCE", ""));
	}

	/**
	 * What a process is about, typed for the audit log, and its key (VIN, battery id,
	 * part serial).
	 */
	public record Subject(String type, String key) {

		static String typeOf(String variable) {
			return switch (variable) {
				case "vin" -> "VEHICLE";
				case "batteryId" -> "BATTERY";
				default -> "PART";
			};
		}

	}

}

package fr.refactory.console;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param subjectVariables process variables that name the subject of a process (VIN, battery or part serial), in
 * the order they are looked up
 * @param pageSize tasks per page of the task list
 */
@ConfigurationProperties("refactory.console")
public record ConsoleProperties(
		@DefaultValue({ "vin", "batteryId", "coreSerial", "partSerial", "serialNumber" }) List<String> subjectVariables,
		@DefaultValue("20") int pageSize) {
}

package fr.refactory.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The auditor's instance search: process id, state (ACTIVE, COMPLETED, TERMINATED),
 * subject (VIN or serial), start date range and open incidents only.
 */
public record InstanceQuery(String process, String state, String subject,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedTo, Boolean withIncidents) {
}

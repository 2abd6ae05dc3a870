package fr.refactory.console;

import java.time.Instant;
import java.util.List;

/**
 * What a shift hands over (ADR 0711), as the outgoing leader signs it: open and overdue
 * tasks per group, HV lockouts in place, quarantined batteries with their temperature log
 * and open incidents, taken from the engine's searches and the records at
 * {@code takenAt}.
 */
record HandoverContent(Instant takenAt, List<GroupTasks> groups, List<LockoutInPlace> lockouts,
		List<QuarantinedBattery> quarantined, List<OpenIncident> incidents) {

	/**
	 * @param overdueTasks "task — subject (due …)" of each overdue task
	 */
	record GroupTasks(String group, int open, int overdue, List<String> overdueTasks) {
	}

	/**
	 * @param lockedBy the designated officer L.2 is assigned to; since: the lockout
	 * certificate (end of the lock)
	 */
	record LockoutInPlace(String subject, String lockedBy, Instant since, String certificate, long processInstanceKey) {
	}

	record QuarantinedBattery(String batteryId, String safetyClass, String location, Instant since,
			List<TemperatureReading> readings, long processInstanceKey) {
	}

	/** One "Log quarantine temperature" completion, as the audit log keeps its form. */
	record TemperatureReading(Instant at, String by, Object surfaceC, Object ambientC, Object thermalEvent) {
	}

	record OpenIncident(long processInstanceKey, String processId, String element, String message, Instant since) {
	}

}

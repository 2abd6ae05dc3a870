package fr.refactory.workers.hrcomp;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import fr.refactory.records.InstallerAuthorisations;
import fr.refactory.records.PlantCalendars;
import fr.refactory.records.RegulatoryParameters;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.DATE;

/**
 * T9 (ADR 0920): an installer authorisation recorded by a retrofit manager or HR-COMP is
 * kept in the records, and its warning and expiry moments computed for the timers of
 * {@code installer-authorisation.bpmn}; the warning lead time is master data.
 */
@Component
public class InstallerAuthorisationWorkers {

	static final String WARNING_DAYS = "INSTALLER_AUTHORISATION_WARNING_DAYS";

	private final InstallerAuthorisations authorisations;

	private final RegulatoryParameters parameters;

	private final PlantCalendars calendars;

	private final WorkerRecords records;

	InstallerAuthorisationWorkers(InstallerAuthorisations authorisations, RegulatoryParameters parameters,
			PlantCalendars calendars, WorkerRecords records) {
		this.authorisations = authorisations;
		this.parameters = parameters;
		this.calendars = calendars;
		this.records = records;
	}

	@JobWorker(type = "hrcomp.recordInstallerAuthorisation")
	@JobContract(name = "Competencies: record installer authorisation",
			description = "T9: keep the installer authorisation in the records and compute when to warn (the lead time of regulatory parameter INSTALLER_AUTHORISATION_WARNING_DAYS before the last valid day) and when it expires (the start of the day after its last valid day), in the plant's zone.",
			inputs = { @Var(name = "installerOrg", description = "Installer organisation code"),
					@Var(name = "installerName", description = "Installer name as the authorisation states it"),
					@Var(name = "kitManufacturer", description = "Kit manufacturer that granted the authorisation"),
					@Var(name = "authorisationNumber", description = "Authorisation number"),
					@Var(name = "validFrom", type = DATE, description = "First valid day"),
					@Var(name = "validTo", type = DATE, description = "Last valid day") },
			outputs = { @Var(name = "authorisationWarningAt", description = "When to warn (ISO date-time with the plant offset)"),
					@Var(name = "authorisationExpiresAt", description = "When the authorisation expires (ISO date-time with the plant offset)") })
	public Map<String, Object> recordInstallerAuthorisation(ActivatedJob job) {
		Vars vars = Vars.of(job);
		vars.requireText("validFrom", "validTo");
		LocalDate validTo = vars.date("validTo");
		InstallerAuthorisations.Recorded authorisation = new InstallerAuthorisations.Recorded(
				vars.requireText("installerOrg"), vars.requireText("installerName"), vars.requireText("kitManufacturer"),
				vars.requireText("authorisationNumber"), vars.date("validFrom"), validTo,
				this.records.clock().instant());
		this.authorisations.record(authorisation, JobOutcome.key(job).value());
		int warningDays = this.parameters.value(WARNING_DAYS).intValueExact();
		ZoneId zone = this.calendars.zone();
		OffsetDateTime warningAt = validTo.minusDays(warningDays).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime expiresAt = validTo.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		this.records.audit(job, "INSTALLER_AUTHORISATION_RECORDED", "INSTALLER", authorisation.installerOrg(),
				WorkerRecords.data("installerName", authorisation.installerName(), "kitManufacturer",
						authorisation.kitManufacturer(), "authorisationNumber", authorisation.authorisationNumber(),
						"validFrom", String.valueOf(authorisation.validFrom()), "validTo", validTo.toString(),
						"warningDays", warningDays));
		return Map.of("authorisationWarningAt", warningAt.toString(), "authorisationExpiresAt", expiresAt.toString());
	}

}

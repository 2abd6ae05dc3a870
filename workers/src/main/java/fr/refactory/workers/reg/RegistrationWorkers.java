package fr.refactory.workers.reg;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.reg.CodAnswer;
import fr.refactory.plant.reg.CodRequest;
import fr.refactory.plant.reg.RegistrationAuthority;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.DATE;
import static fr.refactory.workers.support.JobContract.Type.LIST;

/**
 * The vehicle registration workers ({@code reg.*}, SIV through the approved VHU centre's access, assumption A of
 * §3.11). The certificate of destruction comes from the {@link RegistrationAuthority} port; the other workers keep
 * what the process already knows (uploaded documents, form answers), hand out receipt numbers derived from the job
 * key (so a redelivered job gets the same number) and record each declaration in the audit log.
 */
@Component
public class RegistrationWorkers {

	/** How often a pending certificate of destruction is asked for again. */
	static final Duration COD_POLL = Duration.ofDays(1);

	private final WorkerRecords records;

	private final RegistrationAuthority authority;

	RegistrationWorkers(WorkerRecords records, RegistrationAuthority authority) {
		this.records = records;
		this.authority = authority;
	}

	/** 1.5: VE/VGE/VEI procedure and opposition flags (V1: manual upload, so what the process holds). */
	@JobWorker(type = "reg.checkAdministrativeStatus")
	@JobContract(name = "Vehicle registration (SIV): check administrative status",
			description = "1.5: VE/VGE/VEI procedure and opposition flags (V1: manual upload, so what the process holds).",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "veProcedure", description = "Damaged-vehicle (VE) procedure in force, if any"),
					@Var(name = "oppositionFlags", type = LIST, description = "Oppositions recorded on the registration (pledge, theft…)") },
			outputs = { @Var(name = "csaDate", type = DATE, description = "Date of the registration certificate status report (CSA)"),
					@Var(name = "oppositionFlags", type = LIST, description = "Oppositions recorded on the registration (pledge, theft…)"),
					@Var(name = "veProcedure", description = "Damaged-vehicle (VE) procedure in force, if any") },
			errors = { "VIN_INVALID" })
	public Map<String, Object> checkAdministrativeStatus(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("veProcedure", vars.textOr("NONE", "veProcedure"));
		result.put("oppositionFlags", vars.list("oppositionFlags"));
		result.put("csaDate", vars.textOr(today().toString(), "csaDate"));
		this.records.audit(job, "ADMINISTRATIVE_STATUS_CHECKED", "VEHICLE", vin, result);
		return result;
	}

	/** 7.3: the take-over declaration for destruction; its receipt number. */
	@JobWorker(type = "reg.declareTakeOverForDestruction")
	@JobContract(name = "Vehicle registration (SIV): declare take over for destruction",
			description = "7.3: the take-over declaration for destruction; its receipt number.",
			outputs = { @Var(name = "takeOverReceiptNumber", description = "Receipt number of the take-over declaration (SIV)") })
	public Map<String, Object> declareTakeOverForDestruction(ActivatedJob job) {
		String vin = Vars.of(job).requireText("vin");
		String receipt = JobOutcome.numberFor("TOR", job);
		this.records.audit(job, "TAKE_OVER_DECLARED", "VEHICLE", vin, WorkerRecords.data("receiptNumber", receipt));
		return Map.of("takeOverReceiptNumber", receipt);
	}

	/**
	 * 7.10: the CoD number and date from the registration authority. While the authority keeps it pending (a file
	 * checked by hand), the job is asked again every {@link #COD_POLL} with its retries untouched: the task stays
	 * active, so T15 escalates at day 10.
	 */
	@JobWorker(type = "reg.issueCoD")
	@JobContract(name = "Vehicle registration (SIV): issue co d",
			description = "7.10: the CoD number and date from the registration authority. While the authority keeps it pending (a file checked by hand), the job is asked again every {@link #COD_POLL} with its retries untouched: the task stays active, so T15 escalates at day 10.",
			outputs = { @Var(name = "codIssuedAt", type = DATE, description = "When the certificate of destruction was issued"),
					@Var(name = "codNumber", description = "Certificate of destruction number") })
	public Map<String, Object> issueCoD(ActivatedJob job) {
		String vin = Vars.of(job).requireText("vin");
		CodAnswer answer = JobOutcome.call(job,
				() -> this.authority.requestCoD(JobOutcome.key(job), new CodRequest(vin)));
		if (!answer.issued()) {
			throw CamundaError.jobError("certificate of destruction of " + vin + " pending at the authority",
					Map.of(), job.getRetries(), COD_POLL);
		}
		String issuedAt = answer.issuedAt().toString();
		this.records.audit(job, "COD_ISSUED", "VEHICLE", vin,
				WorkerRecords.data("codNumber", answer.codNumber(), "issuedAt", issuedAt));
		return Map.of("codNumber", answer.codNumber(), "codIssuedAt", issuedAt);
	}

	/**
	 * 3.21 (T8): the new registration certificate (energy: electric) the document store received for a converted
	 * vehicle, recorded as evidence next to its conversion certificate (ADR 0922); auditor question Q9 reads it.
	 */
	@JobWorker(type = "reg.recordRegistrationUpdate")
	@JobContract(name = "Vehicle registration (SIV): record registration update",
			description = "3.21 (T8): the new registration certificate (energy: electric) the document store received for a converted vehicle, recorded as evidence next to its conversion certificate (ADR 0922); auditor question Q9 reads it.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "newRegistrationCertificateRef", description = "Reference of the new registration certificate", required = true),
					@Var(name = "certificateId", description = "Conversion certificate number") })
	public Map<String, Object> recordRegistrationUpdate(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		this.records.audit(job, "REGISTRATION_UPDATED", "VEHICLE", vin,
				WorkerRecords.data("newRegistrationCertificateRef", vars.requireText("newRegistrationCertificateRef"),
						"conversionCertificate", vars.textOr("", "certificateId")));
		return Map.of();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC);
	}


}

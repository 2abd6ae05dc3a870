package fr.refactory.workers.reg;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

/**
 * The vehicle registration workers ({@code reg.*}, SIV through the approved VHU centre's access, assumption A of
 * §3.11). There is no registration port in {@code plant} yet: these workers keep what the process already knows
 * (uploaded documents, form answers), hand out receipt and CoD numbers derived from the job key (so a redelivered job
 * gets the same number) and record each declaration in the audit log.
 */
@Component
public class RegistrationWorkers {

	private final WorkerRecords records;

	RegistrationWorkers(WorkerRecords records) {
		this.records = records;
	}

	/** 1.5: VE/VGE/VEI procedure and opposition flags (V1: manual upload, so what the process holds). */
	@JobWorker(type = "reg.checkAdministrativeStatus")
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
	public Map<String, Object> declareTakeOverForDestruction(ActivatedJob job) {
		String vin = Vars.of(job).requireText("vin");
		String receipt = JobOutcome.numberFor("TOR", job);
		this.records.audit(job, "TAKE_OVER_DECLARED", "VEHICLE", vin, WorkerRecords.data("receiptNumber", receipt));
		return Map.of("takeOverReceiptNumber", receipt);
	}

	/** 7.10: the CoD number and date (the document is {@code doc.generateCoD}). */
	@JobWorker(type = "reg.issueCoD")
	public Map<String, Object> issueCoD(ActivatedJob job) {
		String vin = Vars.of(job).requireText("vin");
		String number = JobOutcome.numberFor("COD", job);
		String issuedAt = this.records.clock().instant().toString();
		this.records.audit(job, "COD_ISSUED", "VEHICLE", vin, WorkerRecords.data("codNumber", number, "issuedAt", issuedAt));
		return Map.of("codNumber", number, "codIssuedAt", issuedAt);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC);
	}


}

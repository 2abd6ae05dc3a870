package fr.refactory.workers.passport;

import java.util.Map;

import fr.refactory.plant.passport.BatteryPassport;
import fr.refactory.plant.passport.LinkedPassportRequest;
import fr.refactory.plant.passport.PassportRecord;
import fr.refactory.plant.passport.PassportStatusChange;
import fr.refactory.records.Batteries;
import fr.refactory.records.Battery;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Header;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/** The battery passport workers ({@code passport.*}); an unavailable platform retries with back-off (§3.6). */
@Component
public class PassportWorkers {

	private final BatteryPassport passport;

	private final Batteries batteries;

	private final WorkerRecords records;

	PassportWorkers(BatteryPassport passport, Batteries batteries, WorkerRecords records) {
		this.passport = passport;
		this.batteries = batteries;
		this.records = records;
	}

	/** 6.7b / 6.7d: the passport status (header {@code status}: REUSED, WASTE, ...), also in the battery record. */
	@JobWorker(type = "passport.setStatus")
	@JobContract(name = "Battery passport: set status",
			description = "6.7b / 6.7d: the passport status (header status: REUSED, WASTE, ...), also in the battery record.",
			inputs = { @Var(name = "batteryId", description = "Battery id", required = true),
					@Var(name = "sohPct", type = NUMBER, description = "State of health (%)") },
			headers = { @Header(key = "status", description = "Status", values = { "REUSED", "WASTE" }, required = true) },
			retries = 5)
	public Map<String, Object> setStatus(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String batteryId = vars.requireText("batteryId");
		String status = vars.requireHeader("status");
		PassportRecord record = JobOutcome.call(job, () -> this.passport.setStatus(JobOutcome.key(job),
				new PassportStatusChange(batteryId, status, vars.decimal("sohPct"))));
		if (this.batteries.find(batteryId).isEmpty()) {
			this.batteries.register(new Battery(batteryId, null, null, null, null, null, null, null, null, null, null));
		}
		this.batteries.changeRegulatoryStatus(batteryId, status);
		this.records.audit(job, "PASSPORT_STATUS_SET", "BATTERY", batteryId,
				WorkerRecords.data("status", status, "passportId", record.passportId()));
		return Map.of("passportId", record.passportId(), "passportStatus", record.status());
	}

	/** 6.7c: a repurposed battery is a new battery with a new passport, REPURPOSED_FROM the original. */
	@JobWorker(type = "passport.createLinkedPassport")
	@JobContract(name = "Battery passport: create linked passport",
			description = "6.7c: a repurposed battery is a new battery with a new passport, REPURPOSED_FROM the original.",
			inputs = { @Var(name = "batteryId", description = "Battery id", required = true),
					@Var(name = "targetApplication", description = "Target application") },
			outputs = { @Var(name = "newBatteryId", description = "New battery id") },
			retries = 5)
	public Map<String, Object> createLinkedPassport(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String parentId = vars.requireText("batteryId");
		PassportRecord record = JobOutcome.call(job, () -> this.passport.createLinkedPassport(JobOutcome.key(job),
				new LinkedPassportRequest(parentId, "REPURPOSED", vars.textOr("STATIONARY_STORAGE", "targetApplication"))));
		if (this.batteries.find(parentId).isEmpty()) {
			this.batteries.register(new Battery(parentId, null, null, null, null, null, null, null, null, null, null));
		}
		this.batteries.register(new Battery(record.batteryId(), null, null, null, null, record.passportId(), parentId,
				null, "REPURPOSED", null, null));
		this.records.link(job, "BATTERY", record.batteryId(), "REPURPOSED_FROM", "BATTERY", parentId);
		this.records.audit(job, "LINKED_PASSPORT_CREATED", "BATTERY", parentId,
				WorkerRecords.data("newBatteryId", record.batteryId(), "passportId", record.passportId()));
		return Map.of("newBatteryId", record.batteryId(), "newPassportId", record.passportId());
	}

}

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
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

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

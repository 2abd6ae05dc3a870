package fr.refactory.workers.passport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

import fr.refactory.plant.passport.BatteryPassport;
import fr.refactory.plant.passport.LinkedPassportRequest;
import fr.refactory.plant.passport.PassportRecord;
import fr.refactory.plant.passport.PassportStatusChange;
import fr.refactory.records.Batteries;
import fr.refactory.records.Battery;
import fr.refactory.records.BatteryPassports;
import fr.refactory.records.PassportVersion;
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

	private static final String REPURPOSED = "REPURPOSED";

	private final BatteryPassport passport;

	private final Batteries batteries;

	private final BatteryPassports passports;

	private final WorkerRecords records;

	PassportWorkers(BatteryPassport passport, Batteries batteries, BatteryPassports passports, WorkerRecords records) {
		this.passport = passport;
		this.batteries = batteries;
		this.passports = passports;
		this.records = records;
	}

	/**
	 * 6.7b / 6.7d: the passport status (header {@code status}: REUSED, WASTE, ...) with the measured SoH and cycle count,
	 * as a new passport version that also sets the battery record's status.
	 */
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
		registerIfAbsent(batteryId, null);
		this.passports.append(PassportVersion.of(batteryId, record.passportId(), status, soh(vars),
				vars.integer("cycleCount"), null, null, "STATUS_CHANGED", this.records.clock().instant(),
				WorkerRecords.actor(job), JobOutcome.key(job, "passport-version").value()));
		this.records.audit(job, "PASSPORT_STATUS_SET", "BATTERY", batteryId,
				WorkerRecords.data("status", status, "passportId", record.passportId()));
		return Map.of("passportId", record.passportId(), "passportStatus", record.status());
	}

	/**
	 * 6.7c: a repurposed battery is a new battery with a new passport, REPURPOSED_FROM the original; the original's
	 * passport becomes REPURPOSED and names its successor (ADR 0900).
	 */
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
				new LinkedPassportRequest(parentId, REPURPOSED, vars.textOr("STATIONARY_STORAGE", "targetApplication"))));
		PassportRecord parentRecord = JobOutcome.call(job, () -> this.passport.setStatus(
				JobOutcome.key(job, "parent-status"), new PassportStatusChange(parentId, REPURPOSED, vars.decimal("sohPct"))));
		registerIfAbsent(parentId, null);
		registerIfAbsent(record.batteryId(), parentId);
		Instant now = this.records.clock().instant();
		this.passports.append(PassportVersion.of(record.batteryId(), record.passportId(), REPURPOSED, soh(vars),
				vars.integer("cycleCount"), parentId, null, "ISSUED_LINKED", now, WorkerRecords.actor(job),
				JobOutcome.key(job, "passport-version:new").value()));
		this.passports.append(PassportVersion.of(parentId, parentRecord.passportId(), REPURPOSED, soh(vars),
				vars.integer("cycleCount"), null, record.batteryId(), "REPURPOSED_INTO", now, WorkerRecords.actor(job),
				JobOutcome.key(job, "passport-version:parent").value()));
		this.records.link(job, "BATTERY", record.batteryId(), "REPURPOSED_FROM", "BATTERY", parentId);
		this.records.audit(job, "LINKED_PASSPORT_CREATED", "BATTERY", parentId,
				WorkerRecords.data("newBatteryId", record.batteryId(), "passportId", record.passportId()));
		return Map.of("newBatteryId", record.batteryId(), "newPassportId", record.passportId());
	}

	private void registerIfAbsent(String batteryId, String parentId) {
		if (this.batteries.find(batteryId).isEmpty()) {
			this.batteries.register(new Battery(batteryId, null, null, null, null, null, parentId, null, null, null, null));
		}
	}

	private static BigDecimal soh(Vars vars) {
		Double soh = vars.decimal("sohPct");
		return (soh != null) ? BigDecimal.valueOf(soh).setScale(1, RoundingMode.HALF_UP) : null;
	}

}

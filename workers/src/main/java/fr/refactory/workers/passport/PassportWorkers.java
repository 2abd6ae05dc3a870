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

	/** A remanufactured pack goes back into a vehicle, the use it was designed for; a repurposed one does not. */
	private static final Map<String, String> DEFAULT_APPLICATION = Map.of(REPURPOSED, "STATIONARY_STORAGE",
			"REMANUFACTURED", "EV_TRACTION");

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
	 * 6.7c: a repurposed (or remanufactured, header {@code status}) battery is a new battery with a new passport linked
	 * to the original, keeping the original's design data; the original's passport takes the same status and names its
	 * successor (ADR 0900, 0904).
	 */
	@JobWorker(type = "passport.createLinkedPassport")
	@JobContract(name = "Battery passport: create linked passport",
			description = "6.7c: a repurposed or remanufactured battery is a new battery with a new passport, linked to the original.",
			inputs = { @Var(name = "batteryId", description = "Battery id", required = true),
					@Var(name = "targetApplication", description = "Target application") },
			headers = { @Header(key = "status", description = "Status of the new battery (REPURPOSED when absent)",
					values = { "REPURPOSED", "REMANUFACTURED" }) },
			outputs = { @Var(name = "newBatteryId", description = "New battery id") },
			retries = 5)
	public Map<String, Object> createLinkedPassport(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String parentId = vars.requireText("batteryId");
		String status = linkedStatus(vars.header("status"));
		PassportRecord record = JobOutcome.call(job, () -> this.passport.createLinkedPassport(JobOutcome.key(job),
				new LinkedPassportRequest(parentId, status, vars.textOr(DEFAULT_APPLICATION.get(status), "targetApplication"))));
		PassportRecord parentRecord = JobOutcome.call(job, () -> this.passport.setStatus(
				JobOutcome.key(job, "parent-status"), new PassportStatusChange(parentId, status, vars.decimal("sohPct"))));
		registerIfAbsent(parentId, null);
		registerIfAbsent(record.batteryId(), parentId);
		this.batteries.describe(this.batteries.find(parentId).orElseThrow().asDesignOf(record.batteryId()));
		Instant now = this.records.clock().instant();
		this.passports.append(PassportVersion.of(record.batteryId(), record.passportId(), status, soh(vars),
				vars.integer("cycleCount"), parentId, null, "ISSUED_LINKED", now, WorkerRecords.actor(job),
				JobOutcome.key(job, "passport-version:new").value()));
		this.passports.append(PassportVersion.of(parentId, parentRecord.passportId(), status, soh(vars),
				vars.integer("cycleCount"), null, record.batteryId(), status + "_INTO", now, WorkerRecords.actor(job),
				JobOutcome.key(job, "passport-version:parent").value()));
		this.records.link(job, "BATTERY", record.batteryId(), status + "_FROM", "BATTERY", parentId);
		this.records.audit(job, "LINKED_PASSPORT_CREATED", "BATTERY", parentId, WorkerRecords.data("newBatteryId",
				record.batteryId(), "passportId", record.passportId(), "status", status));
		return Map.of("newBatteryId", record.batteryId(), "newPassportId", record.passportId());
	}

	private static String linkedStatus(String header) {
		if (header == null || header.isBlank()) {
			return REPURPOSED;
		}
		if (!DEFAULT_APPLICATION.containsKey(header)) {
			throw new IllegalArgumentException("Expected header status REPURPOSED or REMANUFACTURED, but got " + header);
		}
		return header;
	}

	private void registerIfAbsent(String batteryId, String parentId) {
		if (this.batteries.find(batteryId).isEmpty()) {
			this.batteries.register(Battery.identified(batteryId, parentId, null));
		}
	}

	private static BigDecimal soh(Vars vars) {
		Double soh = vars.decimal("sohPct");
		return (soh != null) ? BigDecimal.valueOf(soh).setScale(1, RoundingMode.HALF_UP) : null;
	}

}

package fr.refactory.workers.quality;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import fr.refactory.records.InspectionResult;
import fr.refactory.records.Inspections;
import fr.refactory.records.NonConformities;
import fr.refactory.records.NonConformity;
import fr.refactory.records.WorkOrders;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.BOOLEAN;
import static fr.refactory.workers.support.JobContract.Type.LIST;

/**
 * The quality gate's own workers (ADR 0304, 0310): {@code quality.matchControlPlan} matches the bench, MES and D4b
 * results to the control plan and leaves the rest as manual checks; {@code quality.aggregateResults} folds every
 * result into the inputs of D11 and writes an inspection result per check and a nonconformity per failed check.
 */
@Component
public class QualityWorkers {

	static final String GATE = "QUALITY_GATE";

	private final Inspections inspections;

	private final NonConformities nonConformities;

	private final WorkOrders workOrders;

	private final WorkerRecords records;

	QualityWorkers(Inspections inspections, NonConformities nonConformities, WorkOrders workOrders,
			WorkerRecords records) {
		this.inspections = inspections;
		this.nonConformities = nonConformities;
		this.workOrders = workOrders;
		this.records = records;
	}

	@JobWorker(type = "quality.matchControlPlan")
	@JobContract(name = "Quality: match control plan",
			description = "Matches the bench, MES and D4b results to the control plan; the checks left are manual.",
			inputs = { @Var(name = "requiredChecks", type = LIST, description = "Control plan checks (D4a output)", required = true),
					@Var(name = "measurements", type = LIST, description = "MES measurements (mes.getMeasurements)"),
					@Var(name = "automaticResults", type = LIST, description = "End-of-line bench results (eol.getResults)"),
					@Var(name = "conformityFailures", type = LIST, description = "Checks D4b found not conform") },
			outputs = { @Var(name = "checkResults", type = LIST, description = "Check results"),
					@Var(name = "manualChecks", type = LIST, description = "Manual checks") })
	public Map<String, Object> matchControlPlan(ActivatedJob job) {
		return GateResults.match(Vars.of(job));
	}

	@JobWorker(type = "quality.aggregateResults")
	@JobContract(name = "Quality: aggregate results",
			description = "Folds every check result into the inputs of D11; records an inspection result per check and a nonconformity per failed check.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "workOrderId", description = "MES work order of the subject"),
					@Var(name = "controlPlanVersion", description = "Control plan version"),
					@Var(name = "controlPlanId", description = "Control plan id"),
					@Var(name = "requiredChecks", type = LIST, description = "Control plan checks (D4a output)"),
					@Var(name = "checkResults", type = LIST, description = "Automatic check results (quality.matchControlPlan)"),
					@Var(name = "manualResults", type = LIST, description = "Manual check results entered by the inspector") },
			outputs = { @Var(name = "failedChecks", type = LIST, description = "The failed checks with their severity"),
					@Var(name = "maxSeverity", description = "Highest severity of the failed checks (NONE, MINOR, MAJOR, CRITICAL)"),
					@Var(name = "reworkable", type = BOOLEAN, description = "Every failed check can be reworked"),
					@Var(name = "safetyCharacteristicFailed", type = BOOLEAN, description = "A safety characteristic failed") })
	public Map<String, Object> aggregateResults(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GateResults.Aggregate aggregate = GateResults.aggregate(vars);
		Vars.Subject subject = vars.subject();
		String workOrderId = recordedWorkOrder(vars.text("workOrderId"));
		Instant now = this.records.clock().instant();
		for (Map<String, Object> result : aggregate.results()) {
			this.inspections.record(inspection(job, vars, subject, workOrderId, result, now));
		}
		for (Map<String, Object> failure : aggregate.failed()) {
			this.nonConformities.raise(nonConformity(job, vars, subject, workOrderId, failure, now));
		}
		this.records.audit(job, "QUALITY_RESULTS_RECORDED", subject.type(), subject.key(),
				WorkerRecords.data("checks", aggregate.results().size(), "failedChecks",
						aggregate.failed().stream().map((f) -> f.get("checkCode")).toList(), "controlPlanVersion",
						vars.text("controlPlanVersion")));
		return aggregate.outputs();
	}

	private InspectionResult inspection(ActivatedJob job, Vars vars, Vars.Subject subject, String workOrderId,
			Map<String, Object> result, Instant now) {
		String key = recordKey(job, "inspection", result);
		return new InspectionResult(uuid(key), subject.type(), subject.key(), workOrderId,
				result.get("checkCode").toString(), vars.text("controlPlanId"),
				text(result.get("controlPlanVersion"), vars.text("controlPlanVersion")), decimal(result.get("value")),
				text(result.get("unit"), null), decimal(result.get("lowerLimit")), decimal(result.get("upperLimit")),
				result.get("result").toString(), result.get("severity").toString(),
				Boolean.TRUE.equals(result.get("safetyCharacteristic")), text(result.get("equipmentId"), null),
				date(result.get("calibrationDueDate")), performedBy(result), now, key);
	}

	private NonConformity nonConformity(ActivatedJob job, Vars vars, Vars.Subject subject, String workOrderId,
			Map<String, Object> failure, Instant now) {
		String key = recordKey(job, "nonconformity", failure);
		return new NonConformity(uuid(key), subject.key(), workOrderId,
				GATE + ":" + vars.textOr(String.valueOf(vars.text("subjectType")), "controlPlanId"),
				failure.get("defectCode").toString(), failure.get("severity").toString(), 1, null, null, null, null,
				null, now, key, null);
	}

	/** Who performed the check: the bench or MES equipment, the deciding table, or the inspectors' group. */
	private static String performedBy(Map<String, Object> result) {
		Object source = result.get("source");
		if ("MANUAL".equals(source)) {
			return "quality-inspectors";
		}
		if (result.get("equipmentId") != null) {
			return source + ":" + result.get("equipmentId");
		}
		return String.valueOf(source);
	}

	private String recordedWorkOrder(String workOrderId) {
		return (workOrderId != null && this.workOrders.find(workOrderId).isPresent()) ? workOrderId : null;
	}

	private static String recordKey(ActivatedJob job, String kind, Map<String, Object> result) {
		return JobOutcome.key(job, kind + ":" + result.get("source") + ":" + result.get("checkCode")).value();
	}

	private static UUID uuid(String key) {
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(Object value, String fallback) {
		return (value == null) ? fallback : value.toString();
	}

	private static BigDecimal decimal(Object value) {
		return (value instanceof Number n) ? new BigDecimal(n.toString()) : null;
	}

	private static LocalDate date(Object value) {
		try {
			return (value == null) ? null : LocalDate.parse(value.toString());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

}

package fr.refactory.workers.eol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.eol.EndOfLineBenches;
import fr.refactory.plant.eol.HvTestResults;
import fr.refactory.plant.eol.TestRequest;
import fr.refactory.plant.eol.TestRun;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.CONTEXT;
import static fr.refactory.workers.support.JobContract.Type.LIST;

/** The end-of-line bench workers ({@code eol.*}): vehicle and part tests, HV safety results, gate results. */
@Component
public class EndOfLineWorkers {

	private final EndOfLineBenches benches;

	private final WorkerRecords records;

	EndOfLineWorkers(EndOfLineBenches benches, WorkerRecords records) {
		this.benches = benches;
		this.records = records;
	}

	/** 3.13: brake, roller and road tests of the converted vehicle. */
	@JobWorker(type = "eol.runVehicleTest")
	@JobContract(name = "End-of-line tests: run vehicle test",
			description = "3.13: brake, roller and road tests of the converted vehicle.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "testProgramme", description = "Test programme") },
			outputs = { @Var(name = "vehicleTestResults", type = LIST, description = "Vehicle test results") },
			errors = { "HV_TEST_FAILED" })
	public Map<String, Object> runVehicleTest(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		TestRun run = run(job, vars, "VEHICLE", vin, vars.textOr("VEHICLE_EOL", "testProgramme"));
		return Map.of("vehicleTestResults", asMap(run));
	}

	/** 4.14: the part's test programme (by family). */
	@JobWorker(type = "eol.runPartTest")
	@JobContract(name = "End-of-line tests: run part test",
			description = "4.14: the part's test programme (by family).",
			inputs = { @Var(name = "coreSerial", description = "Serial of the core under test (else partId; one is required)"),
					@Var(name = "partId", description = "Part under test"),
					@Var(name = "partFamily", description = "Part family; the default programme is <family>_EOL"),
					@Var(name = "testProgramme", description = "Test programme to run (default from partFamily)"),
					@Var(name = "eolBenchId", description = "End-of-line bench to use") },
			outputs = { @Var(name = "partTestResult", type = CONTEXT, description = "Part test result") })
	public Map<String, Object> runPartTest(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String subjectKey = vars.requireText("coreSerial", "partId");
		TestRun run = run(job, vars, "PART", subjectKey,
				vars.textOr(vars.textOr("PART", "partFamily") + "_EOL", "testProgramme"));
		return Map.of("partTestResult", run.verdict(), "partTestRun", asMap(run));
	}

	private TestRun run(ActivatedJob job, Vars vars, String subjectType, String subjectKey, String programme) {
		TestRun run = JobOutcome.call(job, () -> this.benches.runTest(JobOutcome.key(job),
				new TestRequest(subjectType, subjectKey, programme, vars.text("eolBenchId"))));
		this.records.audit(job, "TEST_RUN", subjectType, subjectKey, WorkerRecords.data("testRunId", run.testRunId(), "programme",
				programme, "verdict", run.verdict(), "equipmentId", run.equipmentId()));
		return run;
	}

	/**
	 * 3.12: the HV tester's commissioning measurements, as measured: whether they conform is D4b's verdict (3.15),
	 * the only place the limits live (ADR 0316). {@code isolationAcOhmPerV} is absent when the tester measured no
	 * separate AC bus.
	 */
	@JobWorker(type = "eol.readHvTestResults")
	@JobContract(name = "End-of-line tests: read hv test results",
			description = "3.12: the HV tester's commissioning measurements, as measured: whether they conform is D4b's verdict (3.15), the only place the limits live (ADR 0316). isolationAcOhmPerV is absent when the tester measured no separate AC bus.",
			outputs = { @Var(name = "hvTestResults", type = LIST, description = "HV test results") },
			errors = { "HV_TEST_FAILED" })
	public Map<String, Object> readHvTestResults(ActivatedJob job) {
		String vin = Vars.of(job).requireText("vin");
		HvTestResults hv = JobOutcome.call(job, () -> this.benches.readHvTestResults(vin));
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("equipmentId", hv.equipmentId());
		results.put("isolationDcOhmPerV", hv.isolationDcOhmPerV());
		results.put("isolationAcOhmPerV", hv.isolationAcOhmPerV());
		results.put("bondingResistanceOhm", hv.bondingResistanceOhm());
		results.put("obdLampOff", hv.obdLampOff());
		results.put("chargeTestOk", hv.chargeTestOk());
		this.records.audit(job, "HV_TEST_READ", "VEHICLE", vin, results);
		return Map.of("hvTestResults", results);
	}

	/**
	 * 5.2: every bench result of the subject, one row per measured characteristic; {@code quality.matchControlPlan}
	 * matches them to the control plan.
	 */
	@JobWorker(type = "eol.getResults")
	@JobContract(name = "End-of-line tests: get results",
			description = "5.2: every bench result of the subject, one row per measured characteristic; quality.matchControlPlan matches them to the control plan.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)") },
			outputs = { @Var(name = "automaticResults", type = LIST, description = "Automatic results") })
	public Map<String, Object> getResults(ActivatedJob job) {
		Vars.Subject subject = Vars.of(job).subject();
		List<Map<String, Object>> automatic = new ArrayList<>();
		for (TestRun run : JobOutcome.call(job, () -> this.benches.results(subject.key())).runs()) {
			for (TestRun.Measurement m : run.measurements()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("checkCode", m.name());
				row.put("testRunId", run.testRunId());
				row.put("value", m.value());
				row.put("unit", m.unit());
				row.put("lowerLimit", m.lowerLimit());
				row.put("upperLimit", m.upperLimit());
				row.put("result", m.withinLimits() ? "OK" : "NOK");
				row.put("equipmentId", run.equipmentId());
				row.put("calibrationDueDate", String.valueOf(run.equipmentCalibrationDueDate()));
				automatic.add(row);
			}
		}
		return Map.of("automaticResults", automatic);
	}

	private static Map<String, Object> asMap(TestRun run) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("testRunId", run.testRunId());
		map.put("programme", run.programme());
		map.put("verdict", run.verdict());
		map.put("equipmentId", run.equipmentId());
		map.put("calibrationDueDate", String.valueOf(run.equipmentCalibrationDueDate()));
		map.put("measurements", run.measurements()
			.stream()
			.map((m) -> Map.of("name", m.name(), "value", m.value(), "unit", m.unit(), "lowerLimit", m.lowerLimit(),
					"upperLimit", m.upperLimit()))
			.toList());
		return map;
	}

}

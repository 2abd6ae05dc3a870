package fr.refactory.journeys;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the people of diagnosis and of its quality gate do in the console for a vehicle:
 * the diagnostic technician connects the tool and fills in the inspection checklist, the
 * trades perform their operations, the quality inspector enters the result of each manual
 * check the control plan asks for.
 */
final class DiagnosisPeople {

	/** The ten zones of the inspection checklist (form inspection-checklist). */
	private static final List<String> ZONES = List.of("bodyPanels", "glazing", "lights", "tyres", "brakes",
			"suspension", "underbody", "interior", "electrical", "roadTest");

	/**
	 * The checks D12 asks for a renewed or repaired petrol or diesel vehicle: all by hand
	 * at the gate.
	 */
	static final int VEHICLE_CHECKS = 5;

	private DiagnosisPeople() {
	}

	/**
	 * 2.2: the technician connects the tool to the bench the MES reserved (the form shows
	 * it).
	 */
	static void connectTool(Operator people, String vin) {
		TaskForm form = people.as("diagnostic-technician").task(vin, "Connect diagnostic tool");
		form.set("toolConnected", "true").set("ignitionState", "ON").complete("connect-diagnostic-tool");
	}

	/**
	 * 2.5: every zone OK, tyres and brakes measured; the caller may add fields (e.g.
	 * operations) and completes.
	 */
	static TaskForm inspectAllOk(Operator people, String vin) {
		TaskForm form = people.as("diagnostic-technician").task(vin, "Inspect vehicle (checklist)");
		ZONES.forEach((zone) -> form.set(zone + "Result", "OK"));
		for (String wheel : List.of("FrontLeft", "FrontRight", "RearLeft", "RearRight")) {
			form.set("treadDepth" + wheel + "Mm", "5");
		}
		return form.set("brakePadWearPct", "30").set("brakeDiscWearPct", "20");
	}

	/** One repair operation of the work order, done by the signed-in trade. */
	static void performOperation(Operator trade, String vin, String taskName) {
		trade.task(vin, taskName)
			.set("operationDone", "true")
			.set("actualHours", "1.5")
			.set("operationComment", "done as the work order says")
			.complete(taskName);
	}

	/**
	 * 5.4: the inspector opens the gate's manual checks one after the other and enters
	 * OK, except for the checks named in {@code failures} (check code → severity and
	 * defect code), which are NOK. Returns the check codes in the order they were done.
	 */
	static List<String> checkAtTheGate(Operator inspector, String vin, Map<String, Failure> failures) {
		List<String> done = new java.util.ArrayList<>();
		for (int check = 0; check < VEHICLE_CHECKS; check++) {
			TaskForm form = inspector.task(vin, "Perform manual check");
			String checkCode = form.value("checkCode");
			assertThat(checkCode).as("the check the control plan asks for").isNotBlank();
			Failure failure = failures.get(checkCode);
			if (failure == null) {
				form.set("checkResult", "OK");
			}
			else {
				form.set("checkResult", "NOK")
					.set("severity", failure.severity())
					.set("defectCode", failure.defectCode())
					.set("checkComment", failure.comment());
			}
			form.complete("check-" + checkCode.toLowerCase());
			done.add(checkCode);
		}
		assertThat(done).doesNotHaveDuplicates();
		return done;
	}

	/** A failed check as the inspector enters it. */
	record Failure(String severity, String defectCode, String comment) {
	}

}

package fr.refactory.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * vehicle-intake (domain brief §3.1) path by path with the application's own workers, and
 * the process-level acceptance scenarios of §7 (AS-01..AS-15) as runs through the engine.
 * Vehicles are announced or scanned at the gate with the model's messages; a VIN the
 * simulated ERP does not know ({@link PlantInputs#unknownVin()}) has its master data
 * entered by hand, which lets a test choose the model family, powertrain and age; a
 * Renault VIN ({@code VF1...}) is fetched from the ERP. Downstream processes (diagnosis,
 * dismantling, battery-triage) are the real ones; their own paths are tested in their own
 * classes.
 */
class VehicleIntakeProcessTest extends ProcessTestSupport {

	private static final List<String> ALL_DOCUMENTS = List.of("REGISTRATION_CERTIFICATE", "CSA");

	/**
	 * AS-10: Clio, USED_CAR_REFURB, 4 years, 62,000 km, cosmetic damage, VE NONE: RENEW,
	 * then diagnosis.
	 */
	@Test
	void as10AnnouncedRenewVehicleIsRegisteredAndSentToDiagnosis() {
		String vin = PlantInputs.unknownVin();
		long key = announce(vin, "USED_CAR_REFURB");
		intake(key).isWaitingForMessage("VehicleAtGate", vin).hasNotActivatedElements("task-validate-vin");

		arriveAtGate(vin);
		intake(key).hasVariable("vinStatus", "VALID").hasActiveElements("task-enter-master-data");
		enterMasterData(key, "CLIO", "ICE_PETROL", yearsAgo(4));
		inspect(key, vin, Map.of("damageSeverity", "COSMETIC", "odometerKm", 62000));

		intake(key).hasVariable("route", "RENEW")
			.hasVariable("routeReason", null)
			.hasCompletedElementsInOrder("start-vehicle-arrival-announced", "msg-vehicle-at-gate", "task-validate-vin",
					"task-enter-master-data", "task-inspect-at-gate", "task-register-vehicle", "task-decide-route",
					"task-close-intake-work-order")
			.hasCompletedElements("start-vehicle-arrival-announced", "msg-vehicle-at-gate", "gw-join-arrival",
					"gw-join-vin-correction", "task-validate-vin", "task-decide-vin-status", "gw-vin-status",
					"start-registration", "error-master-data-not-found", "task-enter-master-data",
					"gw-join-master-data", "task-inspect-at-gate", "gw-vin-plate-matches",
					"task-check-administrative-status", "task-assess-hv-risk", "gw-hv-suspect", "gw-join-hv-check",
					"task-register-vehicle", "task-create-intake-work-order", "task-assign-yard-location",
					"end-vehicle-registered", "sub-gate-to-registration", "gw-documents-complete", "gw-join-documents",
					"gw-expert-report-needed", "gw-join-expert-report", "task-decide-route", "gw-route-review-needed",
					"gw-join-route", "task-close-intake-work-order", "gw-downstream")
			.hasTerminatedElements("task-fetch-master-data")
			.hasActiveElements("call-diagnosis")
			.hasNotActivatedElements("task-mark-unannounced", "task-review-route", "call-battery-safety-triage")
			.hasVariableSatisfies("vehicleId", String.class, (id) -> assertThat(id).startsWith("VEH-"))
			.hasVariableSatisfies("workOrderId", String.class, (id) -> assertThat(id).isNotBlank());
		assertThatProcessInstance(ProcessInstanceSelectors.byParentProcessInstanceKey(key)).isActive();
		assertThat(onlyIntakeOf(vin)).as("the gate scan of an announced vehicle starts no second intake").hasSize(1);
	}

	/**
	 * D2 rule 12 takes renew vehicles of at most 8 years: 8 years and 6 months is older
	 * (the age is not truncated to whole years), so the vehicle is out of the renew
	 * profile and reviewed; exactly 8 years is still renewed.
	 */
	@Test
	void aRenewVehicleOfEightYearsAndAHalfIsOutOfTheRenewProfile() {
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		String older = PlantInputs.unknownVin();
		long olderKey = announce(older, "USED_CAR_REFURB");
		arriveAtGate(older);
		enterMasterData(olderKey, "CLIO", "ICE_PETROL", today.minusYears(8).minusMonths(6));
		inspect(olderKey, older, Map.of("damageSeverity", "COSMETIC", "odometerKm", 62000));
		intake(olderKey).hasVariable("route", "MANUAL_REVIEW")
			.hasVariable("routeReason", "OUT_OF_RENEW_PROFILE")
			.hasActiveElements("task-review-route");

		String eight = PlantInputs.unknownVin();
		long eightKey = announce(eight, "USED_CAR_REFURB");
		arriveAtGate(eight);
		enterMasterData(eightKey, "CLIO", "ICE_PETROL", today.minusYears(8));
		inspect(eightKey, eight, Map.of("damageSeverity", "COSMETIC", "odometerKm", 62000));
		intake(eightKey).hasVariable("route", "RENEW");
	}

	/**
	 * AS-12 with a damaged pack: the triage classes it DAMAGED_NON_CRITICAL (deformed
	 * casing), so the suspicion stays, D2 routes the vehicle to HV_QUARANTINE and
	 * intake-supervisors decide its route (1.10).
	 */
	@Test
	void aVehicleWhosePackTheTriageFindsDamagedIsReviewedInHvQuarantine() {
		String vin = PlantInputs.unknownVin();
		long key = announce(vin, "USED_CAR_REFURB");
		arriveAtGate(vin);
		enterMasterData(key, "ZOE", "BEV", yearsAgo(5));
		inspect(key, vin, Map.of("damageSeverity", "MODERATE", "underbodyImpact", true));
		long triage = childOf(key);
		Map<String, Object> deformed = PlantInputs.normalTriage(vin + "-HV");
		deformed.put("casingDamage", "DEFORMATION");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-triage-battery-safety", triage),
				deformed);
		// a damaged pack is monitored in quarantine for 48 h (a reading every 4 h) before
		// the triage returns
		for (int reading = 1; reading <= 12; reading++) {
			complete(triage, "task-log-quarantine-temperature", Map.of("quarantineSurfaceTemperatureC", 22,
					"quarantineAmbientTemperatureC", 20, "thermalEventObserved", false));
			assertThatProcessInstance(ProcessInstanceSelectors.byKey(triage)).hasVariable("quarantineReadings",
					reading);
			if (reading < 12) {
				this.processTestContext.increaseTime(Duration.ofHours(4));
			}
		}

		intake(key).hasVariable("hvBatteryDamageSuspected", true)
			.hasVariable("route", "HV_QUARANTINE")
			.hasVariable("routeReason", "HV_SUSPECT")
			.hasActiveElements("task-review-route");
	}

	/**
	 * AS-15: Master III diesel, LCV_RETROFIT_ORDER, cosmetic damage: LCV_RETROFIT through
	 * diagnosis.
	 */
	@Test
	void as15MasterDieselRetrofitOrderGoesToDiagnosisAsLcvRetrofit() {
		String vin = PlantInputs.unknownVin();
		long key = announce(vin, "LCV_RETROFIT_ORDER");
		arriveAtGate(vin);
		enterMasterData(key, "MASTER_III", "ICE_DIESEL", yearsAgo(7));
		inspect(key, vin, Map.of("damageSeverity", "COSMETIC"));

		intake(key).hasVariable("route", "LCV_RETROFIT").hasActiveElements("call-diagnosis");
	}

	/**
	 * A renew vehicle the ERP cannot value (D3 VALUE_MISSING: the lead reviews):
	 * diagnosis (the real child) returns it, and the intake ends with the vehicle
	 * processed downstream.
	 */
	@Test
	void aVehicleProcessedByDiagnosisEndsTheIntake() {
		String vin = PlantInputs.withSerialEnding(PlantInputs.unknownVin(),
				fr.refactory.plant.erp.SimulatedErp.NO_VALUATION_SERIAL);
		long key = announce(vin, "USED_CAR_REFURB");
		arriveAtGate(vin);
		enterMasterData(key, "CLIO", "ICE_PETROL", yearsAgo(4));
		inspect(key, vin, Map.of("damageSeverity", "COSMETIC", "odometerKm", 62000));

		long diagnosis = childOf(key);
		complete(diagnosis, "task-connect-diagnostic-tool",
				Map.of("benchId", "DIAG-1", "toolConnected", true, "ignitionState", "ON"));
		// the declared 62,000 km against the ECU's reading (simulated from the VIN):
		// reviewed if they differ
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(diagnosis))
			.hasCompletedElements("task-check-odometer-consistency");
		if (!this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(diagnosis).elementId("task-review-odometer-discrepancy"))
			.send()
			.join()
			.items()
			.isEmpty()) {
			complete(diagnosis, "task-review-odometer-discrepancy", Map.of("confirmedOdometerKm", 62000,
					"odometerSource", "DECLARED", "fraudSuspected", false, "odometerComment", "checked"));
		}
		Map<String, Object> checklist = new HashMap<>();
		for (String point : List.of("bodyPanels", "glazing", "lights", "tyres", "brakes", "suspension", "underbody",
				"interior", "electrical", "roadTest")) {
			checklist.put(point + "Result", "OK");
		}
		complete(diagnosis, "task-inspect-vehicle", checklist);
		complete(diagnosis, "task-approve-estimate",
				Map.of("estimateApproved", true, "approvedRoute", "RETURN", "approvalComment", "not worth it"));

		intake(key).isCompleted()
			.hasVariable("route", "RETURN")
			.hasCompletedElementsInOrder("call-diagnosis", "end-vehicle-processed");
	}

	/** AS-14: VE = TNR (burnt out): DISMANTLE, the dismantling process starts. */
	@Test
	void as14TechnicallyNonRepairableVehicleIsDismantled() {
		String vin = PlantInputs.unknownVin();
		Map<String, Object> announcement = new HashMap<>();
		announcement.put("veProcedure", "TNR");
		long key = announce(vin, "DAMAGE_REPAIR", announcement);
		arriveAtGate(vin);
		enterMasterData(key, "CLIO", "ICE_PETROL", yearsAgo(3));
		inspect(key, vin, Map.of("damageSeverity", "STRUCTURAL", "fireDamage", true));

		intake(key).hasVariable("veProcedure", "TNR")
			.hasVariable("route", "DISMANTLE")
			.hasActiveElements("call-dismantling")
			.hasNotActivatedElements("call-diagnosis");

		// the dismantling's shortest end: its documents never come and the vehicle goes
		// back to its holder
		long dismantling = childOf(key);
		complete(dismantling, "task-check-destruction-documents", Map.of("registrationCrossedSigned", false,
				"cerfa15776Ref", "CERFA-0", "csaDate", yearsAgo(1).toString(), "holderIdentityChecked", true));
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(dismantling)).isWaitingForMessage("DocumentsReceived",
				vin);
		moveClockPastDueDate(dismantling, "documentDecisionDueAt");
		complete(dismantling, "task-decide-missing-documents",
				Map.of("documentsTimeoutDecision", "RETURN_TO_HOLDER", "documentsTimeoutComment", "no CSA"));
		intake(key).isCompleted().hasCompletedElementsInOrder("call-dismantling", "end-vehicle-dismantled");
	}

	/**
	 * AS-12: Zoe (BEV) with an underbody impact: parked in HV quarantine and triaged by
	 * battery-triage before it is registered; the triage finds the pack NORMAL, so the
	 * yard location is an ordinary one.
	 */
	@Test
	void as12SuspectHvBatteryIsQuarantinedAndTriagedBeforeRegistration() {
		String vin = PlantInputs.unknownVin();
		long key = announce(vin, "USED_CAR_REFURB");
		arriveAtGate(vin);
		enterMasterData(key, "ZOE", "BEV", yearsAgo(5));
		inspect(key, vin, Map.of("damageSeverity", "MODERATE", "underbodyImpact", true));

		intake(key).hasVariable("hvBatteryDamageSuspected", true)
			.hasCompletedElementsInOrder("gw-hv-suspect", "task-park-in-hv-quarantine")
			.hasActiveElements("call-battery-safety-triage")
			.hasNotActivatedElements("task-register-vehicle");
		long triage = childOf(key);
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(triage)).hasVariable("mode", "SUSPECT_VEHICLE")
			.hasActiveElements("task-triage-battery-safety");
		this.processTestContext.completeUserTask(UserTaskSelectors.byElementId("task-triage-battery-safety", triage),
				PlantInputs.normalTriage(vin + "-HV"));

		intake(key).hasVariable("batterySafetyClass", "NORMAL")
			.hasVariable("hvQuarantineRequired", false)
			.hasCompletedElementsInOrder("call-battery-safety-triage", "gw-join-hv-check", "task-register-vehicle")
			.hasVariable("route", "BODYWORK");
	}

	/**
	 * AS-09: a VIN still invalid after two correction loops goes to intake-supervisors,
	 * who return the vehicle; it is never registered in the MES.
	 */
	@Test
	void as09VinStillInvalidAfterTwoCorrectionsIsReturnedToTheSender() {
		String rawVin = "VF1MAF4SO5" + uniqueId("").substring(1, 8).toUpperCase().replace('O', '0').replace('I', '1');
		long key = atGateUnannounced(rawVin);

		intake(key).hasVariable("declaredProgram", "UNKNOWN")
			.hasVariable("vinStatus", "INVALID")
			.hasVariable("vinReason", "VIN_CHARSET")
			.hasCompletedElements("start-vehicle-at-gate", "task-mark-unannounced")
			.hasActiveElements("task-correct-vin");
		correctVin(key, rawVin + "Q");
		intake(key).hasVariable("vinCorrectionLoops", 1).hasVariable("vinReason", "VIN_LENGTH");
		correctVin(key, "VF1MAF4SO5123456Q");
		intake(key).hasVariable("vinCorrectionLoops", 2)
			.hasCompletedElement("task-validate-vin", 3)
			.hasActiveElements("task-decide-identity-issue");
		assertThatUserTask(UserTaskSelectors.byElementId("task-decide-identity-issue", key))
			.hasCandidateGroup("intake-supervisors");
		complete(key, "task-decide-identity-issue",
				Map.of("identityDecision", "RETURN_TO_SENDER", "identityComment", "plate unreadable"));

		intake(key).isCompleted()
			.hasCompletedElementsInOrder("gw-identity-decision", "gw-join-return", "task-prepare-return",
					"end-vehicle-returned")
			.hasNotActivatedElements("sub-gate-to-registration", "task-register-vehicle");
	}

	/**
	 * A VIN plate that does not match the registration certificate: identity issue,
	 * vehicle held.
	 */
	@Test
	void aVinPlateMismatchAtTheGateHoldsTheVehicleForAnIdentityCheck() {
		String vin = PlantInputs.renaultVin();
		long key = atGateUnannounced(vin);

		intake(key).hasVariable("modelFamily", "MASTER_III").hasActiveElements("task-inspect-at-gate");
		Map<String, Object> inspection = inspection(vin, Map.of("damageSeverity", "NONE"));
		inspection.put("vinPlateMatchesRegistration", false);
		complete(key, "task-inspect-at-gate", inspection);
		intake(key).hasCompletedElements("error-vin-invalid", "gw-join-identity-issue")
			.hasTerminatedElements("sub-gate-to-registration")
			.hasActiveElements("task-decide-identity-issue");
		complete(key, "task-decide-identity-issue",
				Map.of("identityDecision", "HOLD_IDENTITY_CHECK", "identityComment", "plate replaced"));

		intake(key).isCompleted()
			.hasCompletedElementsInOrder("gw-identity-decision", "task-move-to-identity-hold", "end-vehicle-held")
			.hasNotActivatedElements("task-register-vehicle", "end-master-data-not-found");
	}

	/**
	 * T1: not registered 4 h after the gate, the delay goes to intake-supervisors;
	 * registration goes on. Then missing documents: reminder after 2 working days (T2),
	 * decision after 5; the supervisor keeps waiting, the documents arrive, an expert
	 * report is awaited (VE/VGE) and the route is reviewed by hand.
	 */
	@Test
	void registrationDelayMissingDocumentsAndExpertReportAreHandled() {
		String vin = PlantInputs.unknownVin();
		Map<String, Object> announcement = new HashMap<>();
		announcement.put("veProcedure", "VE_VGE");
		long key = announce(vin, "DAMAGE_REPAIR", announcement);
		arriveAtGate(vin);
		intake(key).hasActiveElements("task-enter-master-data");

		this.processTestContext.increaseTime(Duration.ofHours(4));
		long ladder = childOf(key);
		acknowledge(awaitLevel(ladder, "intake-supervisors"), "ERP down");
		intake(key)
			.hasCompletedElements("timer-t1-registration-sla", "call-registration-delay-ladder",
					"end-registration-sla-escalated")
			.hasActiveElements("task-enter-master-data");

		enterMasterData(key, "MEGANE", "ICE_PETROL", yearsAgo(6));
		Map<String, Object> inspection = inspection(vin, Map.of("damageSeverity", "MODERATE"));
		inspection.put("documentsPresent", List.of("REGISTRATION_CERTIFICATE"));
		complete(key, "task-inspect-at-gate", inspection);
		intake(key).hasCompletedElements("gw-documents-complete", "gw-join-await-documents")
			.isWaitingForMessage("DocumentsReceived", vin);

		moveClockPastDueDate(key, "documentReminderDueAt");
		intake(key).hasCompletedElements("timer-t2-document-reminder", "task-remind-sender",
				"end-document-reminder-sent");
		moveClockPastDueDate(key, "documentEscalationDueAt");
		intake(key).hasTerminatedElements("sub-await-documents").hasActiveElements("task-decide-missing-documents");
		complete(key, "task-decide-missing-documents",
				Map.of("documentsDecision", "KEEP_WAITING", "documentsComment", "sender promised the CSA"));
		intake(key).hasCompletedElement("gw-join-await-documents", 2).isWaitingForMessage("DocumentsReceived", vin);

		publish("DocumentsReceived", vin, Map.of("documentsPresent", ALL_DOCUMENTS));
		intake(key)
			.hasCompletedElements("msg-documents-received", "end-documents-received", "gw-join-documents",
					"gw-expert-report-needed")
			.isWaitingForMessage("ExpertReportReceived", vin);
		publish("ExpertReportReceived", vin, Map.of("expertReportRef", "EXP-" + vin));

		intake(key).hasVariable("expertReportRef", "EXP-" + vin)
			.hasVariable("route", "BODYWORK")
			.hasVariable("expertFollowUpRequired", true)
			.hasCompletedElements("msg-expert-report-received", "gw-join-expert-report")
			.hasActiveElements("call-diagnosis");
	}

	/**
	 * Documents still missing after 5 working days: the supervisor proceeds without them;
	 * route reviewed by hand.
	 */
	@Test
	void missingDocumentsMayBeWaivedAndAnUnclearRouteIsReviewed() {
		String vin = PlantInputs.unknownVin();
		long key = announce(vin, "FLEET_RETURN");
		arriveAtGate(vin);
		enterMasterData(key, "TRAFIC", "ICE_DIESEL", yearsAgo(9));
		Map<String, Object> inspection = inspection(vin, Map.of("damageSeverity", "NONE"));
		inspection.put("documentsPresent", List.of());
		complete(key, "task-inspect-at-gate", inspection);
		intake(key).isWaitingForMessage("DocumentsReceived", vin);

		moveClockPastDueDate(key, "documentEscalationDueAt");
		complete(key, "task-decide-missing-documents",
				Map.of("documentsDecision", "PROCEED_WITHOUT", "documentsComment", "fleet owner vouches"));
		intake(key).hasVariable("route", "MANUAL_REVIEW")
			.hasVariable("routeReason", "DEFAULT")
			.hasActiveElements("task-review-route");
		complete(key, "task-review-route",
				Map.of("chosenRoute", "RETURN", "routeJustification", "fleet contract ended", "routeApproved", true));

		intake(key).isCompleted()
			.hasVariable("route", "RETURN")
			.hasCompletedElementsInOrder("task-review-route", "gw-join-route", "task-close-intake-work-order",
					"gw-downstream", "gw-join-return", "task-prepare-return", "end-vehicle-returned");
	}

	/**
	 * Documents still missing after 5 working days: the supervisor has the vehicle
	 * returned.
	 */
	@Test
	void missingDocumentsMayHaveTheVehicleReturned() {
		String vin = PlantInputs.unknownVin();
		long key = announce(vin, "USED_CAR_REFURB");
		arriveAtGate(vin);
		enterMasterData(key, "CAPTUR", "ICE_PETROL", yearsAgo(2));
		Map<String, Object> inspection = inspection(vin, Map.of("damageSeverity", "NONE"));
		inspection.put("documentsPresent", List.of("CSA"));
		complete(key, "task-inspect-at-gate", inspection);
		intake(key).isWaitingForMessage("DocumentsReceived", vin);

		moveClockPastDueDate(key, "documentEscalationDueAt");
		complete(key, "task-decide-missing-documents",
				Map.of("documentsDecision", "RETURN_TO_SENDER", "documentsComment", "no registration certificate"));

		intake(key).isCompleted()
			.hasCompletedElementsInOrder("gw-missing-documents-decision", "gw-join-return", "task-prepare-return",
					"end-vehicle-returned")
			.hasNotActivatedElements("task-decide-route");
	}

	/**
	 * AS-01, AS-02, AS-04, AS-06, AS-07: D1 through the intake, which goes on to
	 * registration or VIN correction.
	 */
	@ParameterizedTest(name = "{0}: {1} -> {2} {3}")
	@CsvSource(nullValues = "null",
			value = { "AS-01, VF1MAF4SE51234567, VALID_WITH_WARNING, CHECK_DIGIT_NOT_ENFORCED",
					"AS-02, VF1MA000864512345, VALID, null", "AS-04, 1M8GDM9AXKP042788, VALID, null",
					"AS-06, VF1MAF4SO51234567, INVALID, VIN_CHARSET", "AS-07, VF1MAF4SE5123456, INVALID, VIN_LENGTH" })
	void acceptanceVinsAreDecidedAtTheGate(String scenario, String vin, String status, String reason) {
		long key = atGateUnannounced(vin);

		ProcessInstanceAssert intake = intake(key).hasVariable("vinStatus", status).hasVariable("vinReason", reason);
		if ("INVALID".equals(status)) {
			intake.hasActiveElements("task-correct-vin").hasNotActivatedElements("sub-gate-to-registration");
		}
		else {
			intake.hasCompletedElements("gw-vin-status")
				.hasActiveElements("sub-gate-to-registration")
				.hasVariable("vinWarnings", (reason != null) ? List.of(reason) : List.of());
		}
	}

	/**
	 * Issue 21, ADR 0712: T1 calls ladder T1 (decision escalation-ladder). Level 1 asks
	 * intake-supervisors at once; unacknowledged an hour later, level 2 asks
	 * shift-leaders (level 1 stays open); the shift leader acknowledges, which closes
	 * level 1 and ends the ladder: two hours after T1 nobody asks plant-managers.
	 * Registration goes on.
	 */
	@Test
	void t1EscalationClimbsItsLadderUntilALevelIsAcknowledged() {
		String vin = PlantInputs.unknownVin();
		long key = announce(vin, "USED_CAR_REFURB");
		arriveAtGate(vin);
		intake(key).hasActiveElements("task-enter-master-data");

		this.processTestContext.increaseTime(Duration.ofHours(4));
		long ladder = childOf(key);
		long levelOne = awaitLevel(ladder, "intake-supervisors");
		assertThat(openLevels(ladder)).as("only level 1 before its hour").hasSize(1);
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(ladder)).hasVariable("escalationLadder", "T1")
			.hasVariable("vin", vin);

		this.processTestContext.increaseTime(Duration.ofHours(1));
		long levelTwo = awaitLevel(ladder, "shift-leaders");
		assertThat(openLevels(ladder)).as("level 1 stays open beside level 2").hasSize(2).contains(levelOne);
		acknowledge(levelTwo, "ERP down, registering by hand");

		assertThatProcessInstance(ProcessInstanceSelectors.byKey(ladder)).isCompleted()
			.hasCompletedElements("end-escalation-acknowledged")
			.hasCompletedElement("task-acknowledge-escalation", 1)
			.hasTerminatedElement("task-acknowledge-escalation", 1);
		this.processTestContext.increaseTime(Duration.ofHours(2));
		assertThat(levelsOf(ladder, "plant-managers")).as("no level 3 after an acknowledgement").isEmpty();
		intake(key).hasCompletedElements("call-registration-delay-ladder", "end-registration-sla-escalated")
			.hasActiveElements("task-enter-master-data");
	}

	// --- helpers ---

	/**
	 * The open escalation level of the ladder instance for the group, waiting up to 30 s
	 * for it.
	 */
	private long awaitLevel(long ladder, String group) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> levelsOf(ladder, group), (tasks) -> !tasks.isEmpty())
			.get(0);
	}

	private List<Long> levelsOf(long ladder, String group) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(ladder)
				.candidateGroup(group)
				.state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
			.send()
			.join()
			.items()
			.stream()
			.map((task) -> task.getUserTaskKey())
			.toList();
	}

	private List<Long> openLevels(long ladder) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(ladder).state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
			.send()
			.join()
			.items()
			.stream()
			.map((task) -> task.getUserTaskKey())
			.toList();
	}

	/** What the form escalation-acknowledgement submits. */
	private void acknowledge(long userTaskKey, String comment) {
		this.client.newCompleteUserTaskCommand(userTaskKey)
			.variables(Map.of("escalationAcknowledged", true, "escalationAction", "EXPEDITED", "escalationComment",
					comment))
			.send()
			.join();
	}

	private long announce(String vin, String declaredProgram) {
		return announce(vin, declaredProgram, new HashMap<>());
	}

	private long announce(String vin, String declaredProgram, Map<String, Object> variables) {
		variables.put("vin", vin);
		variables.put("declaredProgram", declaredProgram);
		variables.put("sender", "FLEET-" + vin.substring(12));
		return track(this.client.newCorrelateMessageCommand()
			.messageName("VehicleArrivalAnnounced")
			.correlationKey(vin)
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey());
	}

	private long atGateUnannounced(String vin) {
		return track(this.client.newCorrelateMessageCommand()
			.messageName("VehicleAtGate")
			.correlationKey(vin)
			.variables(Map.of("vin", vin))
			.send()
			.join()
			.getProcessInstanceKey());
	}

	private void arriveAtGate(String vin) {
		publish("VehicleAtGate", vin, Map.of());
	}

	private List<ProcessInstance> onlyIntakeOf(String vin) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId("vehicle-intake").state(ProcessInstanceState.ACTIVE))
			.send()
			.join()
			.items()
			.stream()
			.filter((instance) -> vin.equals(variableOrNull(instance.getProcessInstanceKey(), "vin")))
			.toList();
	}

	private long childOf(long key) {
		assertThatProcessInstance(ProcessInstanceSelectors.byParentProcessInstanceKey(key)).isCreated();
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.parentProcessInstanceKey(key))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();
	}

	private static ProcessInstanceAssert intake(long key) {
		return assertThatProcessInstance(ProcessInstanceSelectors.byKey(key));
	}

	private void correctVin(long key, String correctedVin) {
		complete(key, "task-correct-vin", Map.of("vinOnPlate", correctedVin, "vinStampedOnBody", correctedVin,
				"vinOnRegistration", correctedVin, "vinPlatePhotoRef", "PHOTO-1", "correctedVin", correctedVin));
	}

	private void enterMasterData(long key, String modelFamily, String powertrain, LocalDate firstRegistration) {
		Map<String, Object> data = new HashMap<>();
		data.put("make", "RENAULT");
		data.put("modelFamily", modelFamily);
		data.put("cnit", "M10TEST0001");
		data.put("category", modelFamily.startsWith("MASTER") || "TRAFIC".equals(modelFamily) ? "N1" : "M1");
		data.put("firstRegistrationDate", firstRegistration.toString());
		data.put("powertrain", powertrain);
		data.put("originalMaxPowerKw", 92);
		data.put("massInRunningOrderKg", 2000);
		data.put("gvwrKg", 3500);
		data.put("registeredInFranceDefinitive", true);
		data.put("collectionRegistration", false);
		complete(key, "task-enter-master-data", data);
	}

	private void inspect(long key, String vin, Map<String, Object> findings) {
		complete(key, "task-inspect-at-gate", inspection(vin, findings));
	}

	private Map<String, Object> inspection(String vin, Map<String, Object> findings) {
		Map<String, Object> inspection = new HashMap<>();
		inspection.put("arrivalAt", this.processTestContext.getCurrentTime().toString());
		inspection.put("odometerKm", 80000);
		inspection.put("fuelOrChargeLevelPct", 40);
		inspection.put("keysCount", 2);
		inspection.put("documentsPresent", ALL_DOCUMENTS);
		inspection.put("damageDescription", "as found at the gate");
		inspection.put("underbodyImpact", false);
		inspection.put("airbagDeployed", false);
		inspection.put("fireDamage", false);
		inspection.put("floodDamage", false);
		inspection.put("hvSmokeOrSmell", false);
		inspection.put("vinPlateMatchesRegistration", true);
		inspection.putAll(findings);
		return inspection;
	}

	private LocalDate yearsAgo(int years) {
		return LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC)
			.minusYears(years)
			.minusDays(30);
	}

}

package fr.refactory.processes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.mes.Mes;
import fr.refactory.plant.mes.WorkOrderRequest;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * diagnosis (domain brief §3.2) path by path with the application's own workers. What
 * steers them: the start variables an intake hands over ({@code route},
 * {@code powertrain}, {@code odometerKm}, {@code firstRegistrationDate},
 * {@code partsList}) and the repair operations the technician lists in the inspection
 * checklist; a part number ending in X is out of stock in the simulated WMS; the intake's
 * work order is opened in the simulated MES first, as vehicle-intake would. The quality
 * gate is the real child process, driven through its manual checks.
 */
class DiagnosisProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "diagnosis";

	/**
	 * VEHICLE_RENEW has five checks in D12, VEHICLE_BODYWORK six with an expert follow-up
	 * (plus the MI body).
	 */
	private static final int RENEW_CHECKS = 5;

	@Autowired
	Mes mes;

	/**
	 * RENEW, economic repair, parts in stock, one operation, quality gate PASS: the
	 * vehicle is released.
	 */
	@Test
	void aRenewVehicleIsRepairedAndReleasedByTheQualityGate() {
		Map<String, Object> variables = diagnosis("RENEW");
		long key = start(variables);

		connectTool(key);
		inspect(key);
		diagnosis(key).hasVariable("odometerDiscrepancy", false)
			.hasVariable("repairDecision", "REPAIR")
			.hasVariable("criticalPartsReserved", true)
			.hasCompletedElements("task-reserve-bench", "task-read-vehicle-data", "gw-join-vehicle-data",
					"task-check-odometer-consistency", "gw-odometer-discrepancy", "gw-join-odometer",
					"gw-battery-check-needed", "gw-join-battery-check", "task-compute-labour",
					"task-check-parts-availability", "task-estimate-cost", "task-decide-economics",
					"end-diagnosis-complete", "sub-diagnosis", "gw-approval-needed", "gw-join-approval",
					"gw-join-route", "gw-route", "gw-join-reserve-parts", "task-reserve-parts",
					"gw-critical-parts-reserved", "task-release-work-order", "gw-repair-or-retrofit",
					"gw-expert-before-work", "gw-join-expert-before-work", "gw-join-rework", "gw-repair-split")
			.hasNotActivatedElements("task-approve-estimate", "task-review-odometer-discrepancy", "call-battery-check",
					"task-expert-visit-structural-work");
		completeOperations(key, 1);
		long gate = passQualityGate(key, "PASS", RENEW_CHECKS);

		diagnosis(key).isCompleted()
			.hasVariable("qualityVerdict", "PASS")
			.hasCompletedElementsInOrder("sub-repair-operations", "gw-repair-join", "gw-expert-final",
					"gw-join-expert-final", "call-quality-gate", "gw-quality-verdict", "end-vehicle-released");
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(gate)).isCompleted();
	}

	/**
	 * RENEW with a DTC fix, a bodywork and a paint operation: the simulated MES names
	 * each operation's trade (a {@code PAINT…} code is paint, {@code BODY…} bodywork, any
	 * other mechanics), so each goes to its trade's task.
	 */
	@Test
	void eachRepairOperationGoesToTheTaskOfItsTrade() {
		Map<String, Object> variables = diagnosis("RENEW");
		long key = start(variables);

		connectTool(key);
		inspect(key, List.of("BRAKES-PADS-REPLACE", "BODY-PANEL-REPAIR", "PAINT-BUMPER"));
		diagnosis(key).hasActiveElements("sub-repair-operations");
		Map<String, Object> done = Map.of("operationDone", true, "actualHours", 2.5, "operationComment", "done");
		complete(key, "task-mechanical-operation", done);
		complete(key, "task-paint-operation", done);
		completeOperations(key, 1);
		passQualityGate(key, "PASS", RENEW_CHECKS);

		diagnosis(key).isCompleted()
			.hasCompletedElements("task-mechanical-operation", "task-paint-operation", "task-bodywork-operation",
					"end-vehicle-released");
	}

	/**
	 * BODYWORK after VE/VGE: diagnosis 1 WD late (T4), odometer discrepancy reviewed,
	 * expert visits before and during the structural work, repair stage over 8 days (T6),
	 * expert conformity report, then a quality-gate REWORK loop back into repair before
	 * the PASS.
	 */
	@Test
	void aBodyworkRepairWithExpertFollowUpIsReworkedOnceThenReleased() {
		Map<String, Object> variables = diagnosis("BODYWORK");
		variables.put("expertFollowUpRequired", true);
		variables.put("odometerKm", 1_000_000);
		long key = start(variables);
		diagnosis(key).hasActiveElements("task-connect-diagnostic-tool");

		moveClockPastDueDate(key, "diagnosisDueAt");
		complete(key, "task-escalate-diagnosis-delay", escalation());
		diagnosis(key).hasCompletedElements("timer-t4-diagnosis-sla", "end-diagnosis-delay-escalated");
		connectTool(key);
		diagnosis(key).hasVariable("odometerDiscrepancy", true).hasActiveElements("task-review-odometer-discrepancy");
		complete(key, "task-review-odometer-discrepancy", Map.of("confirmedOdometerKm", 100_000, "odometerSource",
				"ECU", "fraudSuspected", false, "odometerComment", "typo at the gate"));
		inspect(key);
		complete(key, "task-expert-visit-before-work", expertVisit());
		diagnosis(key).hasActiveElements("sub-repair-operations", "task-expert-visit-structural-work");

		this.processTestContext.increaseTime(Duration.ofDays(8));
		complete(key, "task-escalate-repair-delay", escalation());
		diagnosis(key).hasCompletedElements("timer-t6-repair-stage", "end-repair-delay-escalated");
		completeOperations(key, 1);
		complete(key, "task-expert-visit-structural-work", expertVisit());
		complete(key, "task-expert-visit-final", expertVisit());
		diagnosis(key).isWaitingForMessage("ExpertConformityReport", variables.get("vin").toString());
		this.client.newPublishMessageCommand()
			.messageName("ExpertConformityReport")
			.correlationKey(variables.get("vin").toString())
			.variables(Map.of("expertConformityReportRef", "ECR-1"))
			.send()
			.join();
		passQualityGate(key, "REWORK", RENEW_CHECKS + 1);
		diagnosis(key).hasVariable("qualityVerdict", "REWORK").hasVariable("reworkCount", 1);

		// the rework order's operation is the paint run the inspector found: back to the
		// paint shop
		complete(key, "task-paint-operation",
				Map.of("operationDone", true, "actualHours", 1.5, "operationComment", "run polished"));
		complete(key, "task-expert-visit-structural-work", expertVisit());
		complete(key, "task-expert-visit-final", expertVisit());
		this.client.newPublishMessageCommand()
			.messageName("ExpertConformityReport")
			.correlationKey(variables.get("vin").toString())
			.variables(Map.of("expertConformityReportRef", "ECR-2"))
			.send()
			.join();
		passQualityGate(key, "PASS", RENEW_CHECKS + 1);

		diagnosis(key).isCompleted()
			.hasVariable("expertConformityReportRef", "ECR-2")
			.hasCompletedElement("call-quality-gate", 2)
			.hasCompletedElement("gw-join-rework", 2)
			.hasCompletedElements("msg-expert-conformity-report", "end-vehicle-released");
	}

	/**
	 * D3 says the repair costs more than the vehicle is worth: the lead confirms the
	 * return to the sender.
	 */
	@Test
	void anUneconomicRepairIsApprovedForReturnToTheSender() {
		Map<String, Object> variables = diagnosis("RENEW");
		// a 1990 car is worth the ERP's floor (1,000 EUR); 200 door panels cost more
		variables.put("firstRegistrationDate", "1990-01-01");
		variables.put("partsList", List.of(Map.of("partNumber", "7701-DOOR", "quantity", 200)));
		long key = start(variables);
		connectTool(key);
		inspect(key);

		diagnosis(key).hasVariable("repairDecision", "DISMANTLE")
			.hasVariable("economicReason", "ECONOMICALLY_IRREPARABLE")
			.hasActiveElements("task-approve-estimate");
		complete(key, "task-approve-estimate",
				Map.of("estimateApproved", true, "approvedRoute", "RETURN", "approvalComment", "owner takes it back"));

		diagnosis(key).isCompleted()
			.hasVariable("route", "RETURN")
			.hasCompletedElementsInOrder("task-approve-estimate", "gw-join-approval", "gw-join-route", "gw-route",
					"task-return-vehicle", "end-vehicle-returned");
	}

	/**
	 * D3 rule 4: the WMS reports a needed part as discontinued (OBSOLETE): the lead
	 * reviews the repair.
	 */
	@Test
	void anObsoletePartSendsTheRepairToReview() {
		Map<String, Object> variables = diagnosis("RENEW");
		variables.put("partsList", List.of(Map.of("partNumber",
				fr.refactory.plant.wms.SimulatedWms.OBSOLETE_PREFIX + "HEADLAMP-1", "quantity", 1)));
		long key = start(variables);
		connectTool(key);
		inspect(key);

		diagnosis(key).hasVariable("partsAvailability", "OBSOLETE")
			.hasVariable("repairDecision", "MANUAL_REVIEW")
			.hasVariable("economicReason", "PARTS_OBSOLETE")
			.hasActiveElements("task-approve-estimate");
	}

	/**
	 * A back-ordered critical part holds the work order until PartsAvailable, then the
	 * parts are reserved.
	 */
	@Test
	void aBackOrderedPartHoldsTheRepairUntilThePartsArrive() {
		Map<String, Object> variables = diagnosis("RENEW");
		variables.put("partsList", List.of(Map.of("partNumber", "BRAKE-PAD-X", "quantity", 1)));
		long key = start(variables);
		connectTool(key);
		inspect(key);

		String workOrderId = variables.get("workOrderId").toString();
		diagnosis(key).hasVariable("criticalPartsReserved", false).isWaitingForMessage("PartsAvailable", workOrderId);
		this.client.newPublishMessageCommand()
			.messageName("PartsAvailable")
			.correlationKey(workOrderId)
			.variables(Map.of("partsList", List.of(Map.of("partNumber", "BRAKE-PAD-7", "quantity", 1))))
			.send()
			.join();

		diagnosis(key).hasVariable("criticalPartsReserved", true)
			.hasCompletedElement("task-reserve-parts", 2)
			.hasCompletedElement("gw-join-reserve-parts", 2)
			.hasCompletedElements("msg-parts-available", "task-release-work-order")
			.hasActiveElements("sub-repair-operations");
	}

	/**
	 * The quality gate scraps the repaired vehicle (escalated after exhausted rework
	 * loops): it is routed to dismantling, which starts.
	 */
	@Test
	void aVehicleScrappedByTheQualityGateIsRoutedToDismantling() {
		Map<String, Object> variables = diagnosis("RENEW");
		variables.put("reworkCount", 2);
		long key = start(variables);
		connectTool(key);
		inspect(key);
		completeOperations(key, 1);

		long gate = childAt(key, "call-quality-gate");
		ManualChecks.complete(this.client, gate, Map.of("PAINT_AUDIT", ManualChecks.nok("MAJOR", "PAINT-RUN")));
		complete(gate, "task-decide-escalation", Map.of("escalationDecision", "SCRAP", "rootCauseTicket", "RC-9"));

		diagnosis(key).hasVariable("qualityVerdict", "SCRAP")
			.hasVariable("route", "DISMANTLE")
			.hasCompletedElementsInOrder("gw-quality-verdict", "task-route-to-dismantling")
			.hasCompletedElement("gw-route", 2)
			.hasActiveElements("call-dismantling");

		// the dismantling's shortest end: its documents never come and the vehicle goes
		// back to its holder
		long dismantling = childAt(key, "call-dismantling");
		complete(dismantling, "task-check-destruction-documents", Map.of("registrationCrossedSigned", false,
				"cerfa15776Ref", "CERFA-0", "csaDate", "2020-01-01", "holderIdentityChecked", true));
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(dismantling)).isWaitingForMessage("DocumentsReceived",
				variables.get("vin").toString());
		moveClockPastDueDate(dismantling, "documentDecisionDueAt");
		complete(dismantling, "task-decide-missing-documents",
				Map.of("documentsTimeoutDecision", "RETURN_TO_HOLDER", "documentsTimeoutComment", "no CSA"));
		diagnosis(key).isCompleted().hasCompletedElementsInOrder("call-dismantling", "end-vehicle-dismantled");
	}

	/**
	 * LCV_RETROFIT: after the work order is released the retrofit starts; the engineer
	 * rejects it (a Clio without the registration data D4 needs is not eligible), the
	 * retrofit sets the route after rejection and the vehicle is returned.
	 */
	@Test
	void aRejectedRetrofitComesBackToTheRouteAndTheVehicleIsReturned() {
		Map<String, Object> variables = diagnosis("LCV_RETROFIT");
		long key = start(variables);
		connectTool(key);
		inspect(key);

		long retrofit = childAt(key, "call-lcv-retrofit");
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(retrofit)).hasVariable("eligible", false)
			.hasActiveElements("task-review-eligibility");
		Map<String, Object> review = new HashMap<>();
		review.put("registrationScanChecked", true);
		review.put("firstRegistrationDate", "2018-01-01");
		review.put("chassisCondition", "OK");
		review.put("kitReference", "NONE");
		review.put("approvalNumber", "NONE");
		review.put("plannedConversionDate", "2026-12-01");
		review.put("eligibilityDecision", "REJECT");
		review.put("rejectionRoute", "RETURN");
		review.put("eligibilityComment", "not a Master");
		complete(retrofit, "task-review-eligibility", review);

		diagnosis(key).isCompleted()
			.hasVariable("retrofitOutcome", "REJECTED")
			.hasVariable("route", "RETURN")
			.hasCompletedElementsInOrder("gw-repair-or-retrofit", "call-lcv-retrofit", "gw-retrofit-outcome",
					"gw-join-route", "gw-route", "task-return-vehicle", "end-vehicle-returned");
	}

	/**
	 * AS-15 to its end: an eligible Master III diesel goes from diagnosis into the LCV
	 * retrofit (the real child), is converted, passes its quality gate, is handed over
	 * and registered; six months later the survey ends the retrofit and the vehicle is
	 * retrofitted.
	 */
	@Test
	void aConvertedRetrofitEndsTheDiagnosisWithTheVehicleRetrofitted() {
		Conversion conversion = convertedAndWeighed(2300);
		long key = conversion.key();
		long retrofit = conversion.retrofit();
		String vin = conversion.vin();
		long gate = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(retrofit)
					.processDefinitionId("quality-gate")
					.state(io.camunda.client.api.search.enums.ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getProcessInstanceKey();
		// D4b and the EOL bench decided seven of the twelve checks: the inspector checks
		// the other five
		org.assertj.core.api.Assertions.assertThat(ManualChecks.open(this.client, gate)).hasSize(5);
		ManualChecks.complete(this.client, gate, Map.of());
		complete(retrofit, "task-affix-conversion-plate", Map.of("plateKitManufacturer", "TOLV", "plateVin", vin,
				"plateApprovalNumber", "FR-RETRO-2024-0117", "plateReasonConfirmed", true, "platePhotoRef", "P-1"));
		complete(retrofit, "task-hand-over-vehicle",
				Map.of("handoverAt", this.processTestContext.getCurrentTime().toString(), "customerSignatureCaptured",
						true, "handoverOdometerKm", 120_000));
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(retrofit)).isWaitingForMessage("RegistrationUpdated",
				vin);
		this.client.newPublishMessageCommand()
			.messageName("RegistrationUpdated")
			.correlationKey(vin)
			.variables(Map.of("newRegistrationCertificateRef", "CI-" + vin))
			.send()
			.join();
		// T17 is scheduled once the actual costs are posted: move the clock only when it
		// waits, or it is scheduled
		// six months after the moved clock and never fires
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(retrofit)).hasVariable("retrofitOutcome", "CONVERTED")
			.hasActiveElements("timer-t17-satisfaction-survey");
		this.processTestContext.increaseTime(Duration.ofDays(183));

		assertThatProcessInstance(ProcessInstanceSelectors.byKey(retrofit)).isCompleted();
		diagnosis(key).isCompleted()
			.hasVariable("retrofitOutcome", "CONVERTED")
			.hasCompletedElementsInOrder("call-lcv-retrofit", "gw-retrofit-outcome", "end-vehicle-retrofitted");
	}

	/**
	 * An eligible Master III weighs 2,420 kg after its conversion (ratio 1.21, D4b
	 * MASS_OVER_120PCT): the quality gate escalates with containment and
	 * quality-engineers send the kit back to its supplier, so the retrofit ends STOPPED
	 * and the diagnosis ends at "Conversion stopped", not "Vehicle retrofitted" (ADR
	 * 0464).
	 */
	@Test
	void aStoppedConversionEndsTheDiagnosisAsStopped() {
		Conversion conversion = convertedAndWeighed(2420);
		long retrofit = conversion.retrofit();
		complete(retrofit, "task-review-mass-nonconformity",
				Map.of("kitManufacturerInformed", true, "engineeringAssessment", "battery pack heavier than approved"));
		long gate = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(retrofit)
					.processDefinitionId("quality-gate")
					.state(io.camunda.client.api.search.enums.ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getProcessInstanceKey();
		ManualChecks.complete(this.client, gate, Map.of());
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(gate)).hasVariable("qualityVerdict", "ESCALATE")
			.hasActiveElements("task-confirm-containment");
		complete(gate, "task-confirm-containment", Map.of("containmentScopeConfirmed", true, "eightDReference",
				"8D-DIAG-1", "itemsKeptOnHold", "kit lot under review"));
		complete(gate, "task-decide-escalation",
				Map.of("escalationDecision", "RETURN_TO_SUPPLIER", "rootCauseTicket", "RC-KIT"));

		assertThatProcessInstance(ProcessInstanceSelectors.byKey(retrofit)).isCompleted()
			.hasVariable("retrofitOutcome", "STOPPED");
		diagnosis(conversion.key()).isCompleted()
			.hasVariable("retrofitOutcome", "STOPPED")
			.hasCompletedElementsInOrder("call-lcv-retrofit", "gw-retrofit-outcome", "end-conversion-stopped")
			.hasNotActivatedElements("end-vehicle-retrofitted");
	}

	/**
	 * The diagnosis of an eligible Master III and its retrofit, up to the weighing after
	 * the conversion.
	 */
	private Conversion convertedAndWeighed(int totalKg) {
		Map<String, Object> variables = diagnosis("LCV_RETROFIT");
		String vin = PlantInputs.renaultVinPassingVehicleEol();
		variables.put("vin", vin);
		variables.put("workOrderId",
				this.mes
					.createWorkOrder(IdempotencyKey.of("diagnosis-test-" + vin),
							new WorkOrderRequest("INTAKE", "VEHICLE", vin, 0L, null))
					.workOrderId());
		variables.put("modelFamily", "MASTER_III");
		variables.put("category", "N1");
		variables.put("powertrain", "ICE_DIESEL");
		variables.put("registeredInFranceDefinitive", true);
		variables.put("collectionRegistration", false);
		variables.put("firstRegistrationDate", "2017-03-01");
		variables.put("originalMaxPowerKw", 92);
		variables.put("massInRunningOrderKg", 2000);
		variables.put("gvwrKg", 3500);
		variables.put("maxFrontAxleKg", 1850);
		variables.put("maxRearAxleKg", 2000);
		long key = start(variables);
		connectTool(key);
		inspect(key);

		long retrofit = childAt(key, "call-lcv-retrofit");
		// the MES booked the conversion week; the diagnosis's underbody result (OK) gave
		// D4 its chassis condition
		String planned = awaitVariable(retrofit, "plannedConversionDate");
		Map<String, Object> review = new HashMap<>();
		review.put("registrationScanChecked", true);
		review.put("firstRegistrationDate", "2017-03-01");
		review.put("chassisCondition", "OK");
		review.put("kitReference", "TOLV-MASTER-E-60");
		review.put("approvalNumber", "FR-RETRO-2024-0117");
		review.put("plannedConversionDate", planned);
		review.put("eligibilityDecision", "APPROVE");
		review.put("rejectionRoute", "RETURN");
		review.put("eligibilityComment", "eligible");
		complete(retrofit, "task-review-eligibility", review);
		complete(retrofit, "task-choose-retrofit-team", Map.of("retrofitTeam",
				List.of(ProposedOptions.first(this.client, retrofit, "retrofitTeamCandidates"))));
		String purchaseOrder = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newVariableSearchRequest()
				.filter((f) -> f.processInstanceKey(retrofit).name("purchaseOrderNumber"))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getValue()
			.replace("\"", "");
		this.client.newPublishMessageCommand()
			.messageName("KitDelivered")
			.correlationKey(purchaseOrder)
			.variables(Map.of("kitId", "KIT-1", "batteryPackId", "PACK-D-" + key, "motorSerial", "M-1",
					"inverterSerial", "I-1", "chargerSerial", "C-1", "deliveryNoteRef", "DN-1"))
			.send()
			.join();
		complete(retrofit, "task-inspect-kit-receipt", Map.of("packagingIntact", true, "shockIndicatorTriggered", false,
				"quantityCheckOk", true, "kitSerialsScanned", "M, I, C"));
		// the kit-pack-inspection form: the safety triage's answers without its
		// battery-id scan, crash history and photos
		Map<String, Object> pack = new HashMap<>(PlantInputs.normalTriage("PACK-D-" + key));
		pack.keySet().removeAll(java.util.Set.of("batteryIdScanned", "crashHistory", "triagePhotosRef"));
		pack.put("packPhotoRef", "PHOTO-D-" + key);
		complete(retrofit, "task-inspect-kit-pack", pack);
		complete(retrofit, "task-record-baseline",
				Map.of("frontAxleKgBefore", 1100, "rearAxleKgBefore", 900, "totalKgBefore", 2000, "odometerKm", 120_000,
						"existingDtcsAcknowledged", true, "baselinePhotosRef", "B-1"));
		Map<String, Object> removal = new HashMap<>();
		removal.put("fuelDrainedL", 20);
		removal.put("oilDrainedL", 6);
		removal.put("coolantDrainedL", 8);
		for (String item : List.of("engine", "gearbox", "turbo", "injectors", "engineEcu", "exhaust", "fuelTank")) {
			removal.put(item + "Serial", item.toUpperCase() + "-" + key);
			removal.put(item + "Grade", "D");
		}
		complete(retrofit, "task-remove-powertrain", removal);
		for (int operation = 0; operation < 7; operation++) {
			complete(retrofit, "task-install-kit", Map.of("kitOperationDone", true, "kitOperationPhotoRef", "OP"));
		}
		complete(retrofit, "task-commission-hv-system",
				Map.of("isolationDcOhmPerV", 500, "isolationAcOhmPerV", 900, "bondingOhm", 0.05, "hvCablesOrange", true,
						"obdLampOff", true, "chargeTestAcOk", true, "chargeTestDcOk", true));
		complete(retrofit, "task-weigh-after-conversion",
				Map.of("frontAxleKg", totalKg / 2, "rearAxleKg", totalKg - totalKg / 2, "totalKg", totalKg));
		return new Conversion(key, retrofit, vin);
	}

	private record Conversion(long key, long retrofit, String vin) {
	}

	/**
	 * An EV gets its traction battery checked in the vehicle (battery-triage, IN_VEHICLE)
	 * before the estimate.
	 */
	@Test
	void anElectricVehicleHasItsBatteryCheckedInTheVehicle() {
		Map<String, Object> variables = diagnosis("RENEW");
		variables.put("powertrain", "BEV");
		long key = start(variables);
		connectTool(key);
		inspect(key);

		long triage = childAt(key, "call-battery-check");
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(triage)).hasVariable("mode", "IN_VEHICLE");
		complete(triage, "task-triage-battery-safety", PlantInputs.normalTriage(variables.get("vin") + "-HV"));

		diagnosis(key).hasVariable("batterySafetyClass", "NORMAL")
			.hasCompletedElementsInOrder("gw-battery-check-needed", "call-battery-check", "gw-join-battery-check",
					"task-compute-labour");
	}

	/**
	 * AS-40 (D5 rule 2): paint and bodywork on an EV are non-electrical work near live
	 * parts: the paint task declares NON_ELECTRICAL_NEAR_HV and knows the Zoe has an HV
	 * system, so the console's claim guard asks D5, which requires B0L; on a Clio the
	 * same task needs no habilitation (D5 rule 1).
	 */
	@Test
	void as40APaintTaskOnAnElectricVehicleRequiresB0l() {
		Map<String, Object> variables = diagnosis("RENEW");
		variables.put("powertrain", "BEV");
		variables.put("modelFamily", "ZOE");
		long key = start(variables);
		connectTool(key);
		inspect(key, List.of("PAINT-BUMPER"));
		complete(childAt(key, "call-battery-check"), "task-triage-battery-safety",
				PlantInputs.normalTriage(variables.get("vin") + "-HV"));
		Map<String, Object> clio = diagnosis("RENEW");
		long ice = start(clio);
		connectTool(ice);
		inspect(ice, List.of("PAINT-BUMPER"));

		assertThat(requiredSymbolToClaim(key, "task-paint-operation")).isEqualTo("B0L");
		assertThat(requiredSymbolToClaim(ice, "task-paint-operation")).isEqualTo("NONE");
	}

	/**
	 * The bench stays unavailable through the job's retries: BENCH_UNAVAILABLE, diagnosis
	 * entered by hand.
	 */
	@Test
	void anUnavailableBenchLeadsToAManualDiagnosis() {
		Map<String, Object> variables = diagnosis("RENEW");
		long key = start(variables);
		complete(key, "task-connect-diagnostic-tool",
				Map.of("benchId", "OFFLINE-DIAG-" + key, "toolConnected", true, "ignitionState", "ON"));

		// two back-off failures, then the BPMN error on the last retry (the workers
		// re-poll every 30 s at most)
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofMinutes(3))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(this.client.newUserTaskSearchRequest()
				.filter((f) -> f.processInstanceKey(key).elementId("task-enter-diagnosis-manually"))
				.send()
				.join()
				.items()).isNotEmpty());
		complete(key, "task-enter-diagnosis-manually", Map.of("ecuOdometerKm", 80_000, "dtcCodes", "P0300",
				"manualDiagnosisComment", "bench offline, read with a hand-held tool"));

		diagnosis(key).hasVariable("ecuOdometerKm", 80_000)
			.hasCompletedElementsInOrder("error-bench-unavailable", "task-enter-diagnosis-manually",
					"gw-join-vehicle-data", "task-check-odometer-consistency")
			.hasActiveElements("task-inspect-vehicle");
	}

	// --- helpers ---

	private Map<String, Object> diagnosis(String route) {
		String vin = PlantInputs.unknownVin();
		String workOrderId = this.mes
			.createWorkOrder(IdempotencyKey.of("diagnosis-test-" + vin),
					new WorkOrderRequest("INTAKE", "VEHICLE", vin, 0L, null))
			.workOrderId();
		Map<String, Object> variables = new HashMap<>();
		variables.put("vin", vin);
		variables.put("route", route);
		variables.put("powertrain", "ICE_PETROL");
		variables.put("modelFamily", "CLIO");
		variables.put("workOrderId", workOrderId);
		variables.put("expertFollowUpRequired", false);
		variables.put("firstRegistrationDate", "2021-06-01");
		variables.put("partsList", List.of());
		return variables;
	}

	private long start(Map<String, Object> variables) {
		long key = start(PROCESS, variables).getProcessInstanceKey();
		track(key);
		return key;
	}

	private static ProcessInstanceAssert diagnosis(long key) {
		return assertThatProcessInstance(ProcessInstanceSelectors.byKey(key));
	}

	private void connectTool(long key) {
		complete(key, "task-connect-diagnostic-tool",
				Map.of("benchId", "DIAG-1", "toolConnected", true, "ignitionState", "ON"));
	}

	/**
	 * The checklist all OK; the technician lists one body panel repair as the work to do.
	 */
	private void inspect(long key) {
		inspect(key, List.of("BODY-PANEL-REPAIR"));
	}

	private void inspect(long key, List<String> operationCodes) {
		Map<String, Object> checklist = new HashMap<>();
		for (String point : List.of("bodyPanels", "glazing", "lights", "tyres", "brakes", "suspension", "underbody",
				"interior", "electrical", "roadTest")) {
			checklist.put(point + "Result", "OK");
		}
		checklist.put("treadDepthFrontLeftMm", 5);
		checklist.put("treadDepthFrontRightMm", 5);
		checklist.put("treadDepthRearLeftMm", 5);
		checklist.put("treadDepthRearRightMm", 5);
		checklist.put("brakePadWearPct", 30);
		checklist.put("brakeDiscWearPct", 20);
		checklist.put("operationCodes", operationCodes);
		complete(key, "task-inspect-vehicle", checklist);
	}

	private void completeOperations(long key, int count) {
		for (int i = 0; i < count; i++) {
			complete(key, "task-bodywork-operation",
					Map.of("operationDone", true, "actualHours", 2.5, "operationComment", "done"));
		}
	}

	/**
	 * Completes the manual checks of the quality-gate child: all OK, or a minor paint run
	 * (REWORK).
	 */
	private long passQualityGate(long key, String expectedVerdict, int checks) {
		long gate = childAt(key, "call-quality-gate");
		org.assertj.core.api.Assertions.assertThat(ManualChecks.open(this.client, gate)).hasSize(checks);
		ManualChecks.complete(this.client, gate, "REWORK".equals(expectedVerdict)
				? Map.of("PAINT_AUDIT", ManualChecks.nok("MINOR", "PAINT-RUN")) : Map.of());
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(gate)).isCompleted()
			.hasVariable("qualityVerdict", expectedVerdict);
		return gate;
	}

	/** The active child instance started by the given call activity. */
	private long childAt(long key, String callActivityId) {
		diagnosis(key).hasActiveElements(callActivityId);
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(key)
					.state(io.camunda.client.api.search.enums.ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getProcessInstanceKey();
	}

	private static Map<String, Object> escalation() {
		return Map.of("escalationAcknowledged", true, "escalationAction", "EXPEDITED", "escalationComment", "chased");
	}

	private Map<String, Object> expertVisit() {
		return Map.of("expertVisitAt", this.processTestContext.getCurrentTime().toString(), "expertName", "Expert",
				"expertAgreesToContinue", true, "expertRemarks", "conform");
	}

}

package fr.refactory.journeys;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.diag.DiagnosticRequest;
import fr.refactory.plant.diag.SimulatedDiagnosticBench;
import fr.refactory.plant.diag.VehicleReading;
import fr.refactory.plant.eol.SimulatedEndOfLineBenches;
import fr.refactory.plant.eol.TestRequest;
import fr.refactory.plant.erp.SimulatedErp;
import fr.refactory.plant.erp.VehicleMasterData;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.records.Certificates;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys of lcv-retrofit (domain brief §3.3) from the announcement of a Master III
 * diesel ordered for conversion (AS-15) through intake and diagnosis: AS-22 eligibility,
 * the team chosen among the B1L/B2L holders on shift, the kit ordered and delivered (the
 * WMS goods receipt's KitDelivered), AS-34 conversion with one HV rework under a lockout
 * officer chosen in the console (AS-36), quality gate PASS, plate, handover and
 * registration update; and AS-35, where 2,420 kg after conversion escalates at the
 * quality gate with containment.
 * <p>
 * The van is one the simulated ERP knows with AS-22's values (92 kW, 2,000 kg in running
 * order, registered over five years ago in France), no fault codes in its ECUs (so the
 * repair estimate needs no approval) and a passing brake test on the end-of-line bench;
 * the gate odometer is what its dashboard shows (the ECU's reading).
 */
class LcvRetrofitJourneyTest extends JourneyTest {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final String CUSTOMER = "Fleet Lyon Utilitaires";

	@Autowired
	Certificates certificates;

	/** Journey A: AS-15 → AS-22 → AS-34 with AS-36's HV rework, to the retrofit's end. */
	@Test
	void aMasterDieselOrderedForConversionIsConvertedCertifiedHandedOverAndRegistered() {
		Van van = Van.pick();
		try (Operator people = operators("lcv-retrofit")) {
			Conversion conversion = toInstalledKit(people, van);

			// first commissioning: an isolation fault on the DC bus (HV_TEST_FAILED),
			// reworked under lockout
			commission(people, van, "80");
			weigh(people, van, "1290", "1060", "2350");
			people.as("retrofit-manager");
			TaskForm assignment = task(people, van.vin, "Assign habilitated lockout officer");
			assertThat(assignment.options("lockoutOfficerId")).contains("lockout-officer")
				.doesNotContain("retrofit-technician", "lockout-trainee");
			assignment.set("lockoutOfficerId", "lockout-officer")
				.set("habilitationComment", "BCL holder on shift for the isolation fault rework")
				.complete("assign-lockout-officer");
			SafetyChecklists
				.lockedOut(task(people.as("lockout-officer"), van.vin, "Lock out HV system"), "VAT-FLINS-04",
						"CONS-" + van.serial())
				.complete("lock-out-hv-system");
			task(people.as("retrofit-work-lead"), van.vin, "Locate and fix HV fault")
				.set("hvFaultLocation", "rear HV harness connector")
				.set("hvFaultFix", "Connector seal replaced, harness re-routed away from the subframe edge")
				.complete("fix-hv-fault");
			task(people.as("lockout-officer"), van.vin, "Unlock and re-energise").set("toolsRemoved", "true")
				.set("coversRefitted", "true")
				.set("servicePlugRefitted", "true")
				.set("isolationCheckOk", "true")
				.set("isolationOhmPerV", "520")
				.complete("unlock-and-re-energise");

			// re-test: AS-34's values, within every D4b limit
			commission(people, van, "500");
			weigh(people, van, "1290", "1060", "2350");
			manualChecksAllOk(people, van);
			long gate = calledInstance(conversion.retrofit, "quality-gate");
			awaitEnded(gate, "end-item-released");
			task(people.as("retrofit-work-lead"), van.vin, "Affix conversion plate").set("plateKitManufacturer", "TOLV")
				.set("plateVin", van.vin)
				.set("plateApprovalNumber", "FR-RETRO-2024-0117")
				.set("plateReasonConfirmed", "true")
				.set("platePhotoRef", "DOC-PLATE-" + van.serial())
				.complete("affix-conversion-plate");
			task(people.as("customer-service"), van.vin, "Hand over vehicle").set("handoverAt", now().format(MINUTES))
				.set("customerSignatureCaptured", "true")
				.set("handoverOdometerKm", String.valueOf(van.odometerKm + 12))
				.complete("hand-over-vehicle");
			// the document store's upload of the new registration certificate (energy:
			// electric)
			awaitWaiting(conversion.retrofit, "msg-registration-updated");
			this.client.newPublishMessageCommand()
				.messageName("RegistrationUpdated")
				.correlationKey(van.vin)
				.variables(Map.of("newRegistrationCertificateRef", "CI-" + van.vin))
				.send()
				.join();
			// moved before T17 waits, the clock would schedule it six months after the
			// moved time
			Awaitility.await("order closed, costs posted, survey timer waiting")
				.atMost(Duration.ofSeconds(60))
				.until(() -> this.client.newElementInstanceSearchRequest()
					.filter((f) -> f.processInstanceKey(conversion.retrofit)
						.elementId("timer-t17-satisfaction-survey")
						.state(io.camunda.client.api.search.enums.ElementInstanceState.ACTIVE))
					.send()
					.join()
					.items(), (items) -> !items.isEmpty());
			assertThat(variableOrNull(conversion.retrofit, "retrofitOutcome")).isEqualTo("CONVERTED");
			assertThat(variableOrNull(conversion.retrofit, "actualCostEur")).isNotNull();
			// T17: the satisfaction survey goes six months after the handover; time
			// passes only for that timer
			this.processTestContext.increaseTime(Duration.ofDays(183));
			awaitEnded(conversion.retrofit, "end-vehicle-converted");
			awaitEnded(conversion.diagnosis, "end-vehicle-retrofitted");
			awaitEnded(conversion.intake, "end-vehicle-processed");

			assertThat(variableOrNull(conversion.retrofit, "lockoutOfficerId")).isEqualTo("lockout-officer");
			assertThat(variableOrNull(conversion.retrofit, "hvReworkCount")).isEqualTo("1");
			assertThat(variableOrNull(conversion.retrofit, "newRegistrationCertificateRef")).isEqualTo("CI-" + van.vin);
			assertThat(this.certificates.forSubject(van.vin)).extracting((c) -> c.kind())
				.contains("CONVERSION_CERTIFICATE", "HANDOVER_PACK");
			assertThat(this.certificates.forSubject(van.vin))
				.filteredOn((c) -> "CONVERSION_CERTIFICATE".equals(c.kind()))
				.singleElement()
				.satisfies((c) -> assertThat(c.content()).contains(van.vin, "\"maxPermissibleLadenMassKg\":3500",
						"\"approvalNumber\":\"FR-RETRO-2024-0117\""));
			String audit = people.as("auditor").lastPage("/audit/instances/" + conversion.retrofit);
			assertThat(audit).contains("COMPLETED", van.vin, "Choose conversion team", "Affix conversion plate");
		}
	}

	/**
	 * Journey B (AS-35): the same van weighs 2,420 kg after conversion (ratio 1.21):
	 * D4b's MASS_OVER_120PCT is reviewed by a retrofit engineer; at the quality gate the
	 * control plan's WEIGHING (safety and regulatory, no rework on the line) fails, so
	 * D11 escalates with containment: suspect items are held, a quality engineer confirms
	 * the containment scope and decides to return the kit to its supplier; the conversion
	 * stops.
	 */
	@Test
	void aConversionOverTheMassLimitEscalatesWithContainmentAtTheQualityGate() {
		Van van = Van.pick();
		try (Operator people = operators("quality-gate-as35")) {
			Conversion conversion = toInstalledKit(people, van);

			commission(people, van, "500");
			weigh(people, van, "1330", "1090", "2420");
			assertThat(variableOrNull(conversion.retrofit, "conformityFailures")).contains("MASS_OVER_120PCT");
			task(people.as("retrofit-engineer"), van.vin, "Review mass non-conformity")
				.set("kitManufacturerInformed", "true")
				.set("engineeringAssessment",
						"Battery pack and support frame 70 kg above the approved configuration; kit configuration to review with TOLV")
				.set("kitConfigurationReviewRef", "KCR-" + van.serial())
				.complete("review-mass-nonconformity");

			manualChecksAllOk(people, van);
			long gate = calledInstance(conversion.retrofit, "quality-gate");
			Awaitility.await("containment")
				.atMost(Duration.ofSeconds(60))
				.until(() -> variableOrNull(gate, "heldItems") != null);
			assertThat(variableOrNull(gate, "qualityVerdict")).isEqualTo("ESCALATE");
			assertThat(variableOrNull(gate, "containmentRequired")).isEqualTo("true");
			assertThat(variableOrNull(gate, "safetyCharacteristicFailed")).isEqualTo("true");
			task(people.as("quality-engineer"), van.vin, "Confirm containment scope")
				.set("containmentScopeConfirmed", "true")
				.set("itemsKeptOnHold", "Kit lot of this delivery, until the kit configuration review")
				.set("eightDReference", "8D-" + now().getYear() + "-" + van.serial())
				.complete("confirm-containment");
			task(people.as("quality-engineer"), van.vin, "Decide escalated verdict")
				.set("escalationDecision", "RETURN_TO_SUPPLIER")
				.set("rootCauseTicket", "8D-" + now().getYear() + "-" + van.serial())
				.set("escalationJustification",
						"Mass in running order 121 % of the original: not conform to the approval, kit back to TOLV")
				.complete("decide-escalation");

			awaitEnded(gate, "end-returned-to-supplier");
			awaitEnded(conversion.retrofit, "end-conversion-stopped");
			awaitEnded(conversion.diagnosis, "end-conversion-stopped");
			assertThat(variableOrNull(conversion.retrofit, "retrofitOutcome")).isEqualTo("STOPPED");
			assertThat(variableOrNull(conversion.retrofit, "qualityVerdict")).isEqualTo("RETURN_TO_SUPPLIER");
			String audit = people.as("auditor").lastPage("/audit/instances/" + gate);
			assertThat(audit).contains("COMPLETED", "Confirm containment scope", "Decide escalated verdict");
		}
	}

	/**
	 * AS-27 and AS-29 on one tablet: the ERP knows one Master as a collection vehicle, so
	 * D4 finds it not eligible (COLLECTION_VEHICLE); on an eligible one the engineer
	 * finds the side member corroded through, records STRUCTURAL_DAMAGE and has the
	 * checks run again: CONDITION_NOT_ACCEPTABLE. The engineer rejects both, routed back
	 * to their sender; diagnosis prepares the return and the intakes end.
	 */
	@Test
	void aCollectionVehicleAndACorrodedChassisAreNotEligibleAndReturned() {
		Van collection = Van.pickCollectionVehicle();
		Van corroded = Van.pick();
		try (Operator people = operators("lcv-retrofit-not-eligible")) {
			Conversion as27 = toEligibilityReview(people, collection);
			assertThat(awaitVariable(as27.retrofit(), "eligibilityReason")).isEqualTo("COLLECTION_VEHICLE");
			review(people, collection, as27, "OK", "REJECT");

			Conversion as29 = toEligibilityReview(people, corroded);
			assertThat(awaitVariable(as29.retrofit(), "eligibilityReason")).isEqualTo("ELIGIBLE");
			review(people, corroded, as29, "STRUCTURAL_DAMAGE", "REQUEST_INFO");
			Awaitility.await("D4 run again on the chassis the engineer recorded")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Operator.LOOK_AGAIN)
				.until(() -> variableOrNull(as29.retrofit(), "eligibilityReason"), "CONDITION_NOT_ACCEPTABLE"::equals);
			review(people, corroded, as29, "STRUCTURAL_DAMAGE", "REJECT");

			for (Conversion returned : List.of(as27, as29)) {
				awaitEnded(returned.retrofit(), "end-retrofit-rejected");
				awaitEnded(returned.diagnosis(), "end-vehicle-returned");
				awaitEnded(returned.intake(), "end-vehicle-processed");
				assertThat(variableOrNull(returned.retrofit(), "retrofitOutcome")).isEqualTo("REJECTED");
				assertThat(variableOrNull(returned.diagnosis(), "route")).isEqualTo("RETURN");
			}
			String audit = people.as("auditor").lastPage("/audit/instances/" + as29.retrofit());
			assertThat(audit).contains("COMPLETED", corroded.vin, "Review eligibility with customer");
		}
	}

	/**
	 * The engineer's eligibility review with the chassis found and a decision; a
	 * rejection goes back to the sender.
	 */
	private void review(Operator people, Van van, Conversion conversion, String chassisCondition, String decision) {
		TaskForm review = task(people.as("retrofit-engineer"), van.vin, "Review eligibility with customer")
			.set("registrationScanChecked", "true")
			.set("firstRegistrationDate", van.master.firstRegistrationDate().toString())
			.set("chassisCondition", chassisCondition)
			.set("kitReference", "TOLV-MASTER-E-60")
			.set("approvalNumber", "FR-RETRO-2024-0117")
			.set("plannedConversionDate", awaitVariable(conversion.retrofit(), "plannedConversionDate"))
			.set("eligibilityDecision", decision);
		if ("REJECT".equals(decision)) {
			review.set("rejectionRoute", "RETURN").set("eligibilityComment", "Not convertible: back to the customer");
		}
		review.complete("eligibility-" + decision.toLowerCase() + "-" + van.serial());
	}

	/** The instances of one van's chain. */
	private record Conversion(long intake, long diagnosis, long retrofit) {
	}

	/**
	 * AS-15 to the installed kit: announcement and gate scan, gate inspection, diagnosis,
	 * AS-22's eligibility review, the team, the kit order and its delivery, kit
	 * inspections, baseline, powertrain removal and seven kit operations.
	 */
	private Conversion toInstalledKit(Operator people, Van van) {
		Conversion conversion = toEligibilityReview(people, van);
		long retrofit = conversion.retrofit();
		String planned = awaitVariable(retrofit, "plannedConversionDate");
		assertThat(LocalDate.parse(planned)).isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(14));
		assertThat(variableOrNull(retrofit, "customerId")).isEqualTo(CUSTOMER);
		assertThat(awaitVariable(retrofit, "eligibilityReason")).isEqualTo("ELIGIBLE");
		task(people.as("retrofit-engineer"), van.vin, "Review eligibility with customer")
			.set("registrationScanChecked", "true")
			.set("firstRegistrationDate", van.master.firstRegistrationDate().toString())
			.set("chassisCondition", "OK")
			.set("kitReference", "TOLV-MASTER-E-60")
			.set("approvalNumber", "FR-RETRO-2024-0117")
			.set("plannedConversionDate", planned)
			.set("eligibilityDecision", "APPROVE")
			.complete("eligibility-review");
		TaskForm team = task(people.as("retrofit-work-lead"), van.vin, "Choose conversion team");
		assertThat(checklistOptions(people, "retrofitTeam")).contains("retrofit-technician", "retrofit-work-lead")
			.doesNotContain("battery-technician", "lockout-trainee", "quality-inspector");
		team.tick("retrofitTeam", "retrofit-technician", "retrofit-work-lead")
			.set("retrofitTeamComment", "Line 1, shift A")
			.complete("choose-conversion-team");

		// the WMS goods receipt of the kit, correlated by the purchase order the ERP gave
		String purchaseOrder = awaitVariable(retrofit, "purchaseOrderNumber");
		awaitWaiting(retrofit, "msg-kit-delivered");
		this.client.newPublishMessageCommand()
			.messageName("KitDelivered")
			.correlationKey(purchaseOrder)
			.variables(Map.of("kitId", "KIT-" + purchaseOrder, "deliveryNoteRef", "DN-" + purchaseOrder,
					"batteryPackId", "TOLV-PACK-" + van.serial(), "motorSerial", "TOLV-M-" + van.serial(),
					"inverterSerial", "TOLV-I-" + van.serial(), "chargerSerial", "TOLV-C-" + van.serial()))
			.send()
			.join();
		task(people.as("supply-planner"), van.vin, "Inspect kit at receipt").set("packagingIntact", "true")
			.set("shockIndicatorTriggered", "false")
			.set("quantityCheckOk", "true")
			.set("kitSerialsScanned",
					"TOLV-M-" + van.serial() + ", TOLV-I-" + van.serial() + ", TOLV-C-" + van.serial())
			.complete("kit-receipt");
		SafetyChecklists.soundPack(task(people.as("battery-operator"), van.vin, "Inspect kit battery pack"), "19", "18")
			.set("packPhotoRef", "DOC-PACK-" + van.serial())
			.complete("kit-pack");

		task(people.as("retrofit-technician"), van.vin, "Record baseline measurements").set("frontAxleKgBefore", "1100")
			.set("rearAxleKgBefore", "900")
			.set("totalKgBefore", "2000")
			.set("odometerKm", String.valueOf(van.odometerKm + 3))
			.set("existingDtcsAcknowledged", "true")
			.set("baselinePhotosRef", "DOC-BASE-" + van.serial())
			.complete("baseline");
		TaskForm removal = task(people, van.vin, "Drain and remove powertrain").set("fuelDrainedL", "18")
			.set("oilDrainedL", "6")
			.set("coolantDrainedL", "9");
		// worn-out combustion parts: all go to material recycling (D10), none needs a
		// review
		for (String item : List.of("engine", "gearbox", "turbo", "injectors", "engineEcu", "exhaust", "fuelTank")) {
			removal.set(item + "Serial", item.toUpperCase() + "-" + van.serial()).set(item + "Grade", "D");
		}
		removal.complete("powertrain-removal");
		for (int operation = 1; operation <= 7; operation++) {
			task(people, van.vin, "Install kit (per operation)").set("kitOperationDone", "true")
				.set("kitOperationPhotoRef", "DOC-OP" + operation + "-" + van.serial())
				.complete("install-kit-" + operation);
		}
		return conversion;
	}

	/**
	 * AS-15 to the eligibility review: announcement and gate scan, gate inspection,
	 * diagnosis, the retrofit called.
	 */
	private Conversion toEligibilityReview(Operator people, Van van) {
		people.as("intake-operator")
			.startForm("Announce a vehicle arrival",
					Map.of("vin", van.vin, "declaredProgram", "LCV_RETROFIT_ORDER", "senderId", CUSTOMER))
			.startForm("Gate scan: vehicle at gate", Map.of("vin", van.vin));
		long intake = instanceOf("vehicle-intake", "vin", van.vin);
		task(people, van.vin, "Inspect vehicle at gate").set("arrivalAt", now().format(MINUTES))
			.set("odometerKm", String.valueOf(van.odometerKm))
			.set("fuelOrChargeLevelPct", "30")
			.set("keysCount", "2")
			.tick("documentsPresent", "REGISTRATION_CERTIFICATE", "CSA", "SERVICE_BOOK")
			.tick("damageZones", "REAR")
			.set("damageSeverity", "COSMETIC")
			.set("damageDescription", "Scuffed rear bumper")
			.set("vinPlateMatchesRegistration", "true")
			.complete("gate-inspection");

		long diagnosis = track(calledInstance(intake, "diagnosis"));
		assertThat(variableOrNull(intake, "route")).isEqualTo("LCV_RETROFIT");
		task(people.as("diagnostic-technician"), van.vin, "Connect diagnostic tool").set("benchId", "DIAG-2")
			.set("toolConnected", "true")
			.set("ignitionState", "ON")
			.complete("connect-diagnostic-tool");
		TaskForm checklist = task(people, van.vin, "Inspect vehicle (checklist)");
		for (String zone : List.of("bodyPanels", "glazing", "lights", "tyres", "brakes", "suspension", "underbody",
				"interior", "electrical", "roadTest")) {
			checklist.set(zone + "Result", "OK");
		}
		checklist.set("treadDepthFrontLeftMm", "6")
			.set("treadDepthFrontRightMm", "6")
			.set("treadDepthRearLeftMm", "5")
			.set("treadDepthRearRightMm", "5")
			.set("brakePadWearPct", "35")
			.set("brakeDiscWearPct", "25")
			.complete("inspection-checklist");

		long retrofit = track(calledInstance(diagnosis, "lcv-retrofit"));
		return new Conversion(intake, diagnosis, retrofit);
	}

	/**
	 * Claims the subject's task; when the console does not open its form, fails with what
	 * the page says.
	 */
	private static TaskForm task(Operator people, String subject, String taskName) {
		try {
			return people.task(subject, taskName);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			people.screenshot("not-opened-" + taskName);
			throw new AssertionError("'" + taskName + "' did not open its form: " + people.browser().pageText(), ex);
		}
	}

	/**
	 * The values a checklist field offers (TaskForm#options reads selects and radios).
	 */
	private static List<String> checklistOptions(Operator people, String key) {
		return people.browser()
			.driver()
			.findElements(org.openqa.selenium.By.cssSelector("#input-" + key + " input[type=checkbox]"))
			.stream()
			.map((option) -> option.getDomProperty("value"))
			.toList();
	}

	/**
	 * Waits until the instance waits at this catch event (a plant message sent earlier
	 * would find nobody).
	 */
	private void awaitWaiting(long instance, String catchEventId) {
		Awaitility.await(instance + " waiting at " + catchEventId)
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.client.newElementInstanceSearchRequest()
				.filter((f) -> f.processInstanceKey(instance)
					.elementId(catchEventId)
					.state(io.camunda.client.api.search.enums.ElementInstanceState.ACTIVE))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty());
	}

	private static void commission(Operator people, Van van, String isolationDcOhmPerV) {
		task(people.as("retrofit-work-lead"), van.vin, "Commission HV system")
			.set("isolationDcOhmPerV", isolationDcOhmPerV)
			.set("bondingOhm", "0.05")
			.set("hvCablesOrange", "true")
			.set("obdLampOff", "true")
			.set("chargeTestAcOk", "true")
			.set("chargeTestDcOk", "true")
			.complete("commission-hv-" + isolationDcOhmPerV);
	}

	private static void weigh(Operator people, Van van, String front, String rear, String total) {
		task(people.as("retrofit-technician"), van.vin, "Weigh after conversion").set("frontAxleKg", front)
			.set("rearAxleKg", rear)
			.set("totalKg", total)
			.complete("weigh-" + total);
	}

	/**
	 * The five checks D12 leaves to the inspector (HV visual, SoH read, charge test,
	 * plate, certificate): all OK.
	 */
	private static void manualChecksAllOk(Operator people, Van van) {
		people.as("quality-inspector");
		for (int check = 1; check <= 5; check++) {
			task(people, van.vin, "Perform manual check").set("checkResult", "OK").complete("manual-check-" + check);
		}
	}

	private java.time.LocalDateTime now() {
		return java.time.LocalDateTime.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES);
	}

	/**
	 * A Master III the simulated plant answers for with AS-22/AS-34's values, found by
	 * asking the simulated systems as the plant would answer (new random digits each run,
	 * so reruns do not meet earlier instances).
	 */
	private record Van(String vin, VehicleMasterData master, int odometerKm) {

		static Van pick() {
			return pick(false);
		}

		/**
		 * As {@link #pick()}, but a van the ERP knows as registered as a collection
		 * vehicle (AS-27).
		 */
		static Van pickCollectionVehicle() {
			return pick(true);
		}

		private static Van pick(boolean collection) {
			SimulatedErp erp = new SimulatedErp(Simulation.immediate("erp"));
			SimulatedDiagnosticBench diag = new SimulatedDiagnosticBench(Simulation.immediate("diag"));
			SimulatedEndOfLineBenches eol = new SimulatedEndOfLineBenches(Simulation.immediate("eol"));
			Random random = new Random();
			LocalDate fiveYearsBeforeTheSlot = LocalDate.now(ZoneOffset.UTC).minusYears(5);
			for (int i = 0; i < 200_000; i++) {
				String vin = collection ? "VF1MA000" + (1000 + random.nextInt(9000)) + SimulatedErp.COLLECTION_SERIAL
						: "VF1MA000" + (100_000_000 + random.nextInt(900_000_000));
				VehicleMasterData master = erp.findVehicleMasterData(vin).orElseThrow();
				if (master.originalMaxPowerKw() != 92 || master.massInRunningOrderKg() != 2000
						|| !master.firstRegistrationDate().isBefore(fiveYearsBeforeTheSlot)
						|| master.collectionRegistration() != collection || !master.registeredInFranceDefinitive()) {
					continue;
				}
				VehicleReading reading = diag.readVehicleData(new DiagnosticRequest(vin, "DIAG-2", false));
				if (!reading.dtcs().isEmpty() || !"OK".equals(eol
					.runTest(IdempotencyKey.of("probe-" + vin), new TestRequest("VEHICLE", vin, "VEHICLE_EOL", null))
					.verdict())) {
					continue;
				}
				return new Van(vin, master, reading.ecuOdometerKm());
			}
			throw new IllegalStateException("No Master III with AS-22's values found");
		}

		String serial() {
			return this.vin.substring(11);
		}

	}

}

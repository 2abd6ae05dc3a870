package fr.refactory.journeys;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Inspections;
import fr.refactory.workers.vin.VinCheck;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey of vehicle-intake (domain brief §3.1) to its end: AS-10, a used Clio announced
 * for USED_CAR_REFURB, 4 years and 62,000 km, cosmetic damage, VE NONE. D2 routes it
 * RENEW; the intake ends when the diagnosis it calls ends, so the journey goes on through
 * diagnosis, the repair and the quality gate (AS-63: every check OK, PASS, released).
 */
class VehicleIntakeJourneyTest extends JourneyTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	Inspections inspections;

	@Test
	void as10AUsedClioIsAnnouncedInspectedRenewedRepairedAndReleased() {
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		RenewVehicles.Clio clio = RenewVehicles.clio(today, 4, 62_000);
		String vin = clio.vin();
		long intake;
		try (Operator people = operators("vehicle-intake")) {
			people.as("intake-operator")
				.startForm("Announce a vehicle arrival",
						Map.of("vin", vin, "declaredProgram", "USED_CAR_REFURB", "senderId", "Dealer Mantes"))
				.startForm("Gate scan: vehicle at gate", Map.of("vin", vin));
			intake = instanceOf("vehicle-intake", "vin", vin);
			people.task(vin, "Inspect vehicle at gate")
				.set("arrivalAt", today + "T08:30")
				.set("odometerKm", "62000")
				.set("fuelOrChargeLevelPct", "40")
				.set("keysCount", "2")
				.tick("documentsPresent", "REGISTRATION_CERTIFICATE", "CSA", "SERVICE_BOOK")
				.tick("damageZones", "LEFT_SIDE")
				.set("damageSeverity", "COSMETIC")
				.set("damageDescription", "Scratch on the left rear door")
				.set("vinPlateMatchesRegistration", "true")
				.complete("gate-inspection");

			long diagnosis = calledInstance(intake, "diagnosis");
			DiagnosisPeople.connectTool(people, vin);
			DiagnosisPeople.inspectAllOk(people, vin).complete("inspection-checklist");
			// no operation listed by the technician: the MES estimates the fixes of the
			// fault codes the bench read
			for (int operation = 0; operation < Math.max(1, clio.dtcs().size()); operation++) {
				DiagnosisPeople.performOperation(people.as("mechanic"), vin, "Perform mechanical operation");
			}
			long gate = calledInstance(diagnosis, "quality-gate");
			DiagnosisPeople.checkAtTheGate(people.as("quality-inspector"), vin, Map.of());

			awaitEnded(gate, "end-item-released");
			awaitEnded(diagnosis, "end-vehicle-released");
			awaitEnded(intake, "end-vehicle-processed");
			String auditorSees = people.as("auditor").lastPage("/audit/instances/" + intake);
			assertThat(auditorSees).contains("COMPLETED", vin, "vehicle-intake", "RENEW");
		}
		assertThat(variable(intake, "route")).isEqualTo("\"RENEW\"");
		assertThat(this.auditLog.about(vin)).extracting(AuditEntry::action)
			.contains("VEHICLE_REGISTERED", "VEHICLE_DATA_READ", "WORK_ORDER_RELEASED", "QUALITY_RESULTS_RECORDED",
					"DOCUMENT_GENERATED");
		assertThat(this.auditLog.about(vin)).filteredOn((entry) -> "TASK_COMPLETED".equals(entry.action()))
			.extracting(AuditEntry::actor)
			.contains("intake-operator", "diagnostic-technician", "mechanic", "quality-inspector")
			.doesNotContain("demo");
		assertThat(this.inspections.forSubject(vin)).hasSize(5)
			.allSatisfy((result) -> assertThat(result.result()).isEqualTo("OK"));
	}

	/**
	 * AS-09: a North-American VIN whose check digit does not match is scanned at the gate
	 * (nobody announced it); the intake operator corrects it twice from the plate and the
	 * registration, and it is still invalid, so an intake supervisor decides: return to
	 * sender. The vehicle is never registered in the MES.
	 */
	@Test
	void as09AVinStillInvalidAfterTwoCorrectionsIsReturnedToTheSender() {
		String scanned = vinWithWrongCheckDigit();
		long intake;
		try (Operator people = operators("vehicle-intake-as09")) {
			people.as("intake-operator").startForm("Gate scan: vehicle at gate", Map.of("vin", scanned));
			intake = instanceOf("vehicle-intake", "vin", scanned);
			String subject = scanned;
			for (int loop = 1; loop <= 2; loop++) {
				String readAgain = vinWithWrongCheckDigit();
				people.task(subject, "Correct VIN")
					.set("vinOnPlate", readAgain)
					.set("vinStampedOnBody", readAgain)
					.set("vinOnRegistration", readAgain)
					.set("vinPlatePhotoRef", "PHOTO-PLATE-" + loop)
					.set("correctedVin", readAgain)
					.complete("correct-vin-" + loop);
				// D1 runs again on the corrected VIN, which becomes the vehicle's VIN in
				// the task list
				subject = readAgain;
			}
			people.as("intake-supervisor")
				.task(subject, "Decide on identity issue")
				.set("identityDecision", "RETURN_TO_SENDER")
				.set("identityComment", "Plate and registration disagree with the check digit twice")
				.complete("identity-decision");

			awaitEnded(intake, "end-vehicle-returned");
			String auditorSees = people.as("auditor").lastPage("/audit/instances/" + intake);
			assertThat(auditorSees).contains("COMPLETED", "Decide on identity issue", "Prepare return to sender");
		}
		assertThat(variableOrNull(intake, "vinStatus")).isEqualTo("INVALID");
		assertThat(variableOrNull(intake, "vinReason")).isEqualTo("VIN_CHECK_DIGIT");
		assertThat(variableOrNull(intake, "vinCorrectionLoops")).isEqualTo("2");
		assertThat(variableOrNull(intake, "identityDecision")).isEqualTo("RETURN_TO_SENDER");
		assertThat(this.auditLog.about(scanned)).extracting(AuditEntry::action).doesNotContain("VEHICLE_REGISTERED");
	}

	/**
	 * AS-12: a Zoe announced for refurbishment arrives with an underbody impact; at the
	 * gate the intake operator ticks it, so the Zoe is parked in the HV quarantine bay
	 * and its pack goes through battery triage (Process 6) before anything else, the
	 * vehicle not yet registered. The battery operator finds the casing deformed (D6 rule
	 * 5: DAMAGED_NON_CRITICAL); the pack is watched in quarantine for 48 h, a temperature
	 * every 4 h; then D2 routes the vehicle HV_QUARANTINE (rule 1) and an intake
	 * supervisor is to decide its route.
	 */
	@Test
	void as12AZoeWithAnUnderbodyImpactIsQuarantinedAndItsPackTriagedBeforeAnyOtherWork() {
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), ZoneOffset.UTC);
		String vin = RenewVehicles.zoeVin();
		String pack = vin + "-HV";
		try (Operator people = operators("vehicle-intake-as12")) {
			people.as("intake-operator")
				.startForm("Announce a vehicle arrival",
						Map.of("vin", vin, "declaredProgram", "USED_CAR_REFURB", "senderId", "Dealer Mantes"))
				.startForm("Gate scan: vehicle at gate", Map.of("vin", vin));
			long intake = instanceOf("vehicle-intake", "vin", vin);
			people.task(vin, "Inspect vehicle at gate")
				.set("arrivalAt", today + "T09:10")
				.set("odometerKm", "48000")
				.set("fuelOrChargeLevelPct", "35")
				.set("keysCount", "1")
				.tick("documentsPresent", "REGISTRATION_CERTIFICATE", "CSA")
				.tick("damageZones", "UNDERBODY")
				.set("damageSeverity", "MODERATE")
				.set("damageDescription", "Underbody struck on a kerb: battery casing dented at the front left")
				.set("underbodyImpact", "true")
				.set("vinPlateMatchesRegistration", "true")
				.complete("gate-inspection");

			long triage = calledInstance(intake, "battery-triage");
			assertThat(variableOrNull(intake, "hvBatteryDamageSuspected")).isEqualTo("true");
			assertThat(variableOrNull(intake, "yardLocation")).startsWith("HV_QUARANTINE-");
			assertThat(this.auditLog.about(vin)).extracting(AuditEntry::action).doesNotContain("VEHICLE_REGISTERED");
			people.as("battery-operator")
				.task(vin, "Triage battery safety")
				.set("batteryIdScanned", pack)
				.set("casingDamage", "DEFORMATION")
				.set("leakOrVent", "false")
				.set("swelling", "false")
				.set("smokeOrSmell", "false")
				.set("surfaceTemperatureC", "19")
				.set("ambientTemperatureC", "18")
				.set("bmsCommunicating", "true")
				.set("crashHistory", "true")
				.set("triagePhotosRef", "PHOTO-" + pack + "-UNDER")
				.complete("safety-triage");
			assertThat(awaitVariable(triage, "safetyClass")).isEqualTo("DAMAGED_NON_CRITICAL");
			watchInQuarantine(people, vin, triage);

			awaitEnded(triage, "end-suspect-battery-classified");
			people.as("intake-supervisor").task(vin, "Review route manually");
			assertThat(variableOrNull(intake, "route")).isEqualTo("HV_QUARANTINE");
			assertThat(variableOrNull(intake, "routeReason")).isEqualTo("HV_SUSPECT");
			assertThat(variableOrNull(intake, "batterySafetyClass")).isEqualTo("DAMAGED_NON_CRITICAL");
			String auditorSees = people.as("auditor").lastPage("/audit/instances/" + triage);
			assertThat(auditorSees).contains("COMPLETED", pack, "Log quarantine temperature");
		}
	}

	/**
	 * 6.3: a damaged pack's temperature read every 4 h in quarantine for 48 h, nothing
	 * unusual; the task list names the pack's tasks by the vehicle it sits in.
	 */
	private void watchInQuarantine(Operator people, String vin, long triage) {
		for (int reading = 1; reading <= 12; reading++) {
			people.task(vin, "Log quarantine temperature")
				.set("quarantineSurfaceTemperatureC", "19")
				.set("quarantineAmbientTemperatureC", "18")
				.set("thermalEventObserved", "false")
				.complete("quarantine-reading-" + reading);
			if (reading < 12) {
				// the next reading is due 4 h after this one: the clock moves once the
				// triage waits for it
				org.awaitility.Awaitility.await("the 4 h wait after reading " + reading + " of " + vin)
					.atMost(java.time.Duration.ofSeconds(30))
					.pollDelay(java.time.Duration.ZERO)
					.pollInterval(Operator.LOOK_AGAIN)
					.until(() -> !this.client.newElementInstanceSearchRequest()
						.filter((f) -> f.processInstanceKey(triage)
							.elementId("timer-next-temperature-reading")
							.state(io.camunda.client.api.search.enums.ElementInstanceState.ACTIVE))
						.send()
						.join()
						.items()
						.isEmpty());
				this.processTestContext.increaseTime(java.time.Duration.ofHours(4));
			}
		}
	}

	/**
	 * A VIN as a North-American plate (region checked by D1) would carry it, with a check
	 * digit that does not match.
	 */
	private static String vinWithWrongCheckDigit() {
		String serial = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		String vin = "1FTBW3XM0" + serial;
		char expected = VinCheck.of(vin).expectedCheckDigit();
		char wrong = expected == '7' ? '8' : '7';
		return vin.substring(0, 8) + wrong + serial;
	}

	private String variable(long instance, String name) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).scopeKey(instance).name(name))
			.send()
			.join()
			.items()
			.get(0)
			.getValue();
	}

}

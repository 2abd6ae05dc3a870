package fr.refactory.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;

/**
 * lcv-retrofit (domain brief §3.3), from the request to the start of the conversion work,
 * with the application's own workers: the kit catalogue and the installer authorisation
 * are those of the simulated supplier and competency register (the Refactory's
 * authorisation window is read from the same simulation), the retrofit team's
 * habilitations come from the simulated register ({@link PlantInputs#person}). The
 * conversion work, commissioning tests, quality gate, handover and registration follow-up
 * are driven in the conversion scenarios. A converted retrofit has more than the 100
 * element instances CamundaAssert and the coverage read per process instance (one page of
 * CPT's data source), so its late elements are asserted through variables, user tasks,
 * child instances and the instance state.
 */
class LcvRetrofitProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "lcv-retrofit";

	private static final int RETROFIT_CHECKS = 12;

	/**
	 * Of the twelve, D4b decides the isolation, bonding, OBD lamp, marking and weighing
	 * checks and the EOL bench the brake test: the inspector checks HV_VISUAL, SOH_READ,
	 * CHARGE_TEST, PLATE_AFFIXED and CERTIFICATE_GENERATED.
	 */
	private static final int RETROFIT_MANUAL_CHECKS = 5;

	private final List<String> packs = new ArrayList<>();

	private final List<String> vins = new ArrayList<>();

	@org.springframework.beans.factory.annotation.Autowired
	fr.refactory.plant.mes.Mes mes;

	@org.springframework.beans.factory.annotation.Autowired
	fr.refactory.plant.wms.Wms wms;

	@org.springframework.beans.factory.annotation.Autowired
	fr.refactory.records.Certificates certificates;

	@org.springframework.beans.factory.annotation.Autowired
	fr.refactory.records.AuditLog audit;

	@org.springframework.beans.factory.annotation.Autowired
	fr.refactory.plant.hrcomp.CompetencyRegister competencyRegister;

	/**
	 * The child instances this test does not drive are cancelled after it, with the
	 * instances it started.
	 */
	@AfterEach
	void trackTheChildrenItDoesNotDrive() {
		// removed cores start remanufacture instances, which this test does not drive
		this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId("remanufacture").state(ProcessInstanceState.ACTIVE))
			.send()
			.join()
			.items()
			.stream()
			.filter((instance) -> this.vins.contains(variableOrNull(instance.getProcessInstanceKey(), "donorVin")))
			.forEach((instance) -> track(instance.getProcessInstanceKey()));
		// a damaged kit pack is sent to battery triage, which this test does not drive
		for (String pack : this.packs) {
			this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.processDefinitionId("battery-triage").state(ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items()
				.stream()
				.filter((instance) -> pack.equals(variableOrNull(instance.getProcessInstanceKey(), "batteryId")))
				.forEach((instance) -> track(instance.getProcessInstanceKey()));
		}
	}

	/**
	 * AS-27: a vehicle registered as collection is not eligible; the engineer rejects it
	 * and it is returned.
	 */
	@Test
	void as27ACollectionVehicleIsRejectedAndRoutedBack() {
		Map<String, Object> variables = master();
		variables.put("collectionRegistration", true);
		long key = start(variables);

		retrofit(key).hasVariable("eligible", false)
			.hasVariable("eligibilityReason", "COLLECTION_VEHICLE")
			.hasActiveElements("task-review-eligibility");
		review(key, "REJECT", Map.of("rejectionRoute", "RETURN"));

		retrofit(key).isCompleted()
			.hasVariable("retrofitOutcome", "REJECTED")
			.hasVariable("route", "RETURN")
			.hasVariable("customerId", "FLEET-22")
			.hasCompletedElementsInOrder("start-retrofit-requested", "task-book-conversion-slot", "gw-join-eligibility",
					"task-get-kit-approval", "task-check-installer-authorisation", "task-decide-eligibility",
					"gw-installer-authorised", "task-review-eligibility", "gw-eligibility-decision",
					"task-mark-rejected", "task-set-rejection-route", "end-retrofit-rejected");
	}

	/**
	 * AS-26: a Master III 110 kW (one of the ERP's three Master powers) with the approved
	 * TOLV kit (about 60 kW, brief §3.3): 60 / 110 is under the 65 % floor, so D4 fails
	 * it on the power ratio.
	 */
	@Test
	void as26AMaster110KwFailsOnThePowerRatio() {
		Map<String, Object> variables = master();
		variables.put("originalMaxPowerKw", 110);
		long key = start(variables);

		retrofit(key).hasVariable("eligible", false)
			.hasVariable("eligibilityReason", "POWER_RATIO_OUT_OF_RANGE")
			.hasActiveElements("task-review-eligibility");
	}

	/**
	 * AS-30 then AS-22: the customer wants the conversion later than the installer
	 * authorisation the register knows (its renewal is not granted yet): the engineer
	 * re-plans it to the day after that authorisation expires and has the checks run
	 * again, so the installer check fails: a blocking task for retrofit-managers, who
	 * re-plan to the slot booked on the line, within the authorisation; the engineer
	 * approves. The work lead chooses the team among the B1L/B2L holders on shift; the
	 * kit is ordered, late (T7 at +2 and +10 days), delivered damaged (KIT_DAMAGED: pack
	 * sent to battery triage, delivery rejected, re-ordered). An intact delivery is in
	 * the conversion scenarios below.
	 */
	@Test
	void as30ThenAs22AnAuthorisedEligibleRetrofitReordersADamagedKit() {
		long key = start(master());
		retrofit(key).hasVariable("installerAuthorisationValid", true).hasActiveElements("task-review-eligibility");
		String bookedSlot = awaitVariable(key, "plannedConversionDate");
		LocalDate today = LocalDate.ofInstant(this.processTestContext.getCurrentTime(), java.time.ZoneOffset.UTC);
		LocalDate lastDay = this.competencyRegister
			.installerAuthorisation("REFACTORY-FLINS", "MASTER_III", today.plusYears(3))
			.validTo();

		review(key, "REQUEST_INFO", Map.of("plannedConversionDate", lastDay.plusDays(1).toString()));
		retrofit(key).hasVariable("installerAuthorisationValid", false)
			.hasVariable("installerAuthorisationValidTo", lastDay.toString())
			.hasVariable("eligibilityReason", "INSTALLER_NOT_AUTHORISED")
			.hasActiveElements("task-resolve-installer-authorisation");
		complete(key, "task-resolve-installer-authorisation", Map.of("authorisationResolution", "DATE_REPLANNED",
				"plannedConversionDate", bookedSlot, "authorisationComment", "back to the booked slot, authorised"));
		retrofit(key).hasCompletedElement("gw-join-eligibility", 3)
			.hasVariable("eligible", true)
			.hasVariable("eligibilityReason", "ELIGIBLE")
			.hasActiveElements("task-review-eligibility");
		retrofit(key).hasCompletedElement("task-decide-eligibility", 3);
		review(key, "APPROVE", Map.of());

		String member = chooseTeam(key);
		retrofit(key).hasVariable("retrofitTeam", List.of(member))
			.hasCompletedElementsInOrder("gw-join-habilitations", "task-propose-retrofit-team",
					"task-choose-retrofit-team", "task-check-habilitations", "gw-join-kit-order",
					"task-create-purchase-order", "task-order-kit")
			.hasActiveElements("sub-await-kit");
		String purchaseOrder = awaitVariable(key, "purchaseOrderNumber");
		retrofit(key).isWaitingForMessage("KitDelivered", purchaseOrder);

		kitLate(key);
		deliver(purchaseOrder, "PACK-1-" + key);
		complete(key, "task-inspect-kit-receipt", Map.of("packagingIntact", true, "shockIndicatorTriggered", true,
				"quantityCheckOk", true, "kitSerialsScanned", "M-1, I-1, C-1"));
		complete(key, "task-inspect-kit-pack", pack("DEFORMATION"));
		retrofit(key)
			.hasCompletedElements("error-kit-damaged", "send-damaged-pack-to-triage", "task-reject-kit-delivery")
			.hasCompletedElement("gw-join-kit-order", 2)
			.hasCompletedElement("task-order-kit", 2);

		retrofit(key).hasActiveElements("sub-await-kit").isWaitingForMessage("KitDelivered");
	}

	/**
	 * AS-34 and AS-36: the conversion of an eligible Master. The removed engine and ECU
	 * go to remanufacture as cores (AS-39), the gearbox (grade D), exhaust and fuel tank
	 * to recycling, the turbo and injectors (no reman programme in the WMS) to review.
	 * The conversion runs over 5 WD (escalated). The first commissioning measures an
	 * isolation of 80 Ohm/V (HV_TEST_FAILED): lockout, fix, kit lot contained, unlock,
	 * re-test at 500 Ohm/V, conform; the quality gate passes; plate, certificate,
	 * handover; the registration update is chased at D+21 and escalated at D+30, then
	 * arrives; the order is closed and the satisfaction survey sent six months later.
	 */
	@Test
	void as36AConversionWithOneHvReworkIsCertifiedHandedOverAndFollowedUp() {
		Map<String, Object> variables = master();
		variables.put("vin", PlantInputs.renaultVinPassingVehicleEol());
		String vin = variables.get("vin").toString();
		long key = toConversionWork(variables);

		moveClockPastDueDate(key, "conversionDueAt");
		complete(key, "task-escalate-conversion-delay", Map.of("escalationAcknowledged", true, "escalationAction",
				"ACCEPTED_DELAY", "escalationComment", "kit rework"));
		removePowertrain(key);
		for (int i = 0; i < 2; i++) {
			complete(key, "task-review-part-disposition", Map.of("reviewedDisposition",
					(i == 0) ? "USED_PART_REUSE" : "MATERIAL_RECYCLING", "dispositionComment", "reviewed"));
		}
		installKit(key);

		// D4b: ISOLATION_DC is an HV failure (HV_TEST_FAILED ends the tests; their local
		// conformityFailures goes with
		// them): the first one is reworked under lockout
		commission(key, 80);
		designateLockoutOfficer(key);
		complete(activeChild(key, "hv-lockout"), "task-lock-out-hv-system", Map.of("absenceOfVoltageVerified", true));
		complete(key, "task-fix-hv-fault", Map.of("hvFaultLocation", "rear harness", "hvFaultFix", "connector"));
		complete(activeChild(key, "hv-lockout"), "task-unlock-and-re-energise", Map.of("isolationCheckOk", true));
		// the kit lot was contained (mes.holdSuspectItems, scope KIT_LOT) before the
		// unlock
		retrofit(key).hasVariable("hvReworkCount", 1)
			.hasVariableSatisfies("heldItems", List.class,
					(held) -> org.assertj.core.api.Assertions.assertThat(held).isNotNull());
		commission(key, 500);

		qualityGate(key, "PASS");
		complete(key, "task-affix-conversion-plate", Map.of("plateKitManufacturer", "TOLV", "plateVin", vin,
				"plateApprovalNumber", "FR-RETRO-2024-0117", "plateReasonConfirmed", true, "platePhotoRef", "P-1"));
		retrofit(key).hasVariableSatisfies("certificateSha256", String.class,
				(sha) -> org.assertj.core.api.Assertions.assertThat(sha).hasSize(64));
		awaitVariable(key, "handoverPackId"); // after the certificate copy was sent
		certificateAndHandoverPackRecorded(vin, "PACK-" + key);
		complete(key, "task-hand-over-vehicle",
				Map.of("handoverAt", this.processTestContext.getCurrentTime().toString(), "customerSignatureCaptured",
						true, "handoverOdometerKm", 120_000));
		retrofit(key).isWaitingForMessage("RegistrationUpdated", vin);

		this.processTestContext.increaseTime(Duration.ofDays(21));
		complete(key, "task-remind-registration-update", escalation());
		this.processTestContext.increaseTime(Duration.ofDays(9));
		complete(key, "task-escalate-registration-update", escalation());
		this.client.newPublishMessageCommand()
			.messageName("RegistrationUpdated")
			.correlationKey(vin)
			.variables(Map.of("newRegistrationCertificateRef", "CI-" + vin))
			.send()
			.join();
		// 3.22: the actual costs are the hours the MES booked on the work order and the
		// parts the WMS issued to it
		java.math.BigDecimal cost = this.mes.bookedOperations("WO-RETROFIT-" + vin)
			.labourCostEur()
			.add(this.wms.issuedTo("WO-RETROFIT-" + vin).partsCostEur());
		retrofit(key).hasVariable("retrofitOutcome", "CONVERTED")
			.hasVariableSatisfies("actualCostEur", Double.class,
					(posted) -> org.assertj.core.api.Assertions.assertThat(posted)
						.isPositive()
						.isEqualTo(cost.doubleValue()))
			.hasVariable("newRegistrationCertificateRef", "CI-" + vin)
			.isActive()
			.hasActiveElements("timer-t17-satisfaction-survey");
		this.processTestContext.increaseTime(Duration.ofDays(183));

		// T17 fired: the survey is sent and the retrofit ends (its late elements are past
		// the 100 element instances
		// CPT reads per process instance, so the end is asserted on the instance's state)
		retrofit(key).isCompleted();
	}

	/**
	 * AS-34 (issue 22, ADR 0910): 2,000 kg before, 2,350 kg after, every HV test good:
	 * the conversion certificate is a PDF laid out as Annex II of the arrêté, and every
	 * field it prints comes from the process: the installer from the competency register,
	 * the kit and its motor power from the supplier, the component ids from the WMS goods
	 * receipt, the vehicle from the ERP's master data the intake read, the mass from the
	 * weighing form. Its SHA-256 is the certificate's hash, the process's
	 * certificateSha256 and the audit log's. A rework ordered by the first quality gate
	 * (a loose charge flap) changes none of it.
	 */
	@Test
	void as34TheAnnexIiCertificatePdfPrintsEveryField() throws Exception {
		String vin = PlantInputs.renaultVinPassingVehicleEol();
		fr.refactory.plant.erp.VehicleMasterData erp = new fr.refactory.plant.erp.SimulatedErp(
				fr.refactory.plant.simulation.Simulation.immediate("erp"))
			.findVehicleMasterData(vin)
			.orElseThrow();
		Map<String, Object> variables = master();
		variables.put("vin", vin);
		// what erp.getVehicleMasterData gave the intake, which the diagnosis passes on to
		// the retrofit
		variables.put("make", erp.make());
		variables.put("version", erp.version());
		variables.put("cnit", erp.cnit());
		long key = kitInstalled(variables);
		commission(key, 500, 2350);
		// the inspector finds the charge flap loose: a retrofit technician reworks the
		// conversion (form conversion-rework) and it comes back to the gate, which passes
		qualityGate(key, "REWORK");
		complete(key, "task-rework-conversion",
				Map.of("reworkDone", true, "reworkDescription", "charge flap hinge replaced and adjusted"));
		qualityGate(key, "PASS");
		complete(key, "task-affix-conversion-plate", Map.of("plateKitManufacturer", "TOLV", "plateVin", vin,
				"plateApprovalNumber", "FR-RETRO-2024-0117", "plateReasonConfirmed", true, "platePhotoRef", "P-1"));
		String sha = awaitVariable(key, "certificateSha256");

		fr.refactory.records.Certificate certificate = this.certificates.forSubject(vin)
			.stream()
			.filter((issued) -> "CONVERSION_CERTIFICATE".equals(issued.kind()))
			.findFirst()
			.orElseThrow();
		byte[] pdf = this.certificates.document(certificate).orElseThrow().content();
		String text;
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		String installer = PlantInputs.refactoryInstallerAuthorisation(LocalDate.of(2026, 1, 1)).installerName();
		org.assertj.core.api.Assertions.assertThat(text)
			.contains("annexe II", "Numéro du certificat : " + certificate.number())
			.contains("Nom ou raison sociale de l'installateur : " + installer)
			.containsPattern("Adresse de l'installateur : \\S+")
			.contains("Constructeur du dispositif de conversion : TOLV")
			.contains("Type du dispositif de conversion : TOLV-MASTER-E-60")
			.contains("Numéro d'agrément du dispositif : FR-RETRO-2024-0117")
			.containsPattern("Puissance maximale nette du moteur électrique \\(kW\\) \\(P.2\\) : \\d+")
			.contains("Batterie de traction : PACK-" + key, "Moteur électrique : M-1", "Onduleur : I-1",
					"Chargeur : C-1")
			.contains("Marque (D.1) : " + erp.make(), "Type, variante, version (D.2) : " + erp.version(),
					"Code national d'identification du type (D.2.1) : " + erp.cnit(), "Catégorie (J) : N1")
			.contains("Année de première immatriculation (B) : 2017")
			.contains("Numéro d'identification du véhicule (E) : " + vin)
			.contains("Source d'énergie après transformation (P.3) : EL")
			.contains("Masse en ordre de marche avant transformation (kg) : 2000")
			.contains("Masse en ordre de marche après transformation (kg) (G) : 2350")
			.contains("Masse en charge maximale techniquement admissible (kg) (F.1) : 3500")
			.containsPattern("Date : \\d{4}-\\d{2}-\\d{2}")
			.contains("Signataire pour l'installateur : " + installer);
		String pdfSha = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
		org.assertj.core.api.Assertions.assertThat(pdfSha).isEqualTo(sha).isEqualTo(certificate.documentSha256());
		org.assertj.core.api.Assertions.assertThat(this.audit.about(vin))
			.filteredOn((entry) -> "DOCUMENT_GENERATED".equals(entry.action()))
			.anySatisfy((entry) -> org.assertj.core.api.Assertions.assertThat(entry.data())
				.contains("CONVERSION_CERTIFICATE", pdfSha));
	}

	/**
	 * Auditor questions Q2 and Q9 (issue 22, ADR 0913): a converted vehicle shows who
	 * approved the retrofit, when and on what evidence (D4 and D4b, the approval tasks,
	 * the installer and habilitation checks, the certificate with its SHA-256 and the kit
	 * manufacturer's copy and its receipt); a month after its handover with no
	 * registration update recorded it is listed by Q9, not yet by a two-month query; once
	 * the document store sends the new registration certificate (T8, ADR 0922) Q9 no
	 * longer lists it and Q2 shows the certificate's reference.
	 */
	@Test
	void q2q9AConvertedVehicleShowsItsApprovalEvidenceAndItsPendingRegistration() {
		String vin = PlantInputs.renaultVinPassingVehicleEol();
		Map<String, Object> variables = master();
		variables.put("vin", vin);
		long key = kitInstalled(variables);
		commission(key, 500, 2300);
		qualityGate(key, "PASS");
		complete(key, "task-affix-conversion-plate", Map.of("plateKitManufacturer", "TOLV", "plateVin", vin,
				"plateApprovalNumber", "FR-RETRO-2024-0117", "plateReasonConfirmed", true, "platePhotoRef", "P-1"));
		String sha = awaitVariable(key, "certificateSha256");
		String certificate = awaitVariable(key, "certificateId");
		awaitVariable(key, "handoverPackId");
		complete(key, "task-hand-over-vehicle",
				Map.of("handoverAt", this.processTestContext.getCurrentTime().toString(), "customerSignatureCaptured",
						true, "handoverOdometerKm", 120_000));
		retrofit(key).isWaitingForMessage("RegistrationUpdated", vin);
		fr.refactory.test.WebSession auditor = fr.refactory.test.WebSession.signedIn(baseUrl(), "auditor");

		String q2 = auditor.get("/audit/questions/q2?value=" + vin).body();
		org.assertj.core.api.Assertions.assertThat(AuditQuestionsProcessTest.table(q2, "retrofit-decisions"))
			.contains("retrofit-eligibility<", "retrofit-conformity<");
		org.assertj.core.api.Assertions.assertThat(AuditQuestionsProcessTest.table(q2, "retrofit-tasks"))
			.contains("task-review-eligibility", "task-hand-over-vehicle", "COMPLETED");
		org.assertj.core.api.Assertions.assertThat(AuditQuestionsProcessTest.table(q2, "retrofit-evidence"))
			.contains("INSTALLER_AUTHORISATION_CHECKED", "HABILITATIONS_CHECKED", "CERTIFICATE_COPY_SENT");
		org.assertj.core.api.Assertions
			.assertThat(AuditQuestionsProcessTest.rows(AuditQuestionsProcessTest.table(q2, "certificates")))
			.anySatisfy(
					(row) -> org.assertj.core.api.Assertions.assertThat(row).contains("CONVERSION_CERTIFICATE", sha));

		this.processTestContext.increaseTime(Duration.ofDays(31));
		String month = auditor.get("/audit/questions/q9?value=30").body();
		String twoMonths = auditor.get("/audit/questions/q9?value=60").body();
		org.assertj.core.api.Assertions
			.assertThat(AuditQuestionsProcessTest.rows(AuditQuestionsProcessTest.table(month, "registrations")))
			.anySatisfy((row) -> org.assertj.core.api.Assertions.assertThat(row).contains(vin));
		org.assertj.core.api.Assertions.assertThat(AuditQuestionsProcessTest.table(twoMonths, "registrations"))
			.doesNotContain(vin);
		org.assertj.core.api.Assertions
			.assertThat(AuditQuestionsProcessTest.rows(AuditQuestionsProcessTest.table(q2, "certificates")))
			.anySatisfy((row) -> org.assertj.core.api.Assertions.assertThat(row)
				.contains("CONVERSION_CERTIFICATE", "RCPT-"));

		// T8 (ADR 0922): the document store received the new registration certificate
		this.client.newPublishMessageCommand()
			.messageName("RegistrationUpdated")
			.correlationKey(vin)
			.variables(Map.of("newRegistrationCertificateRef", "CI-" + vin))
			.send()
			.join();
		awaitVariable(key, "retrofitOutcome");
		retrofit(key).hasCompletedElements("task-record-registration-update");
		org.assertj.core.api.Assertions
			.assertThat(AuditQuestionsProcessTest.table(auditor.get("/audit/questions/q9?value=30").body(),
					"registrations"))
			.doesNotContain(vin);
		org.assertj.core.api.Assertions
			.assertThat(AuditQuestionsProcessTest.rows(AuditQuestionsProcessTest
				.table(auditor.get("/audit/questions/q2?value=" + vin).body(), "retrofit-evidence")))
			.anySatisfy((row) -> org.assertj.core.api.Assertions.assertThat(row)
				.contains("REGISTRATION_UPDATED", "CI-" + vin, certificate));
	}

	/**
	 * AS-35: 2,420 kg after conversion (ratio 1.21): D4b's MASS_OVER_120PCT is reviewed
	 * by retrofit-engineers; at the quality gate it fails the control plan's WEIGHING, a
	 * safety/regulatory check with no rework instruction on the line, so D11 escalates
	 * with containment (rule 5): suspect items are held and quality-engineers confirm the
	 * containment, then decide; the kit goes back to its supplier and the conversion
	 * stops. Nothing but the forms and the simulated plant answers leads there.
	 */
	@Test
	void as35AMassNonConformityEscalatesWithContainmentAtTheQualityGate() {
		long key = kitInstalled(PlantInputs.renaultVinPassingVehicleEol());

		// D4b MASS_OVER_120PCT is no HV failure: reviewed by retrofit-engineers, then the
		// gate
		commission(key, 500, 2420);
		complete(key, "task-review-mass-nonconformity",
				Map.of("kitManufacturerInformed", true, "engineeringAssessment", "battery pack heavier than approved"));

		long gate = activeChild(key, "quality-gate");
		org.assertj.core.api.Assertions.assertThat(ManualChecks.open(this.client, gate))
			.hasSize(RETROFIT_MANUAL_CHECKS);
		ManualChecks.complete(this.client, gate, Map.of());
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(gate)).hasVariable("safetyCharacteristicFailed", true)
			.hasVariable("reworkable", false)
			.hasVariable("qualityVerdict", "ESCALATE")
			.hasVariable("containmentRequired", true)
			.hasCompletedElementsInOrder("task-decide-verdict", "task-hold-suspect-items", "signal-quality-hold")
			.hasActiveElements("task-confirm-containment");
		complete(gate, "task-confirm-containment", Map.of("containmentScopeConfirmed", true, "eightDReference",
				"8D-2025-035", "itemsKeptOnHold", "kit lot under review"));
		complete(gate, "task-decide-escalation",
				Map.of("escalationDecision", "RETURN_TO_SUPPLIER", "rootCauseTicket", "RC-KIT"));

		retrofit(key).isCompleted()
			.hasVariable("retrofitOutcome", "STOPPED")
			.hasVariable("qualityVerdict", "RETURN_TO_SUPPLIER");
	}

	/**
	 * The HV tester reads a bonding resistance of exactly 0.1 Ohm on this van (the work
	 * lead measured 0.05 and no separate AC bus, so left the AC isolation empty): D4b,
	 * the only place of the limit, fails it (bonding must be below 0.1 Ohm) and the tests
	 * end in HV_TEST_FAILED, as for any HV failure.
	 */
	@Test
	void aBondingReadOfExactlyTheLimitIsAnHvFailure() {
		long key = kitInstalled(PlantInputs.renaultVinWithBondingAtLimit());

		complete(key, "task-commission-hv-system", Map.of("isolationDcOhmPerV", 500, "bondingOhm", 0.05,
				"hvCablesOrange", true, "obdLampOff", true, "chargeTestAcOk", true, "chargeTestDcOk", true));
		complete(key, "task-weigh-after-conversion", Map.of("frontAxleKg", 1150, "rearAxleKg", 1150, "totalKg", 2300));

		retrofit(key).hasCompletedElementsInOrder("task-read-hv-test-results", "task-decide-conformity",
				"error-hv-test-failed");
	}

	/**
	 * Two HV failures: no lockout officer is designated yet (HABILITATION_MISSING:
	 * retrofit-managers choose one of the BCL holders on shift the competency register
	 * proposes), the isolation check at unlock fails (the rework ends the tests), and a
	 * conversion that already had its HV rework goes straight to the quality gate on the
	 * next failure.
	 */
	@Test
	void hvReworkWithoutHabilitationAndAFailedUnlockEndsTheTests() {
		long key = kitInstalled(PlantInputs.renaultVinPassingVehicleEol());

		commission(key, 80);
		String withBcl = designateLockoutOfficer(key);
		complete(activeChild(key, "hv-lockout"), "task-lock-out-hv-system", Map.of("absenceOfVoltageVerified", true));
		complete(key, "task-fix-hv-fault", Map.of("hvFaultLocation", "inverter", "hvFaultFix", "seal"));
		complete(activeChild(key, "hv-lockout"), "task-unlock-and-re-energise", Map.of("isolationCheckOk", false));

		// the failed unlock ends the tests without counting a rework: the quality gate
		// starts
		long gateAfterFailedUnlock = activeChild(key, "quality-gate");
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(gateAfterFailedUnlock)).hasVariableSatisfies(
				"requiredChecks", List.class,
				(checks) -> org.assertj.core.api.Assertions.assertThat(checks).hasSize(RETROFIT_CHECKS));
		retrofit(key).hasVariableSatisfies("lockoutOfficerId", String.class,
				(officer) -> org.assertj.core.api.Assertions.assertThat(officer).isEqualTo(withBcl));

		Map<String, Object> again = master();
		again.put("vin", PlantInputs.renaultVinPassingVehicleEol());
		again.put("hvReworkCount", 1);
		long second = toConversionWork(again);
		removePowertrain(second);
		for (int i = 0; i < 2; i++) {
			complete(second, "task-review-part-disposition",
					Map.of("reviewedDisposition", "MATERIAL_RECYCLING", "dispositionComment", "reviewed"));
		}
		installKit(second);
		commission(second, 80);
		// a second HV failure is not reworked on the line: straight to the quality gate,
		// with the loop counted
		activeChild(second, "quality-gate");
		org.assertj.core.api.Assertions
			.assertThat(this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(second).processDefinitionId("hv-lockout"))
				.send()
				.join()
				.items())
			.as("no lockout for a second HV failure")
			.isEmpty();
	}

	// --- helpers ---

	/**
	 * Eligible, approved, habilitated team, kit ordered and delivered intact: the
	 * conversion work has started.
	 */
	/**
	 * §3.3: the conversion certificate names the installer (HR-COMP), the kit and its
	 * delivered components, the vehicle and its masses, and the kit manufacturer's copy
	 * is recorded; the customer pack has the kit's warranty terms and GHG statement.
	 */
	private void certificateAndHandoverPackRecorded(String vin, String batteryPackId) {
		java.util.List<fr.refactory.records.Certificate> issued = this.certificates.forSubject(vin);
		org.assertj.core.api.Assertions.assertThat(issued)
			.filteredOn((certificate) -> "CONVERSION_CERTIFICATE".equals(certificate.kind()))
			.singleElement()
			.satisfies((certificate) -> {
				org.assertj.core.api.Assertions.assertThat(certificate.content())
					.contains("\"installerName\":\""
							+ PlantInputs.refactoryInstallerAuthorisation(LocalDate.of(2026, 1, 1)).installerName())
					.contains("\"kitManufacturer\":\"TOLV\"", "\"approvalNumber\":\"FR-RETRO-2024-0117\"",
							"\"battery\":\"" + batteryPackId + "\"", "\"motor\":\"M-1\"", "\"inverter\":\"I-1\"",
							"\"firstRegistrationYear\":2017", "\"maxPermissibleLadenMassKg\":3500");
				org.assertj.core.api.Assertions.assertThat(this.certificates.copySent(certificate)).isPresent();
			});
		org.assertj.core.api.Assertions.assertThat(issued)
			.filteredOn((certificate) -> "HANDOVER_PACK".equals(certificate.kind()))
			.singleElement()
			.satisfies((pack) -> org.assertj.core.api.Assertions.assertThat(pack.content())
				.contains("\"ghgAvoidedKgCo2eOver10Years\"", "\"warrantyTerms\"", "\"hvSafetyNotice\""));
	}

	private long toConversionWork(Map<String, Object> variables) {
		variables.put("massInRunningOrderKg", 2000);
		variables.put("gvwrKg", 3500);
		variables.put("maxFrontAxleKg", 1850);
		variables.put("maxRearAxleKg", 2000);
		long key = start(variables);
		retrofit(key).hasVariable("eligible", true).hasActiveElements("task-review-eligibility");
		review(key, "APPROVE", Map.of());
		chooseTeam(key);
		String purchaseOrder = awaitVariable(key, "purchaseOrderNumber");
		// the kit is promised a week before the conversion week the MES booked three
		// weeks ahead: not late yet
		retrofit(key).isWaitingForMessage("KitDelivered", purchaseOrder).hasNotActivatedElements("task-expedite-kit");
		deliver(purchaseOrder, "PACK-" + key);
		complete(key, "task-inspect-kit-receipt", Map.of("packagingIntact", true, "shockIndicatorTriggered", false,
				"quantityCheckOk", true, "kitSerialsScanned", "M, I, C"));
		complete(key, "task-inspect-kit-pack", pack("NONE"));
		retrofit(key).hasActiveElements("task-record-baseline");
		complete(key, "task-record-baseline",
				Map.of("frontAxleKgBefore", 1100, "rearAxleKgBefore", 900, "totalKgBefore", 2000, "odometerKm", 120_000,
						"existingDtcsAcknowledged", true, "baselinePhotosRef", "B-1"));
		return key;
	}

	/**
	 * AS-39: the engine and the turbo (grades A) are reman cores; gearbox D; the
	 * injectors and the ECU (references without a reman line in the WMS) need a review;
	 * exhaust and tank are recycled.
	 */
	private void removePowertrain(long key) {
		Map<String, Object> removal = new HashMap<>();
		removal.put("fuelDrainedL", 20);
		removal.put("oilDrainedL", 6);
		removal.put("coolantDrainedL", 8);
		String suffix = String.valueOf(key);
		for (String[] item : new String[][] { { "engine", "A" }, { "gearbox", "D" }, { "turbo", "A" },
				{ "injectors", "A" }, { "engineEcu", "A" }, { "exhaust", "B" }, { "fuelTank", "B" } }) {
			String prefix = List.of("injectors", "engineEcu").contains(item[0])
					? fr.refactory.plant.wms.SimulatedWms.NO_REMAN_LINE_PREFIX : "";
			removal.put(item[0] + "Serial", prefix + item[0].toUpperCase() + "-" + suffix);
			removal.put(item[0] + "Grade", item[1]);
		}
		complete(key, "task-remove-powertrain", removal);
	}

	private void installKit(long key) {
		for (int operation = 0; operation < 7; operation++) {
			complete(key, "task-install-kit",
					Map.of("kitOperationDone", true, "kitOperationPhotoRef", "OP-" + operation));
		}
		retrofit(key).hasCompletedElements("task-record-genealogy").hasActiveElements("task-commission-hv-system");
	}

	private void commission(long key, int isolationDcOhmPerV) {
		commission(key, isolationDcOhmPerV, 2300);
	}

	/**
	 * Commissioning values (D4b inputs) and the weighing; the axle shares move by 5
	 * points at most.
	 */
	private void commission(long key, int isolationDcOhmPerV, int totalKg) {
		complete(key, "task-commission-hv-system",
				Map.of("isolationDcOhmPerV", isolationDcOhmPerV, "isolationAcOhmPerV", 900, "bondingOhm", 0.05,
						"hvCablesOrange", true, "obdLampOff", true, "chargeTestAcOk", true, "chargeTestDcOk", true));
		complete(key, "task-weigh-after-conversion",
				Map.of("frontAxleKg", totalKg / 2, "rearAxleKg", totalKg - totalKg / 2, "totalKg", totalKg));
	}

	/**
	 * VEHICLE_RETROFIT with a BEV powertrain: ten retrofit and two HV-vehicle checks in
	 * D12, five of them manual.
	 */
	private void qualityGate(long key, String verdict) {
		long gate = activeChild(key, "quality-gate");
		org.assertj.core.api.Assertions.assertThat(ManualChecks.open(this.client, gate))
			.hasSize(RETROFIT_MANUAL_CHECKS);
		ManualChecks.complete(this.client, gate,
				"REWORK".equals(verdict) ? Map.of("CHARGE_TEST", ManualChecks.nok("MINOR", "CHARGE-FLAP")) : Map.of());
		assertThatProcessInstance(ProcessInstanceSelectors.byKey(gate)).isCompleted()
			.hasVariable("qualityVerdict", verdict);
	}

	/**
	 * The active child instance of the given process (hv-lockout, quality-gate) started
	 * by this retrofit.
	 */
	private long activeChild(long key, String processId) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(key)
					.processDefinitionId(processId)
					.state(ProcessInstanceState.ACTIVE))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getProcessInstanceKey();
	}

	private static Map<String, Object> escalation() {
		return Map.of("escalationAcknowledged", true, "escalationAction", "EXPEDITED", "escalationComment", "chased");
	}

	/**
	 * The work lead chooses the first of the B1L/B2L holders on shift the register
	 * proposed (form retrofit-team-assignment, ADR 0430).
	 */
	private String chooseTeam(long key) {
		String member = ProposedOptions.first(this.client, key, "retrofitTeamCandidates");
		complete(key, "task-choose-retrofit-team",
				Map.of("retrofitTeam", List.of(member), "retrofitTeamComment", "shift A"));
		return member;
	}

	/**
	 * AS-22's Master III N1 diesel, first registered 2017-03-01, 92 kW, ordered by a
	 * fleet customer; the chassis condition is derived from the diagnosis's underbody
	 * result (none here: OK), the conversion date is the MES's.
	 */
	private static Map<String, Object> master() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("vin", PlantInputs.renaultVin());
		variables.put("modelFamily", "MASTER_III");
		variables.put("category", "N1");
		variables.put("powertrain", "ICE_DIESEL");
		variables.put("registeredInFranceDefinitive", true);
		variables.put("collectionRegistration", false);
		variables.put("firstRegistrationDate", "2017-03-01");
		variables.put("originalMaxPowerKw", 92);
		variables.put("senderId", "FLEET-22");
		return variables;
	}

	private long start(Map<String, Object> variables) {
		this.vins.add(variables.get("vin").toString());
		// the work order diagnosis released (mes.releaseWorkOrder) before it called the
		// retrofit
		variables.putIfAbsent("workOrderId", "WO-RETROFIT-" + variables.get("vin"));
		long key = start(PROCESS, variables).getProcessInstanceKey();
		track(key);
		return key;
	}

	private void review(long key, String decision, Map<String, Object> extra) {
		Map<String, Object> review = new HashMap<>();
		review.put("registrationScanChecked", true);
		review.put("firstRegistrationDate", "2017-03-01");
		review.put("chassisCondition", "OK");
		review.put("kitReference", "TOLV-MASTER-E-60");
		review.put("approvalNumber", "FR-RETRO-2024-0117");
		review.put("plannedConversionDate", awaitVariable(key, "plannedConversionDate"));
		review.put("eligibilityDecision", decision);
		review.put("rejectionRoute", "RETURN");
		review.put("eligibilityComment", decision.toLowerCase());
		review.putAll(extra);
		complete(key, "task-review-eligibility", review);
	}

	/**
	 * T7: the kit is late 2 WD after the promised date (supply planners) and 10 WD
	 * (customer service re-plans).
	 */
	private void kitLate(long key) {
		// both deadlines are working days after the supplier's promised date: past the
		// later one, both have fired
		moveClockPastDueDate(key, "kitVeryLateAt");
		complete(key, "task-expedite-kit", Map.of("escalationAcknowledged", true, "escalationAction", "EXPEDITED",
				"escalationComment", "supplier chased"));
		complete(key, "task-replan-conversion-slot", Map.of("customerNotified", true, "plannedConversionDate",
				awaitVariable(key, "plannedConversionDate"), "replanComment", "new slot"));
		retrofit(key).hasCompletedElements("timer-t7-kit-late", "end-kit-expedited", "timer-t7-kit-very-late",
				"end-slot-replanned");
	}

	private void deliver(String purchaseOrder, String batteryPackId) {
		this.packs.add(batteryPackId);
		this.client.newPublishMessageCommand()
			.messageName("KitDelivered")
			.correlationKey(purchaseOrder)
			.variables(Map.of("kitId", "KIT-" + purchaseOrder, "batteryPackId", batteryPackId, "motorSerial", "M-1",
					"inverterSerial", "I-1", "chargerSerial", "C-1", "deliveryNoteRef", "DN-" + purchaseOrder))
			.send()
			.join();
	}

	private static Map<String, Object> pack(String casingDamage) {
		Map<String, Object> pack = new HashMap<>();
		pack.put("casingDamage", casingDamage);
		pack.put("leakOrVent", false);
		pack.put("swelling", false);
		pack.put("smokeOrSmell", false);
		pack.put("surfaceTemperatureC", 21);
		pack.put("ambientTemperatureC", 20);
		pack.put("bmsCommunicating", true);
		return pack;
	}

	/**
	 * A conversion of the van up to its installed kit: powertrain removed, both harvested
	 * parts sent to recycling.
	 */
	private long kitInstalled(String vin) {
		Map<String, Object> variables = master();
		variables.put("vin", vin);
		return kitInstalled(variables);
	}

	private long kitInstalled(Map<String, Object> variables) {
		long key = toConversionWork(variables);
		removePowertrain(key);
		for (int i = 0; i < 2; i++) {
			complete(key, "task-review-part-disposition",
					Map.of("reviewedDisposition", "MATERIAL_RECYCLING", "dispositionComment", "reviewed"));
		}
		installKit(key);
		return key;
	}

	private static ProcessInstanceAssert retrofit(long key) {
		return assertThatProcessInstance(ProcessInstanceSelectors.byKey(key));
	}

	/**
	 * retrofit-managers pick the first BCL holder on shift the register proposed (form
	 * lockout-officer-assignment).
	 */
	private String designateLockoutOfficer(long key) {
		retrofit(key).hasCompletedElements("error-lockout-habilitation-missing", "task-propose-lockout-officers");
		String officer = proposedLockoutOfficer(key);
		complete(key, "task-assign-lockout-officer",
				Map.of("lockoutOfficerId", officer, "habilitationComment", "BCL holder on shift"));
		return officer;
	}

}

package fr.refactory.workers.doc;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.records.AuditLog;
import fr.refactory.records.Certificate;
import fr.refactory.records.Certificates;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.MissingVariableException;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	DocumentWorkers workers;

	@Autowired
	fr.refactory.records.NonConformities nonConformities;

	@Autowired
	Certificates certificates;

	@Autowired
	fr.refactory.plant.doc.DocumentStore documents;

	@Autowired
	AuditLog audit;

	@Autowired
	ObjectMapper json;

	@Autowired
	fr.refactory.workers.supplier.SupplierWorkers supplier;

	@Test
	void aConversionCertificateDeliveredTwiceIsIssuedOnceWithTheDocumentsHash() throws Exception {
		String vin = TestVins.master();
		TestJob job = TestJob.of("doc.generateConversionCertificate", Map.of("vin", vin, "kitManufacturer", "TOLV",
				"kitReference", "TOLV-MASTER-E-60", "approvalNumber", "FR-RETRO-2024-0117"));

		Map<String, Object> first = this.workers.generateConversionCertificate(job);
		Map<String, Object> second = this.workers.generateConversionCertificate(job.again());

		assertThat(second).isEqualTo(first);
		assertThat(first.get("certificateSha256").toString()).matches("[0-9a-f]{64}");
		assertThat(this.certificates.forSubject(vin)).singleElement().satisfies((certificate) -> {
			assertThat(certificate.kind()).isEqualTo("CONVERSION_CERTIFICATE");
			assertThat(certificate.documentSha256()).isEqualTo(first.get("certificateSha256"));
			assertThat(certificate.issuedBy()).isEqualTo("worker:doc.generateConversionCertificate");
		});
		byte[] pdf = this.certificates.document(this.certificates.forSubject(vin).get(0)).orElseThrow().content();
		String pdfSha = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
		assertThat(pdfSha).as("the hash is the stored PDF's").isEqualTo(first.get("certificateSha256"));
		assertThat(this.audit.about(vin)).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("DOCUMENT_GENERATED");
			assertThat(entry.data()).contains(pdfSha);
		});
	}

	/** §3.3 / §5.1: the certificate record holds the Annex II fields, and when the kit manufacturer got its copy. */
	@Test
	void aConversionCertificateRecordsTheFieldsOfTheAnnexIIModel() throws Exception {
		String vin = TestVins.master();
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("vin", vin);
		variables.put("installerName", "Renault Group — The Refactory Flins");
		variables.put("installerAddress", "Usine de Flins, 78410 Flins-sur-Seine, France");
		variables.put("kitManufacturer", "TOLV");
		variables.put("kitReference", "TOLV-MASTER-E-60");
		variables.put("approvalNumber", "FR-RETRO-2024-0117");
		variables.put("batteryPackId", "PACK-1");
		variables.put("motorSerial", "M-1");
		variables.put("inverterSerial", "I-1");
		variables.put("make", "RENAULT");
		variables.put("version", "MASTER III 2.3 dCi");
		variables.put("firstRegistrationDate", "2017-03-01");
		variables.put("totalKg", 2350);
		variables.put("gvwrKg", 3500);

		Map<String, Object> issued = this.workers
			.generateConversionCertificate(TestJob.of("doc.generateConversionCertificate", variables));
		this.supplier.sendCertificateCopy(TestJob.of("supplier.sendCertificateCopy", Map.of("vin", vin,
				"certificateId", issued.get("certificateId"), "certificateSha256", issued.get("certificateSha256"))));

		Certificate certificate = this.certificates.forSubject(vin).get(0);
		JsonNode content = this.json.readTree(certificate.content());
		assertThat(certificate.number()).isEqualTo(issued.get("certificateId"));
		assertThat(content.path("installerName").asText()).isEqualTo("Renault Group — The Refactory Flins");
		assertThat(content.path("installerAddress").asText()).contains("Flins-sur-Seine");
		assertThat(content.path("kitManufacturer").asText()).isEqualTo("TOLV");
		assertThat(content.path("kitType").asText()).isEqualTo("TOLV-MASTER-E-60");
		assertThat(content.path("approvalNumber").asText()).isEqualTo("FR-RETRO-2024-0117");
		assertThat(content.path("componentIds").path("battery").asText()).isEqualTo("PACK-1");
		assertThat(content.path("componentIds").path("motor").asText()).isEqualTo("M-1");
		assertThat(content.path("componentIds").path("inverter").asText()).isEqualTo("I-1");
		assertThat(content.path("componentIds").path("charger").isNull()).as("a charger not scanned is null").isTrue();
		assertThat(content.path("vehicleMake").asText()).isEqualTo("RENAULT");
		assertThat(content.path("vehicleType").asText()).isEqualTo("MASTER III 2.3 dCi");
		assertThat(content.path("firstRegistrationYear").asInt()).isEqualTo(2017);
		assertThat(content.path("vin").asText()).isEqualTo(vin);
		assertThat(content.path("massInRunningOrderKg").asDouble()).isEqualTo(2350.0);
		assertThat(content.path("maxPermissibleLadenMassKg").asDouble()).isEqualTo(3500.0);
		assertThat(content.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(content.path("signer").asText()).isEqualTo("Renault Group — The Refactory Flins");
		assertThat(this.certificates.copySent(certificate)).hasValueSatisfying(
				(copy) -> assertThat(copy.receiptId()).isNotBlank());
	}

	/**
	 * §3.3 step 3.19, ADR 0912: the customer information pack is a PDF with the Annex IV statement computed from the
	 * van's mileage (baseline form: 120,000 km; ERP: first registered 2017-03-01), the kit (52 kWh, 26 kWh/100 km) and
	 * the master data's factors, the kit's warranty terms and the HV safety notice.
	 */
	@Test
	void aHandoverPackPrintsTheComputedGhgStatementTheWarrantyTermsAndTheHvSafetyNotice() throws Exception {
		String vin = TestVins.master();
		Map<String, Object> variables = new java.util.HashMap<>(this.supplier.getKitApproval(
				TestJob.of("supplier.getKitApproval", Map.of("vin", vin, "modelFamily", "MASTER_III"))));
		variables.put("vin", vin);
		variables.put("certificateId", "DOC-CERT-" + vin);
		variables.put("odometerKm", 120_000);
		variables.put("firstRegistrationDate", "2017-03-01");

		Map<String, Object> pack = this.workers.generateHandoverPack(TestJob.of("doc.generateHandoverPack", variables));

		fr.refactory.records.Certificate record = this.certificates.forSubject(vin).get(0);
		assertThat(record.kind()).isEqualTo("HANDOVER_PACK");
		assertThat(record.number()).isEqualTo(pack.get("handoverPackId"));
		JsonNode ghg = this.json.readTree(record.content()).path("ghgStatement");
		long yearlyKm = ghg.path("yearlyKm").asLong();
		assertThat(yearlyKm).as("120,000 km over the van's 9 to 11 years").isBetween(10_900L, 13_400L);
		assertThat(ghg.path("years").asInt()).isEqualTo(10);
		// 52 kWh at 75 kg CO2e per kWh of pack (IVL 2019)
		assertThat(ghg.path("batteryKgCo2e").asInt()).isEqualTo(3_900);
		// 10 years of the van's km at 9 L/100 km and 3.16 kg CO2e per litre of diesel (ADEME)
		assertThat(ghg.path("dieselKgCo2e").asDouble()).isCloseTo(yearlyKm * 10 / 100.0 * 9.0 * 3.16,
				org.assertj.core.data.Offset.offset(1.0));
		assertThat(ghg.path("avoidedKgCo2e").asInt()).isEqualTo(ghg.path("dieselKgCo2e").asInt()
				- ghg.path("electricityKgCo2e").asInt() - 3_900).isPositive();
		assertThat(((Number) pack.get("ghgAvoidedKgCo2e")).intValue()).isEqualTo(ghg.path("avoidedKgCo2e").asInt());

		byte[] pdf = this.certificates.document(record).orElseThrow().content();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
				.contains("annexe IV", "Émissions évitées sur 10 ans (kg CO2e) : " + ghg.path("avoidedKgCo2e").asInt())
				.contains("Dispositif de conversion : 24 mois, kilométrage illimité")
				.contains("Batterie de traction : 48 mois, 150000 km")
				.contains("câbles orange", "NF C18-550");
		}
	}

	@Test
	void aHandoverPackWithoutTheKitsWarrantyTermsIsNotIssued() {
		TestJob job = TestJob.of("doc.generateHandoverPack", Map.of("vin", TestVins.master(), "odometerKm", 120_000,
				"firstRegistrationDate", "2017-03-01", "kitBatteryKwh", 52.0, "kitConsumptionKwhPer100Km", 26.0));

		assertThatThrownBy(() -> this.workers.generateHandoverPack(job)).isInstanceOf(MissingVariableException.class)
			.hasMessageContaining("warrantyTerms");
	}

	@Test
	void aHandoverPackWithoutTheVansMileageIsNotIssued() {
		TestJob job = TestJob.of("doc.generateHandoverPack", Map.of("vin", TestVins.master(),
				"firstRegistrationDate", "2017-03-01", "kitBatteryKwh", 52.0, "kitConsumptionKwhPer100Km", 26.0));

		assertThatThrownBy(() -> this.workers.generateHandoverPack(job)).isInstanceOf(MissingVariableException.class)
			.hasMessageContaining("odometerKm");
	}

	@Test
	void qualityRecordAndCertificateOfDestructionAreIssued() {
		String vin = TestVins.master();
		this.workers.generateQualityRecord(TestJob.of("doc.generateQualityRecord",
				Map.of("subjectType", "VEHICLE_RENEW", "subjectKey", vin, "qualityVerdict", "PASS")));
		this.workers.generateCoD(TestJob.of("doc.generateCoD", Map.of("vin", vin, "codNumber", "COD-" + vin)));

		assertThat(this.certificates.forSubject(vin)).extracting((c) -> c.kind() + ":" + c.number())
			.contains("CERTIFICATE_OF_DESTRUCTION:COD-" + vin)
			.anySatisfy((text) -> assertThat(text).startsWith("QUALITY_RECORD:"));
	}

	/** AS-62: an item released under a customer concession: its gate's nonconformities are disposed CONCESSION. */
	@Test
	void aQualityRecordUnderConcessionDisposesTheNonConformitiesWithTheCustomersReference() {
		String vin = TestVins.master();
		String key = "nc:" + vin;
		this.nonConformities.raise(new fr.refactory.records.NonConformity(
				java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), vin, null,
				"QUALITY_GATE:VEHICLE_RENEW", "PAINT-RUN", "MINOR", 1, null, null, null, null, null,
				java.time.Instant.now(), key, null));
		TestJob job = TestJob.of("doc.generateQualityRecord", Map.of("subjectType", "VEHICLE_RENEW", "subjectKey", vin,
				"qualityVerdict", "CONCESSION", "concessionGranted", true, "concessionId", "CONC-1",
				"customerApprover", "Fleet manager", "customerAuthorisationRef", "AUTH-" + vin));
		this.workers.generateQualityRecord(job);
		this.workers.generateQualityRecord(job.again());

		assertThat(this.nonConformities.forSubject(vin)).singleElement().satisfies((nc) -> {
			assertThat(nc.disposition()).isEqualTo("CONCESSION");
			assertThat(nc.dispositionDate()).isNotNull();
			assertThat(nc.customerConcessionRef()).isEqualTo("AUTH-" + vin);
			assertThat(nc.approvedBy()).isEqualTo("Fleet manager");
		});
	}

	/** The checklist form's voltage tester (field voltageMeterId) is on the lockout certificate (L.3, Q3). */
	@Test
	void theLockoutCertificateNamesTheVoltageTesterTheOfficerUsed() {
		String vin = TestVins.master();
		Map<String, Object> lockout = Map.of("subjectKey", vin, "subjectType", "VEHICLE", "lockoutOfficerId",
				"lockout-officer", "lockoutCertificateNumber", "LOTO-" + vin);
		String withTesterSeven = shaOfLockoutCertificate(lockout, "VAT-7");
		String withTesterNine = shaOfLockoutCertificate(lockout, "VAT-9");

		assertThat(withTesterSeven).as("the certificate's content depends on the tester used").isNotEqualTo(withTesterNine);
	}

	private String shaOfLockoutCertificate(Map<String, Object> lockout, String voltageMeterId) {
		Map<String, Object> variables = new java.util.HashMap<>(lockout);
		variables.put("voltageMeterId", voltageMeterId);
		String documentId = (String) this.workers
			.generateLockoutCertificate(TestJob.of("doc.generateLockoutCertificate", variables))
			.get("lockoutCertificateId");
		return this.documents.find(documentId).orElseThrow().sha256();
	}

	@Test
	void otherDocumentsAreGeneratedAndAudited() {
		String vin = TestVins.master();
		assertThat(this.workers.generateLockoutCertificate(TestJob.of("doc.generateLockoutCertificate",
				Map.of("subjectKey", vin, "subjectType", "VEHICLE")).header("action", "UNLOCK")))
			.containsKey("lockoutCertificateId");
		assertThat(this.workers.sendDocumentReminder(TestJob.of("doc.sendDocumentReminder", Map.of("vin", vin))))
			.containsKey("reminderDocumentId");
		assertThat(this.workers.sendSatisfactionSurvey(TestJob.of("doc.sendSatisfactionSurvey", Map.of("vin", vin))))
			.containsKey("surveyDocumentId");

		assertThat(this.audit.about(vin)).hasSize(3).allSatisfy((entry) -> assertThat(entry.data()).contains("sha256"));
		assertThat(this.certificates.forSubject(vin)).isEmpty();
	}

}

package fr.refactory.workers.doc;

import java.util.Map;

import fr.refactory.records.AuditLog;
import fr.refactory.records.Certificates;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	DocumentWorkers workers;

	@Autowired
	Certificates certificates;

	@Autowired
	AuditLog audit;

	@Test
	void aConversionCertificateDeliveredTwiceIsIssuedOnceWithTheDocumentsHash() {
		String vin = TestVins.master();
		TestJob job = TestJob.of("doc.generateConversionCertificate",
				Map.of("vin", vin, "kitManufacturer", "TOLV", "approvalNumber", "FR-RETRO-2024-0117"));

		Map<String, Object> first = this.workers.generateConversionCertificate(job);
		Map<String, Object> second = this.workers.generateConversionCertificate(job.again());

		assertThat(second).isEqualTo(first);
		assertThat(first.get("certificateSha256").toString()).matches("[0-9a-f]{64}");
		assertThat(this.certificates.forSubject(vin)).singleElement().satisfies((certificate) -> {
			assertThat(certificate.kind()).isEqualTo("CONVERSION_CERTIFICATE");
			assertThat(certificate.documentSha256()).isEqualTo(first.get("certificateSha256"));
			assertThat(certificate.issuedBy()).isEqualTo("worker:doc.generateConversionCertificate");
		});
		assertThat(this.audit.about(vin)).singleElement()
			.satisfies((entry) -> assertThat(entry.action()).isEqualTo("DOCUMENT_GENERATED"));
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

	@Test
	void otherDocumentsAreGeneratedAndAudited() {
		String vin = TestVins.master();
		assertThat(this.workers.generateHandoverPack(TestJob.of("doc.generateHandoverPack", Map.of("vin", vin))))
			.containsKey("handoverPackId");
		assertThat(this.workers.generateLockoutCertificate(TestJob.of("doc.generateLockoutCertificate",
				Map.of("subjectKey", vin, "subjectType", "VEHICLE")).header("action", "UNLOCK")))
			.containsKey("lockoutCertificateId");
		assertThat(this.workers.sendDocumentReminder(TestJob.of("doc.sendDocumentReminder", Map.of("vin", vin))))
			.containsKey("reminderDocumentId");
		assertThat(this.workers.sendSatisfactionSurvey(TestJob.of("doc.sendSatisfactionSurvey", Map.of("vin", vin))))
			.containsKey("surveyDocumentId");

		assertThat(this.audit.about(vin)).hasSize(4).allSatisfy((entry) -> assertThat(entry.data()).contains("sha256"));
		assertThat(this.certificates.forSubject(vin)).isEmpty();
	}

}

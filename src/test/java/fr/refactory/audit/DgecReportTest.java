package fr.refactory.audit;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import fr.refactory.records.Certificates;
import fr.refactory.records.PlantCalendars;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.workers.doc.DocumentWorkers;
import fr.refactory.workers.hrcomp.CompetencyWorkers;
import fr.refactory.workers.supplier.SupplierWorkers;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit manufacturer's yearly DGEC report (ADR 0911): two Masters converted this year
 * with TOLV's kit, each through the workers the retrofit calls (the supplier's kit
 * approval, the competency register's installer authorisation, the certificate and its
 * copy to the manufacturer), are counted in the CSV and the PDF of that year.
 */
class DgecReportTest extends RefactoryIntegrationTest {

	@Autowired
	SupplierWorkers supplier;

	@Autowired
	CompetencyWorkers competencies;

	@Autowired
	DocumentWorkers documents;

	@Autowired
	Certificates certificates;

	@Autowired
	PlantCalendars calendars;

	@Test
	void theExportOfTheYearCountsItsConversionsInCsvAndPdf() throws Exception {
		String first = TestVins.master();
		String second = TestVins.master();
		String installer = convert(first);
		convert(second);
		int year = year(first);
		WebSession auditor = WebSession.signedIn("http://localhost:" + PORT, "auditor");

		String csv = auditor.get("/audit/dgec.csv?kitManufacturer=TOLV&year=" + year).body();

		long listed = csv.lines().filter((line) -> line.matches("^\"[^\"]+\",\"[A-Z0-9]{17}\",.*")).count();
		assertThat(csv).contains(first, second, "summary,year,\"" + year + "\"")
			.contains("summary,conversions,\"" + listed + "\"")
			.contains("installer,name,\"" + installer + "\"")
			.containsPattern("summary,authorisationChecks,\"[1-9]\\d*\"");
		assertThat(listed).isGreaterThanOrEqualTo(2);
		assertThat(auditor.get("/audit/dgec.csv?kitManufacturer=NOBODY&year=" + year).body())
			.contains("summary,conversions,\"0\"")
			.doesNotContain(first);

		HttpResponse<byte[]> pdf = auditor.getBytes("/audit/dgec.pdf?kitManufacturer=TOLV&year=" + year);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains(first, second, "TOLV",
					"Conversions : " + listed);
		}
		assertThat(auditor.get("/audit/dgec?kitManufacturer=TOLV&year=" + year).body()).contains(first, second);
	}

	@Test
	void aYearThatIsNoYearIsRefusedNamingTheField() {
		WebSession auditor = WebSession.signedIn("http://localhost:" + PORT, "auditor");

		HttpResponse<String> response = auditor.get("/audit/dgec.csv?kitManufacturer=TOLV&year=20x6");

		assertThat(response.statusCode()).isEqualTo(400);
	}

	/**
	 * The workers of the retrofit's eligibility, certificate and copy steps for one van;
	 * the installer's name.
	 */
	private String convert(String vin) {
		Map<String, Object> kit = this.supplier
			.getKitApproval(TestJob.of("supplier.getKitApproval", Map.of("vin", vin, "modelFamily", "MASTER_III")));
		Map<String, Object> authorisation = this.competencies.checkInstallerAuthorisation(
				TestJob.of("hrcomp.checkInstallerAuthorisation", Map.of("vin", vin, "modelFamily", "MASTER_III")));
		Map<String, Object> variables = new HashMap<>(kit);
		variables.putAll(authorisation);
		variables.put("vin", vin);
		Map<String, Object> issued = this.documents
			.generateConversionCertificate(TestJob.of("doc.generateConversionCertificate", variables));
		this.supplier.sendCertificateCopy(TestJob.of("supplier.sendCertificateCopy", Map.of("vin", vin, "certificateId",
				issued.get("certificateId"), "certificateSha256", issued.get("certificateSha256"))));
		return authorisation.get("installerName").toString();
	}

	/**
	 * The plant year the certificate was issued in (the plant clock may have been moved
	 * by other tests).
	 */
	private int year(String vin) {
		Instant issuedAt = this.certificates.forSubject(vin).get(0).issuedAt();
		return issuedAt.atZone(this.calendars.zone()).getYear();
	}

}

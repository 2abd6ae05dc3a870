package fr.refactory.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import fr.refactory.records.DgecReport;
import fr.refactory.records.PlantTime;
import fr.refactory.records.RetrofitReports;
import fr.refactory.system.pdf.SimplePdf;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The kit manufacturer's yearly DGEC report (arrêté of 13 March 2020, ADR 0911) as a
 * page, a CSV and a PDF: the conversions the Refactory certified with its kits, the
 * authorised installers and the authorisation checks.
 */
@Controller
class DgecReportController {

	/** The arrêté came into force in 2020: no retrofit report before. */
	private static final int FIRST_YEAR = 2020;

	private static final int LAST_YEAR = 9999;

	private final RetrofitReports reports;

	private final PlantTime plantTime;

	private final MessageSource messages;

	DgecReportController(RetrofitReports reports, PlantTime plantTime, MessageSource messages) {
		this.reports = reports;
		this.plantTime = plantTime;
		this.messages = messages;
	}

	@GetMapping("/audit/dgec")
	String page(@RequestParam(required = false) String kitManufacturer, @RequestParam(required = false) String year,
			Model model) {
		int reportYear = year(year);
		model.addAttribute("report", this.reports.dgec(kitManufacturer(kitManufacturer), reportYear));
		return "audit/dgec";
	}

	@GetMapping(path = "/audit/dgec.csv", produces = "text/csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String kitManufacturer,
			@RequestParam(required = false) String year) {
		DgecReport report = this.reports.dgec(kitManufacturer(kitManufacturer), year(year));
		StringBuilder csv = new StringBuilder();
		csv.append("section,key,value\n");
		line(csv, "summary", "kitManufacturer", report.kitManufacturer());
		line(csv, "summary", "year", Integer.toString(report.year()));
		line(csv, "summary", "conversions", Integer.toString(report.conversionCount()));
		line(csv, "summary", "authorisedInstallers", Integer.toString(report.authorisedInstallers().size()));
		line(csv, "summary", "authorisationChecks", Integer.toString(report.authorisationChecks()));
		line(csv, "summary", "authorisationChecksFailed", Integer.toString(report.authorisationChecksFailed()));
		line(csv, "summary", "satisfactionSurveysSent", Integer.toString(report.surveysSent()));
		report.authorisedInstallers().forEach((installer) -> line(csv, "installer", "name", installer));
		csv.append("\ncertificateNumber,vin,issuedAt,installerName,kitType,approvalNumber,copySentAt\n");
		report.conversions()
			.forEach((conversion) -> csv.append(String.join(",", AuditLogController.csv(conversion.certificateNumber()),
					AuditLogController.csv(conversion.vin()), instant(conversion.issuedAt()),
					AuditLogController.csv(conversion.installerName()), AuditLogController.csv(conversion.kitType()),
					AuditLogController.csv(conversion.approvalNumber()), instant(conversion.copySentAt())))
				.append('\n'));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + fileName(report, "csv"))
			.contentType(new MediaType("text", "csv"))
			.body(csv.toString());
	}

	@GetMapping(path = "/audit/dgec.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String kitManufacturer,
			@RequestParam(required = false) String year) {
		DgecReport report = this.reports.dgec(kitManufacturer(kitManufacturer), year(year));
		SimplePdf pdf = new SimplePdf(text("dgec.title", report.kitManufacturer(), report.year()))
			.field(text("dgec.conversions"), report.conversionCount())
			.field(text("dgec.authorised-installers"), report.authorisedInstallers().size())
			.field(text("dgec.checks"), report.authorisationChecks())
			.field(text("dgec.checks-failed"), report.authorisationChecksFailed())
			.field(text("dgec.surveys"), report.surveysSent())
			.text(text("dgec.installers") + " : " + String.join(", ", report.authorisedInstallers()))
			.text(text("dgec.conversion-list"));
		report.conversions()
			.forEach((conversion) -> pdf.text(String.join(" | ", conversion.certificateNumber(), conversion.vin(),
					this.plantTime.format(conversion.issuedAt()), String.valueOf(conversion.installerName()),
					String.valueOf(conversion.kitType()), String.valueOf(conversion.approvalNumber()))));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + fileName(report, "pdf"))
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.render());
	}

	/**
	 * The one asked, else the Refactory's current kit manufacturer from its records (ADR
	 * 0921); with neither, the caller must name one.
	 */
	private String kitManufacturer(String asked) {
		if (asked != null && !asked.isBlank()) {
			return asked.strip();
		}
		return this.reports.currentKitManufacturer()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"kitManufacturer: no installer authorisation is recorded yet, so name the kit manufacturer"));
	}

	/**
	 * The plant's current year unless asked; a year that is no number, or before the
	 * arrêté, is the caller's error.
	 */
	private int year(String year) {
		if (year == null || year.isBlank()) {
			return LocalDate.now(this.plantTime.zone()).getYear();
		}
		try {
			int asked = Integer.parseInt(year.strip());
			if (asked >= FIRST_YEAR && asked <= LAST_YEAR) {
				return asked;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, as an out-of-range year
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"year: expected a year from " + FIRST_YEAR + ", but got '" + year + "'");
	}

	private String text(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, arguments, locale);
	}

	private static void line(StringBuilder csv, String section, String key, String value) {
		csv.append(section).append(',').append(key).append(',').append(AuditLogController.csv(value)).append('\n');
	}

	private static String instant(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private static String fileName(DgecReport report, String extension) {
		return "dgec-" + report.kitManufacturer().replaceAll("[^A-Za-z0-9-]", "_") + "-" + report.year() + "."
				+ extension;
	}

}

package fr.refactory.records;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly DGEC report of a kit manufacturer, read from certificates and the audit log
 * (ADR 0911).
 */
@Component
public class RetrofitReports {

	static final String CONVERSION_CERTIFICATE = "CONVERSION_CERTIFICATE";

	private final Certificates certificates;

	private final AuditLog auditLog;

	private final PlantCalendars calendars;

	private final ObjectMapper json;

	private final InstallerAuthorisations authorisations;

	RetrofitReports(Certificates certificates, AuditLog auditLog, PlantCalendars calendars, ObjectMapper json,
			InstallerAuthorisations authorisations) {
		this.authorisations = authorisations;
		this.certificates = certificates;
		this.auditLog = auditLog;
		this.calendars = calendars;
		this.json = json;
	}

	/**
	 * The kit manufacturer whose report the Refactory hands in (ADR 0921): the one of the
	 * installer authorisation recorded last (ADR 0920), else the one HR-COMP named in the
	 * latest authorisation check; none before either exists.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<String> currentKitManufacturer() {
		return this.authorisations.latestKitManufacturer()
			.or(() -> this.auditLog.withAction("INSTALLER_AUTHORISATION_CHECKED")
				.stream()
				.map((entry) -> read(entry.data()).path("kitManufacturer").asText(""))
				.filter((manufacturer) -> !manufacturer.isBlank())
				.reduce((first, second) -> second));
	}

	/** The calendar year in the plant's zone. */
	@Transactional(readOnly = true)
	public DgecReport dgec(String kitManufacturer, int year) {
		ZoneId zone = this.calendars.zone();
		Instant from = java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
		Instant to = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
		List<DgecReport.Conversion> conversions = this.certificates.issued(CONVERSION_CERTIFICATE, from, to)
			.stream()
			.filter((certificate) -> kitManufacturer
				.equals(read(certificate.content()).path("kitManufacturer").asText()))
			.map(this::conversion)
			.toList();
		List<JsonNode> checks = this.auditLog.withAction("INSTALLER_AUTHORISATION_CHECKED")
			.stream()
			.filter((entry) -> !entry.recordedAt().isBefore(from) && entry.recordedAt().isBefore(to))
			.map((entry) -> read(entry.data()))
			.filter((data) -> kitManufacturer.equals(data.path("kitManufacturer").asText()))
			.toList();
		TreeSet<String> authorised = new TreeSet<>();
		checks.stream()
			.filter((data) -> data.path("valid").asBoolean())
			.map((data) -> data.path("installerName").asText(data.path("installer").asText()))
			.forEach(authorised::add);
		int failed = (int) checks.stream().filter((data) -> !data.path("valid").asBoolean()).count();
		Set<String> converted = conversions.stream()
			.map(DgecReport.Conversion::vin)
			.collect(java.util.stream.Collectors.toSet());
		int surveys = (int) this.auditLog.withAction("DOCUMENT_GENERATED")
			.stream()
			.filter((entry) -> !entry.recordedAt().isBefore(from) && entry.recordedAt().isBefore(to))
			.filter((entry) -> converted.contains(entry.subjectKey()))
			.filter((entry) -> "SATISFACTION_SURVEY".equals(read(entry.data()).path("template").asText()))
			.count();
		return new DgecReport(kitManufacturer, year, conversions, List.copyOf(authorised), checks.size(), failed,
				surveys);
	}

	private DgecReport.Conversion conversion(Certificate certificate) {
		JsonNode content = read(certificate.content());
		Instant copySentAt = this.certificates.copySent(certificate).map(CertificateCopySent::sentAt).orElse(null);
		return new DgecReport.Conversion(certificate.number(), certificate.subjectKey(), certificate.issuedAt(),
				text(content, "installerName"), text(content, "kitType"), text(content, "approvalNumber"), copySentAt);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asText();
	}

	private JsonNode read(String content) {
		try {
			return this.json.readTree(Objects.requireNonNullElse(content, "{}"));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Expected a stored certificate or audit entry to be JSON", ex);
		}
	}

}

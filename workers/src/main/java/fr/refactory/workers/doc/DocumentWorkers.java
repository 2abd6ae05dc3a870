package fr.refactory.workers.doc;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.plant.doc.DocumentRequest;
import fr.refactory.plant.doc.DocumentStore;
import fr.refactory.plant.doc.GeneratedDocument;
import fr.refactory.records.Certificate;
import fr.refactory.records.Certificates;
import fr.refactory.records.RegulatoryParameters;
import fr.refactory.records.WorkOrders;
import fr.refactory.workers.quality.GateDispositions;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.MissingVariableException;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Header;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.DATE;
import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/**
 * The document workers ({@code doc.*}): PDFs stored immutably with their SHA-256. Certificates (conversion, quality
 * record, destruction) are also issued in the records, once per job.
 */
@Component
public class DocumentWorkers {

	/** The HV safety notice of the customer information pack: the pack's template prints its text. */
	static final String HV_SAFETY_NOTICE = "HV_SAFETY_NOTICE_LCV_RETROFIT";

	private final DocumentStore store;

	private final Certificates certificates;

	private final WorkOrders workOrders;

	private final WorkerRecords records;

	private final ObjectMapper json;

	private final GateDispositions dispositions;

	private final RegulatoryParameters parameters;

	DocumentWorkers(DocumentStore store, Certificates certificates, WorkOrders workOrders, WorkerRecords records,
			ObjectMapper json, GateDispositions dispositions, RegulatoryParameters parameters) {
		this.dispositions = dispositions;
		this.parameters = parameters;
		this.store = store;
		this.certificates = certificates;
		this.workOrders = workOrders;
		this.records = records;
		// a certificate shows a field it lacks as null, for the auditor, where the application's JSON leaves nulls out
		this.json = json.copy().setDefaultPropertyInclusion(JsonInclude.Value.construct(Include.ALWAYS, Include.ALWAYS));
	}

	/**
	 * 3.18: the conversion certificate with the fields of the arrêté's Annex II model (brief §3.3, §5.1): installer
	 * name and address, kit manufacturer, kit type and approval number, component ids, vehicle make and type, year of
	 * first registration, VIN, mass in running order (weighed after conversion, 3.14), maximum technically
	 * permissible laden mass, date and signer. When the kit manufacturer got its copy is recorded beside it.
	 */
	@JobWorker(type = "doc.generateConversionCertificate")
	@JobContract(name = "Documents: generate conversion certificate",
			description = "3.18: the conversion certificate with the fields of the arrêté's Annex II model (brief §3.3, §5.1): installer name and address, kit manufacturer, kit type and approval number, component ids, vehicle make and type, year of first registration, VIN, mass in running order (weighed after conversion, 3.14), maximum technically permissible laden mass, date and signer. When the kit manufacturer got its copy is recorded beside it.",
			inputs = { @Var(name = "installerName", description = "Installer name"),
					@Var(name = "installerAddress", description = "Installer's workshop address as the authorisation states it"),
					@Var(name = "kitManufacturer", description = "Kit manufacturer", required = true),
					@Var(name = "kitReference", description = "Kit reference", required = true),
					@Var(name = "approvalNumber", description = "Approval number", required = true),
					@Var(name = "make", description = "Make"),
					@Var(name = "version", description = "Version"),
					@Var(name = "modelFamily", description = "Model family"),
					@Var(name = "cnit", description = "Type code (CNIT, registration D.2.1)"),
					@Var(name = "category", description = "Vehicle category (registration J)"),
					@Var(name = "massInRunningOrderKg", type = NUMBER, description = "Mass in running order before the conversion (kg)"),
					@Var(name = "kitMotorPowerKw", type = NUMBER, description = "Kit motor's maximum net power (kW)"),
					@Var(name = "firstRegistrationDate", type = DATE, description = "First registration date"),
					@Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "totalKg", type = NUMBER, description = "Total (kg)"),
					@Var(name = "gvwrKg", type = NUMBER, description = "Gross vehicle weight rating (kg)"),
					@Var(name = "batteryPackId", description = "Battery pack id"),
					@Var(name = "motorSerial", description = "Motor serial"),
					@Var(name = "inverterSerial", description = "Inverter serial"),
					@Var(name = "chargerSerial", description = "Charger serial") },
			outputs = { @Var(name = "certificateId", description = "Certificate id"),
					@Var(name = "certificateSha256", description = "Certificate SHA-256") })
	public Map<String, Object> generateConversionCertificate(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("installerName", vars.text("installerName"));
		fields.put("installerAddress", vars.text("installerAddress"));
		fields.put("kitManufacturer", vars.requireText("kitManufacturer"));
		fields.put("kitType", vars.requireText("kitReference"));
		fields.put("approvalNumber", vars.requireText("approvalNumber"));
		fields.put("componentIds", components(vars));
		fields.put("vehicleMake", vars.text("make"));
		fields.put("vehicleType", vars.text("version", "modelFamily"));
		fields.put("cnit", vars.text("cnit"));
		fields.put("category", vars.text("category"));
		LocalDate firstRegistration = vars.date("firstRegistrationDate");
		fields.put("firstRegistrationYear", (firstRegistration != null) ? firstRegistration.getYear() : null);
		fields.put("vin", vars.requireText("vin"));
		fields.put("originalMassInRunningOrderKg", vars.decimal("massInRunningOrderKg"));
		fields.put("massInRunningOrderKg", vars.decimal("totalKg"));
		fields.put("maxPermissibleLadenMassKg", vars.decimal("gvwrKg"));
		fields.put("motorPowerKw", vars.decimal("kitMotorPowerKw"));
		fields.put("energyAfterConversion", AnnexIICertificate.ELECTRIC);
		fields.put("date", LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC).toString());
		// the certificate is signed by the installer (brief §2); which person signs for it is brief §9 question 9
		fields.put("signer", vars.text("installerName"));
		Certificate issued = generatePdf(job, vars, "CONVERSION_CERTIFICATE", fields,
				(number) -> AnnexIICertificate.pdf(number, fields));
		return Map.of("certificateId", issued.number(), "certificateSha256", issued.documentSha256());
	}

	/**
	 * Generates the document in the store (its id is the certificate's number), renders the Refactory's own PDF of
	 * it, issues the certificate with that PDF and writes the PDF's SHA-256 to the audit log (ADR 0910). A job
	 * delivered again answers with the first delivery's certificate and hash.
	 */
	private Certificate generatePdf(ActivatedJob job, Vars vars, String kind, Map<String, Object> fields,
			java.util.function.Function<String, byte[]> renderer) {
		Vars.Subject subject = vars.subject();
		GeneratedDocument document = JobOutcome.call(job,
				() -> this.store.generate(JobOutcome.key(job), new DocumentRequest(kind, subject.key(), printed(fields))));
		byte[] pdf = renderer.apply(document.documentId());
		Certificate issued = issue(job, vars, kind, document.documentId(), document, fields, pdf);
		this.records.audit(job, "DOCUMENT_GENERATED", subject.type(), subject.key(),
				WorkerRecords.data("template", kind, "documentId", document.documentId(), "sha256",
						issued.documentSha256(), "mediaType", fr.refactory.records.CertificateDocument.PDF, "uri",
						String.valueOf(document.uri())));
		return issued;
	}

	/** The ids of the kit's main components as delivered (3.5) and scanned. */
	private static Map<String, Object> components(Vars vars) {
		Map<String, Object> components = new LinkedHashMap<>();
		components.put("battery", vars.text("batteryPackId"));
		components.put("motor", vars.text("motorSerial"));
		components.put("inverter", vars.text("inverterSerial"));
		components.put("charger", vars.text("chargerSerial"));
		return components;
	}

	/**
	 * 5.6a: the quality record of a released item; released under a customer concession, the gate's
	 * nonconformities are disposed CONCESSION (AS-62).
	 */
	@JobWorker(type = "doc.generateQualityRecord")
	@JobContract(name = "Documents: generate quality record",
			description = "5.6a: the quality record of a released item; released under a customer concession, the gate's nonconformities are disposed CONCESSION (AS-62).",
			inputs = { @Var(name = "qualityVerdict", description = "Quality verdict") },
			outputs = { @Var(name = "qualityRecordId", description = "Quality record id") })
	public Map<String, Object> generateQualityRecord(ActivatedJob job) {
		Vars vars = Vars.of(job);
		if (GateDispositions.CONCESSION.equals(vars.text("qualityVerdict"))) {
			this.dispositions.dispose(job, GateDispositions.CONCESSION);
		}
		GeneratedDocument document = generate(job, vars, "QUALITY_RECORD",
				data(vars, "subjectType", "subjectKey", "controlPlanId", "qualityVerdict", "reworkCount"));
		issue(job, vars, "QUALITY_RECORD", document.documentId(), document);
		return Map.of("qualityRecordId", document.documentId());
	}

	/** 7.10: the certificate of destruction with the CoD number issued by {@code reg.issueCoD}. */
	@JobWorker(type = "doc.generateCoD")
	@JobContract(name = "Documents: generate co d",
			description = "7.10: the certificate of destruction with the CoD number issued by reg.issueCoD.",
			inputs = { @Var(name = "codNumber", description = "Certificate of destruction number") },
			outputs = { @Var(name = "codDocumentId", description = "Document id of the certificate of destruction") })
	public Map<String, Object> generateCoD(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "CERTIFICATE_OF_DESTRUCTION",
				data(vars, "vin", "codNumber", "codIssuedAt", "destructionDate", "takeOverReceiptNumber"));
		issue(job, vars, "CERTIFICATE_OF_DESTRUCTION", vars.textOr(document.documentId(), "codNumber"), document);
		return Map.of("codDocumentId", document.documentId());
	}

	/**
	 * 3.19: the customer information pack as a PDF: the Annex IV statement of the greenhouse-gas emissions the
	 * conversion avoids, computed from the van's mileage, the kit and the documented factors of the master data (ADR
	 * 0912), the warranty terms of the kit and of the traction battery, and the HV safety notice; issued once as a
	 * record beside the conversion certificate it refers to.
	 */
	@JobWorker(type = "doc.generateHandoverPack")
	@JobContract(name = "Documents: generate handover pack",
			description = "3.19: the customer information pack as a PDF: the Annex IV statement of the greenhouse-gas emissions the conversion avoids, computed from the van's mileage, the kit and the documented factors of the master data (ADR 0912), the warranty terms of the kit and of the traction battery, and the HV safety notice; issued once as a record beside the conversion certificate it refers to.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "certificateId", description = "Certificate id"),
					@Var(name = "odometerKm", type = NUMBER, description = "Odometer at the baseline measurements (km)", required = true),
					@Var(name = "firstRegistrationDate", type = DATE, description = "First registration date", required = true),
					@Var(name = "kitBatteryKwh", type = NUMBER, description = "Kit traction battery capacity (kWh)", required = true),
					@Var(name = "kitConsumptionKwhPer100Km", type = NUMBER, description = "Converted van's consumption (kWh per 100 km)", required = true) },
			outputs = { @Var(name = "handoverPackId", description = "Customer information pack id"),
					@Var(name = "ghgAvoidedKgCo2e", type = NUMBER, description = "Annex IV: greenhouse-gas emissions avoided over the statement's years (kg CO2e)") })
	public Map<String, Object> generateHandoverPack(ActivatedJob job) {
		Vars vars = Vars.of(job);
		LocalDate today = LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC);
		GhgStatement ghg = GhgStatement.compute(this.parameters, number(vars, "odometerKm").intValue(),
				requiredDate(vars, "firstRegistrationDate"), today, number(vars, "kitBatteryKwh").doubleValue(),
				number(vars, "kitConsumptionKwhPer100Km").doubleValue());
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("vin", vars.requireText("vin"));
		fields.put("conversionCertificateNumber", vars.text("certificateId"));
		fields.put("ghgStatement", ghg.asFields());
		fields.put("ghgAvoidedKgCo2eOver10Years", ghg.avoidedKgCo2e());
		fields.put("warrantyTerms", required(vars, "warrantyTerms"));
		fields.put("hvSafetyNotice", HV_SAFETY_NOTICE);
		Certificate issued = generatePdf(job, vars, "HANDOVER_PACK", fields,
				(number) -> CustomerPack.pdf(number, fields, ghg));
		return Map.of("handoverPackId", issued.number(), "ghgAvoidedKgCo2e", ghg.avoidedKgCo2e());
	}

	private static Double number(Vars vars, String name) {
		Double value = vars.decimal(name);
		if (value == null) {
			throw new MissingVariableException("expected " + name + " for the Annex IV statement, but the job has none");
		}
		return value;
	}

	private static LocalDate requiredDate(Vars vars, String name) {
		LocalDate value = vars.date(name);
		if (value == null) {
			throw new MissingVariableException("expected " + name + " for the Annex IV statement, but the job has none");
		}
		return value;
	}

	private static Object required(Vars vars, String name) {
		Object value = vars.get(name);
		if (value == null) {
			throw new MissingVariableException("expected the kit approval's " + name + " for the customer information "
					+ "pack, but the job has none");
		}
		return value;
	}

	/** L.3 / L.5 (header {@code action=UNLOCK}): lockout or unlock certificate linked to the work order. */
	@JobWorker(type = "doc.generateLockoutCertificate")
	@JobContract(name = "Documents: generate lockout certificate",
			description = "L.3 / L.5 (header action=UNLOCK): lockout or unlock certificate linked to the work order.",
			outputs = { @Var(name = "lockoutCertificateId", description = "Lockout certificate id") },
			headers = { @Header(key = "action", description = "Action", values = { "UNLOCK" }) })
	public Map<String, Object> generateLockoutCertificate(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String action = "UNLOCK".equals(vars.header("action")) ? "UNLOCK" : "LOCK";
		Map<String, String> data = data(vars, "subjectKey", "workOrderId", "lockoutOfficerId",
				"lockoutCertificateNumber", "voltageMeterId");
		data.put("action", action);
		GeneratedDocument document = generate(job, vars, "LOCKOUT_CERTIFICATE", data);
		return Map.of("lockoutCertificateId", document.documentId());
	}

	/** T2 / 7.2: a reminder to whoever owes the documents. */
	@JobWorker(type = "doc.sendDocumentReminder")
	@JobContract(name = "Documents: send document reminder",
			description = "T2 / 7.2: a reminder to whoever owes the documents.")
	public Map<String, Object> sendDocumentReminder(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "DOCUMENT_REMINDER",
				data(vars, "vin", "senderContact", "missingDocuments"));
		return Map.of("reminderDocumentId", document.documentId());
	}

	/** T17: the satisfaction survey six months after handover. */
	@JobWorker(type = "doc.sendSatisfactionSurvey")
	@JobContract(name = "Documents: send satisfaction survey",
			description = "T17: the satisfaction survey six months after handover.",
			inputs = { @Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "subjectType", description = "VEHICLE, BATTERY or PART (default VEHICLE)"),
					@Var(name = "workOrderId", description = "MES work order of the subject") })
	public Map<String, Object> sendSatisfactionSurvey(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "SATISFACTION_SURVEY", data(vars, "vin", "customerId"));
		return Map.of("surveyDocumentId", document.documentId());
	}

	private GeneratedDocument generate(ActivatedJob job, Vars vars, String template, Map<String, String> data) {
		Vars.Subject subject = vars.subject();
		GeneratedDocument document = JobOutcome.call(job,
				() -> this.store.generate(JobOutcome.key(job), new DocumentRequest(template, subject.key(), data)));
		this.records.audit(job, "DOCUMENT_GENERATED", subject.type(), subject.key(), WorkerRecords.data("template", template,
				"documentId", document.documentId(), "sha256", document.sha256(), "uri", String.valueOf(document.uri())));
		return document;
	}

	private void issue(ActivatedJob job, Vars vars, String kind, String number, GeneratedDocument document) {
		issue(job, vars, kind, number, document, Map.of());
	}

	/** Issues the record once per job with the PDF rendered for it; the record's hash is the PDF's. */
	private Certificate issue(ActivatedJob job, Vars vars, String kind, String number, GeneratedDocument document,
			Map<String, Object> fields, byte[] pdf) {
		String workOrderId = vars.text("workOrderId");
		if (workOrderId != null && this.workOrders.find(workOrderId).isEmpty()) {
			workOrderId = null;
		}
		return this.certificates.issue(new Certificate(UUID.randomUUID(), kind, number, document.subjectKey(),
				workOrderId, document.generatedAt(), WorkerRecords.actor(job), String.valueOf(document.uri()),
				sha256(pdf), json(content(document, fields)), JobOutcome.key(job, "certificate").value()), pdf);
	}

	private static Map<String, Object> content(GeneratedDocument document, Map<String, Object> fields) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("documentId", document.documentId());
		content.put("template", document.template());
		content.putAll(fields);
		return content;
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Expected every JVM to have SHA-256", ex);
		}
	}

	/** Issues the record once per job; its content is the document's fields, with the document's id and template. */
	private void issue(ActivatedJob job, Vars vars, String kind, String number, GeneratedDocument document,
			Map<String, Object> fields) {
		String workOrderId = vars.text("workOrderId");
		if (workOrderId != null && this.workOrders.find(workOrderId).isEmpty()) {
			workOrderId = null;
		}
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("documentId", document.documentId());
		content.put("template", document.template());
		content.putAll(fields);
		this.certificates.issue(new Certificate(UUID.randomUUID(), kind, number, document.subjectKey(), workOrderId,
				document.generatedAt(), WorkerRecords.actor(job), String.valueOf(document.uri()), document.sha256(),
				json(content), JobOutcome.key(job, "certificate").value()));
	}

	private String json(Map<String, Object> content) {
		try {
			return this.json.writeValueAsString(content);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Expected the certificate's fields to be JSON values, but " + ex.getMessage(),
					ex);
		}
	}

	/** The values the document prints, as text (nested values as their JSON). */
	private Map<String, String> printed(Map<String, Object> fields) {
		Map<String, String> data = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (value != null) {
				data.put(name, (value instanceof Map || value instanceof List) ? json(Map.of(name, value)) : value.toString());
			}
		});
		return data;
	}

	private static Map<String, String> data(Vars vars, String... names) {
		Map<String, String> data = new LinkedHashMap<>();
		for (String name : names) {
			Object value = vars.get(name);
			if (value != null) {
				data.put(name, value.toString());
			}
		}
		return data;
	}

}

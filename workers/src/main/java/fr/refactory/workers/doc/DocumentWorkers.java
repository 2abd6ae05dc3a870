package fr.refactory.workers.doc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.refactory.plant.doc.DocumentRequest;
import fr.refactory.plant.doc.DocumentStore;
import fr.refactory.plant.doc.GeneratedDocument;
import fr.refactory.records.Certificate;
import fr.refactory.records.Certificates;
import fr.refactory.records.WorkOrders;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

/**
 * The document workers ({@code doc.*}): PDFs stored immutably with their SHA-256. Certificates (conversion, quality
 * record, destruction) are also issued in the records, once per job.
 */
@Component
public class DocumentWorkers {

	private final DocumentStore store;

	private final Certificates certificates;

	private final WorkOrders workOrders;

	private final WorkerRecords records;

	DocumentWorkers(DocumentStore store, Certificates certificates, WorkOrders workOrders, WorkerRecords records) {
		this.store = store;
		this.certificates = certificates;
		this.workOrders = workOrders;
		this.records = records;
	}

	/** 3.18: the conversion certificate (kit manufacturer, VIN, approval number). */
	@JobWorker(type = "doc.generateConversionCertificate")
	public Map<String, Object> generateConversionCertificate(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "CONVERSION_CERTIFICATE", data(vars, "vin", "kitManufacturer",
				"kitReference", "approvalNumber", "plateText"));
		issue(job, vars, "CONVERSION_CERTIFICATE", document.documentId(), document);
		return Map.of("certificateId", document.documentId(), "certificateSha256", document.sha256());
	}

	/** 5.6a: the quality record of a released item. */
	@JobWorker(type = "doc.generateQualityRecord")
	public Map<String, Object> generateQualityRecord(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "QUALITY_RECORD",
				data(vars, "subjectType", "subjectKey", "controlPlanId", "qualityVerdict", "reworkCount"));
		issue(job, vars, "QUALITY_RECORD", document.documentId(), document);
		return Map.of("qualityRecordId", document.documentId());
	}

	/** 7.10: the certificate of destruction with the CoD number issued by {@code reg.issueCoD}. */
	@JobWorker(type = "doc.generateCoD")
	public Map<String, Object> generateCoD(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "CERTIFICATE_OF_DESTRUCTION",
				data(vars, "vin", "codNumber", "codIssuedAt", "destructionDate", "takeOverReceiptNumber"));
		issue(job, vars, "CERTIFICATE_OF_DESTRUCTION", vars.textOr(document.documentId(), "codNumber"), document);
		return Map.of("codDocumentId", document.documentId());
	}

	/** 3.19: GHG statement, warranty terms, HV safety notice. */
	@JobWorker(type = "doc.generateHandoverPack")
	public Map<String, Object> generateHandoverPack(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "HANDOVER_PACK", data(vars, "vin", "certificateId"));
		return Map.of("handoverPackId", document.documentId());
	}

	/** L.3 / L.5 (header {@code action=UNLOCK}): lockout or unlock certificate linked to the work order. */
	@JobWorker(type = "doc.generateLockoutCertificate")
	public Map<String, Object> generateLockoutCertificate(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String action = "UNLOCK".equals(vars.header("action")) ? "UNLOCK" : "LOCK";
		Map<String, String> data = data(vars, "subjectKey", "workOrderId", "lockoutOfficerId",
				"lockoutCertificateNumber", "vatMeterId");
		data.put("action", action);
		GeneratedDocument document = generate(job, vars, "LOCKOUT_CERTIFICATE", data);
		return Map.of("lockoutCertificateId", document.documentId());
	}

	/** T2 / 7.2: a reminder to whoever owes the documents. */
	@JobWorker(type = "doc.sendDocumentReminder")
	public Map<String, Object> sendDocumentReminder(ActivatedJob job) {
		Vars vars = Vars.of(job);
		GeneratedDocument document = generate(job, vars, "DOCUMENT_REMINDER",
				data(vars, "vin", "senderContact", "missingDocuments"));
		return Map.of("reminderDocumentId", document.documentId());
	}

	/** T17: the satisfaction survey six months after handover. */
	@JobWorker(type = "doc.sendSatisfactionSurvey")
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
		String workOrderId = vars.text("workOrderId");
		if (workOrderId != null && this.workOrders.find(workOrderId).isEmpty()) {
			workOrderId = null;
		}
		this.certificates.issue(new Certificate(UUID.randomUUID(), kind, number, document.subjectKey(), workOrderId,
				document.generatedAt(), WorkerRecords.actor(job), String.valueOf(document.uri()), document.sha256(),
				"{\"documentId\":\"" + document.documentId() + "\",\"template\":\"" + document.template() + "\"}",
				JobOutcome.key(job, "certificate").value()));
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

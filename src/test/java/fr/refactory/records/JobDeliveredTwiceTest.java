package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job worker that runs twice for the same job (the engine redelivers it after a
 * time-out, say) passes the same idempotency key both times: the second run creates no
 * second record, certificate, genealogy link or audit entry.
 */
class JobDeliveredTwiceTest extends RefactoryIntegrationTest {

	@Autowired
	WorkOrders workOrders;

	@Autowired
	Inspections inspections;

	@Autowired
	NonConformities nonConformities;

	@Autowired
	Certificates certificates;

	@Autowired
	Genealogy genealogy;

	@Autowired
	Parts parts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	private final String jobKey = String.valueOf(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);

	private final String vin = TestKeys.vin();

	@Test
	void shouldOpenOneWorkOrder() {
		WorkOrder order = workOrder(TestKeys.unique("WO"), this.jobKey + ":mes.createWorkOrder");

		WorkOrder first = this.workOrders.open(order);
		WorkOrder second = this.workOrders
			.open(new WorkOrder(TestKeys.unique("WO"), order.type(), order.subjectType(), order.subjectKey(),
					order.processInstanceKey(), order.status(), null, 0, order.idempotencyKey(), null, null));

		assertThat(second).isEqualTo(first);
		assertThat(countByKey("work_order", order.idempotencyKey())).isEqualTo(1);
	}

	@Test
	void shouldRecordOneInspectionResult() {
		InspectionResult result = new InspectionResult(UUID.randomUUID(), "VEHICLE", this.vin, null, "ISOLATION_DC",
				"RETROFIT_LCV", "3", new BigDecimal("540"), "OHM_PER_V", new BigDecimal("100"), null, "OK", "NONE",
				true, "HV-TESTER-1", LocalDate.of(2027, 1, 1), "retrofit-technician",
				Instant.parse("2026-11-28T14:00:00Z"), this.jobKey + ":eol.readHvTestResults");

		this.inspections.record(result);
		this.inspections.record(new InspectionResult(UUID.randomUUID(), result.subjectType(), result.subjectKey(), null,
				result.checkCode(), result.controlPlanId(), result.controlPlanVersion(), result.measuredValue(),
				result.unit(), result.lowerLimit(), result.upperLimit(), result.result(), result.severity(), true,
				result.equipmentId(), result.equipmentCalibrationDueDate(), result.performedBy(), result.performedAt(),
				result.idempotencyKey()));

		assertThat(this.inspections.forSubject(this.vin)).singleElement()
			.satisfies((stored) -> assertThat(stored.resultId()).isEqualTo(result.resultId()));
	}

	@Test
	void shouldRaiseOneNonConformity() {
		NonConformity nc = new NonConformity(UUID.randomUUID(), this.vin, null, "QG-RETROFIT", "TORQUE_LOW", "MAJOR", 1,
				null, null, null, null, null, Instant.parse("2026-11-28T15:00:00Z"), this.jobKey + ":quality.nc", null);

		this.nonConformities.raise(nc);
		this.nonConformities.raise(nc);

		assertThat(this.nonConformities.forSubject(this.vin)).hasSize(1);
	}

	@Test
	void shouldIssueOneCertificate() {
		Certificate certificate = new Certificate(UUID.randomUUID(), "CERTIFICATE_OF_DESTRUCTION",
				TestKeys.unique("COD"), this.vin, null, Instant.parse("2026-11-28T16:00:00Z"), "reg.issueCoD",
				"urn:refactory:document:DOC-1", "ab".repeat(32), "{\"atfApprovalNumber\":\"PR7800001D\"}",
				this.jobKey + ":reg.issueCoD");

		Certificate first = this.certificates.issue(certificate);
		Certificate second = this.certificates.issue(
				new Certificate(UUID.randomUUID(), certificate.kind(), certificate.number(), certificate.subjectKey(),
						null, certificate.issuedAt(), certificate.issuedBy(), certificate.documentUri(),
						certificate.documentSha256(), certificate.content(), certificate.idempotencyKey()));

		assertThat(second).isEqualTo(first);
		assertThat(this.certificates.forSubject(this.vin)).containsExactly(first);
	}

	@Test
	void shouldRecordOneGenealogyLink() {
		String batteryId = TestKeys.unique("BAT");
		String key = this.jobKey + ":mes.recordGenealogy:battery";

		this.genealogy.link(GenealogyLink.of(key, "BATTERY", batteryId, "INSTALLED_IN", "VEHICLE", this.vin, 42L,
				Instant.parse("2026-11-28T11:00:00Z")));
		this.genealogy.link(GenealogyLink.of(key, "BATTERY", batteryId, "INSTALLED_IN", "VEHICLE", this.vin, 42L,
				Instant.parse("2026-11-28T11:00:05Z")));

		assertThat(this.genealogy.linksOf(batteryId)).hasSize(1);
		assertThat(countByKey("genealogy_link", key)).isEqualTo(1);
	}

	@Test
	void shouldRecordOneHarvestedPart() {
		Part part = new Part(null, "8200 000 042", "TURBO", "T-" + this.jobKey, this.vin, null, "DISMANTLING", "B",
				null, null, null, this.jobKey + ":wms.createHarvestedPart", null, null);

		Part first = this.parts.record(part);
		Part second = this.parts.record(part);

		assertThat(second).isEqualTo(first);
		assertThat(first.partNumber()).isEqualTo("8200000042");
		assertThat(this.parts.harvestedFrom(this.vin)).containsExactly(first);
	}

	@Test
	void shouldAppendOneAuditEntry() {
		AuditEvent event = new AuditEvent("worker:mes.createWorkOrder", "STATUS_CHANGED", "VEHICLE", this.vin, 42L,
				this.jobKey + ":audit", Map.of("status", "REGISTERED"));

		AuditEntry first = this.auditLog.append(event);
		AuditEntry second = this.auditLog.append(event);

		assertThat(second).isEqualTo(first);
		assertThat(this.auditLog.about(this.vin)).containsExactly(first);
	}

	private WorkOrder workOrder(String workOrderId, String idempotencyKey) {
		return new WorkOrder(workOrderId, "INTAKE", "VEHICLE", this.vin, 42L, "CREATED", null, 0, idempotencyKey, null,
				null);
	}

	private int countByKey(String table, String idempotencyKey) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where idempotency_key = ?", Integer.class,
				idempotencyKey);
	}

}

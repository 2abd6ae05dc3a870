package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.refactory.records.jdbc.WorkOrderRepository;
import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules the records keep beyond idempotency: traceability links, status changes and
 * database checks.
 */
class RecordsTest extends RefactoryIntegrationTest {

	@Autowired
	WorkOrders workOrders;

	@Autowired
	NonConformities nonConformities;

	@Autowired
	Inspections inspections;

	@Autowired
	Genealogy genealogy;

	@Autowired
	Parts parts;

	@Autowired
	WorkOrderRepository workOrderRepository;

	private final String vin = TestKeys.vin();

	@Test
	void shouldFindLinksInBothDirections() {
		String batteryId = TestKeys.unique("BAT");
		String partKey = TestKeys.unique("PART");
		GenealogyLink installed = this.genealogy.link(GenealogyLink.of(TestKeys.unique("job"), "BATTERY", batteryId,
				"INSTALLED_IN", "VEHICLE", this.vin, 7L, Instant.parse("2026-11-28T10:00:00Z")));
		GenealogyLink harvested = this.genealogy.link(GenealogyLink.of(TestKeys.unique("job"), "PART", partKey,
				"HARVESTED_FROM", "VEHICLE", this.vin, 8L, Instant.parse("2026-11-28T11:00:00Z")));

		assertThat(this.genealogy.linksOf(this.vin)).containsExactly(installed, harvested);
		assertThat(this.genealogy.linksOf(batteryId)).containsExactly(installed);
	}

	@Test
	void shouldRefuseALinkFromAnAssetToItself() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.genealogy.link(GenealogyLink.of(TestKeys.unique("job"), "VEHICLE", this.vin,
					"INSTALLED_IN", "VEHICLE", this.vin, null, Instant.now())));
	}

	@Test
	void shouldChangeAWorkOrderStatusAndRejectAStaleChange() {
		WorkOrder order = this.workOrders.open(new WorkOrder(TestKeys.unique("WO"), "DIAGNOSIS", "VEHICLE", this.vin,
				9L, "CREATED", null, 0, TestKeys.unique("job"), null, null));

		WorkOrder released = this.workOrders.changeStatus(order.workOrderId(), "RELEASED");

		assertThat(released.status()).isEqualTo("RELEASED");
		assertThat(this.workOrders.forSubject(this.vin)).containsExactly(released);
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.workOrderRepository.save(order.withStatus("CANCELLED")));
	}

	@Test
	void shouldRequireAConcessionReferenceForAConcession() {
		NonConformity nc = this.nonConformities.raise(new NonConformity(UUID.randomUUID(), this.vin, null, "QG-RENEW",
				"PAINT_RUN", "MINOR", 1, null, null, null, null, null, Instant.now(), TestKeys.unique("job"), null));

		assertThatIllegalArgumentException().isThrownBy(
				() -> this.nonConformities.dispose(nc.ncId(), "CONCESSION", LocalDate.now(), "q.supervisor", null));
		NonConformity conceded = this.nonConformities.dispose(nc.ncId(), "CONCESSION", LocalDate.of(2026, 11, 28),
				"q.supervisor", "CUST-CONC-7");

		assertThat(conceded.customerConcessionRef()).isEqualTo("CUST-CONC-7");
		assertThat(this.nonConformities.forSubject(this.vin)).containsExactly(conceded);
	}

	@Test
	void shouldFlagResultsMeasuredAfterTheCalibrationDueDate() {
		String equipment = TestKeys.unique("TORQUE");
		InspectionResult inTime = this.inspections.record(result(equipment, "2026-11-30T23:59:00Z"));
		InspectionResult late = this.inspections.record(result(equipment, "2026-12-01T00:01:00Z"));

		assertThat(this.inspections.measuredWith(equipment)).containsExactlyInAnyOrder(inTime, late);
		assertThat(inTime.suspect()).isFalse();
		assertThat(late.suspect()).isTrue();
	}

	@Test
	void shouldRequireTheDonorVinOfAHarvestedPart() {
		Part withoutDonor = new Part(null, "7701000001", "ALTERNATOR", null, null, null, "DISMANTLING", "A", null, null,
				null, TestKeys.unique("job"), null, null);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.parts.record(withoutDonor));
	}

	@Test
	void shouldGradeACore() {
		Part core = this.parts.record(new Part(null, "8201000001", "GEARBOX", TestKeys.unique("SN"), null, null,
				"DEALER_EXCHANGE", null, null, null, null, TestKeys.unique("job"), null, null));

		Part graded = this.parts.grade(core.partId(), "B", 50);

		assertThat(this.parts.find(core.partId())).contains(graded);
		assertThat(graded.coreGrade()).isEqualTo("B");
		assertThat(graded.coreCreditPct()).isEqualTo(50);
	}

	private InspectionResult result(String equipment, String performedAt) {
		return new InspectionResult(UUID.randomUUID(), "PART", TestKeys.unique("PART"), null, "TORQUE_M8", "REMAN", "1",
				new BigDecimal("24.5"), "NM", new BigDecimal("22"), new BigDecimal("26"), "OK", "NONE", false,
				equipment, LocalDate.of(2026, 11, 30), "reman-inspector", Instant.parse(performedAt),
				TestKeys.unique("job"));
	}

}

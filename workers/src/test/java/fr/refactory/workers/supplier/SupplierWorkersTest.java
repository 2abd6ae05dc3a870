package fr.refactory.workers.supplier;

import java.util.Map;

import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	SupplierWorkers workers;

	@Autowired
	AuditLog audit;

	@Test
	void kitApprovalCoversTheMasterAndNotAnotherModel() {
		Map<String, Object> master = this.workers.getKitApproval(
				TestJob.of("supplier.getKitApproval", Map.of("vin", TestVins.master(), "modelFamily", "MASTER_III")));
		assertThat(master).containsEntry("kitManufacturer", "TOLV").containsEntry("variantInApprovalScope", true)
			.containsEntry("kitMotorPowerKw", 60.0)
			.containsKeys("kitReference", "approvalNumber", "kitOperations");

		assertThat(this.workers
			.getKitApproval(TestJob.of("supplier.getKitApproval", Map.of("vin", TestVins.master(), "modelFamily", "CLIO")))
			.get("variantInApprovalScope")).isEqualTo(false);
	}

	@Test
	void kitOrderRejectionAndCertificateCopyAreSentAndAudited() {
		String vin = TestVins.master();
		assertThat(this.workers.orderKit(TestJob.of("supplier.orderKit", Map.of("vin", vin, "purchaseOrderNumber",
				"PO-1", "kitReference", "TOLV-MASTER-E-60", "plannedConversionDate", "2027-03-01"))))
			.containsKey("kitPromisedAt");
		assertThat(this.workers.rejectKitDelivery(
				TestJob.of("supplier.rejectKitDelivery", Map.of("vin", vin, "purchaseOrderNumber", "PO-1"))))
			.containsKey("kitRejectionId");
		assertThat(this.workers.sendCertificateCopy(TestJob.of("supplier.sendCertificateCopy", Map.of("vin", vin,
				"certificateId", "DOC-1", "certificateSha256", "a".repeat(64)))))
			.containsKey("certificateCopyReceiptId");

		assertThat(this.audit.about(vin)).extracting((e) -> e.action())
			.containsExactly("KIT_ORDERED", "KIT_DELIVERY_REJECTED", "CERTIFICATE_COPY_SENT");
	}

}

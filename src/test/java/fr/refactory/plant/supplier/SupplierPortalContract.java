package fr.refactory.plant.supplier;

import java.time.LocalDate;

import fr.refactory.plant.IdempotencyKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SupplierPortal} adapter must do; run against the simulated and the
 * HTTP adapter.
 */
abstract class SupplierPortalContract {

	protected abstract SupplierPortal portal();

	@Test
	void shouldPromiseAKitNoEarlierThanTheDueDate() {
		KitOrderAck ack = portal().orderKit(IdempotencyKey.of("job-1:kit"),
				new KitOrder("PO-1", "KIT-MASTER-52", "VF1MA000012345678", LocalDate.of(2026, 12, 15)));

		assertThat(ack.poNumber()).isEqualTo("PO-1");
		assertThat(ack.supplierOrderId()).isNotBlank();
		assertThat(ack.promisedDate()).isAfterOrEqualTo(LocalDate.of(2026, 12, 15));
	}

	@Test
	void shouldOrderOneKitPerIdempotencyKey() {
		KitOrder order = new KitOrder("PO-2", "KIT-MASTER-52", "VF1MA000012345678", LocalDate.of(2026, 12, 20));

		KitOrderAck first = portal().orderKit(IdempotencyKey.of("job-2:kit"), order);

		assertThat(portal().orderKit(IdempotencyKey.of("job-2:kit"), order)).isEqualTo(first);
	}

	@Test
	void shouldAcknowledgeACertificateCopy() {
		CertificateCopyReceipt receipt = portal().sendCertificateCopy(IdempotencyKey.of("job-3:copy"),
				new CertificateCopy("CC-2026-0001", "VF1MA000012345678", "ab".repeat(32)));

		assertThat(receipt.certificateNumber()).isEqualTo("CC-2026-0001");
		assertThat(receipt.receiptId()).isNotBlank();
		assertThat(receipt.receivedAt()).isNotNull();
	}

}

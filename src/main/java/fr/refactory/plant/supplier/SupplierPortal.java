package fr.refactory.plant.supplier;

import fr.refactory.plant.IdempotencyKey;

/** The kit supplier's portal / EDI (domain brief §3.11, {@code supplier.*}). */
public interface SupplierPortal {

	KitOrderAck orderKit(IdempotencyKey key, KitOrder order);

	/**
	 * Sends the kit manufacturer its copy of a conversion certificate, as the arrêté
	 * requires "without delay".
	 */
	CertificateCopyReceipt sendCertificateCopy(IdempotencyKey key, CertificateCopy copy);

}

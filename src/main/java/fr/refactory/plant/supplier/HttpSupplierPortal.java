package fr.refactory.plant.supplier;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

/**
 * The supplier portal over HTTP; see {@link PlantHttpClient} for time-outs and error
 * mapping.
 */
public class HttpSupplierPortal implements SupplierPortal {

	private final PlantHttpClient http;

	public HttpSupplierPortal(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public KitOrderAck orderKit(IdempotencyKey key, KitOrder order) {
		return this.http.post("kit-orders", key, order, KitOrderAck.class);
	}

	@Override
	public CertificateCopyReceipt sendCertificateCopy(IdempotencyKey key, CertificateCopy copy) {
		return this.http.post("certificate-copies", key, copy, CertificateCopyReceipt.class);
	}

}

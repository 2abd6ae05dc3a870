package fr.refactory.plant.erp;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/** The ERP over HTTP; see {@link PlantHttpClient} for time-outs and error mapping. */
public class HttpErp implements Erp {

	private final PlantHttpClient http;

	public HttpErp(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public Optional<VehicleMasterData> findVehicleMasterData(String vin) {
		return this.http.find("vehicles/" + segment(vin), VehicleMasterData.class);
	}

	/**
	 * A POST without side effects, so it carries no idempotency key of the caller's job.
	 */
	@Override
	public CostEstimate costEstimate(CostRequest request) {
		return this.http.query("cost-estimates", request, CostEstimate.class);
	}

	@Override
	public PurchaseOrder createPurchaseOrder(IdempotencyKey key, PurchaseOrderRequest request) {
		return this.http.post("purchase-orders", key, request, PurchaseOrder.class);
	}

	@Override
	public ErpDocument post(IdempotencyKey key, ErpPosting posting) {
		return this.http.post("postings", key, posting, ErpDocument.class);
	}

}

package fr.refactory.plant.erp;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;

/**
 * The ERP: vehicle master data, cost estimates, purchase orders and the financial and
 * logistic postings that answer with a document number (domain brief §3.11,
 * {@code erp.*}).
 */
public interface Erp {

	/**
	 * Master data of a vehicle; empty when the ERP does not know the VIN (the process
	 * asks for manual entry).
	 */
	Optional<VehicleMasterData> findVehicleMasterData(String vin);

	CostEstimate costEstimate(CostRequest request);

	PurchaseOrder createPurchaseOrder(IdempotencyKey key, PurchaseOrderRequest request);

	/**
	 * Core credits, reman and scrap costs, warranty records, shipments, material
	 * balances, order closing.
	 */
	ErpDocument post(IdempotencyKey key, ErpPosting posting);

}

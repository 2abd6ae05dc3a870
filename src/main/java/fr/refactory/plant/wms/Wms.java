package fr.refactory.plant.wms;

import fr.refactory.plant.IdempotencyKey;

/**
 * The warehouse management system, yard included: locations, parts availability,
 * reservations, picking, put-away, harvested parts and demand (domain brief §3.11,
 * {@code wms.*}).
 */
public interface Wms {

	/** A yard location; HV-suspect vehicles get a quarantine bay. */
	YardLocation assignYardLocation(IdempotencyKey key, YardRequest request);

	PartAvailability availabilityOf(String partNumber, int quantity);

	PartsReservation reserveParts(IdempotencyKey key, PartsRequest request);

	PickedParts pickParts(IdempotencyKey key, PartsRequest request);

	/**
	 * Puts a vehicle, battery or part away in a stock area (core bank, exchange stock, HV
	 * quarantine, ...).
	 */
	StockLocation putAway(IdempotencyKey key, StockMove move);

	HarvestedPart createHarvestedPart(IdempotencyKey key, HarvestRequest request);

	PartDemand demandFor(String partNumber);

	/**
	 * The parts issued to a work order so far (picks and counter issues), at their
	 * standard cost (costing).
	 */
	IssuedParts issuedTo(String workOrderId);

}

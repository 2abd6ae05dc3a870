package fr.refactory.plant.passport;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;

/**
 * The EU battery passport platform (domain brief §3.11, {@code passport.*}; mandatory for
 * batteries placed on the market from 18 Feb 2027). Repurposed and remanufactured
 * batteries get a new passport linked to the original one.
 */
public interface BatteryPassport {

	PassportRecord setStatus(IdempotencyKey key, PassportStatusChange change);

	/**
	 * A new passport for a repurposed or remanufactured battery, pointing to its parent.
	 */
	PassportRecord createLinkedPassport(IdempotencyKey key, LinkedPassportRequest request);

	Optional<PassportRecord> find(String batteryId);

}

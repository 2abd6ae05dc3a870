package fr.refactory.plant.reg;

import fr.refactory.plant.IdempotencyKey;

/**
 * The vehicle registration system (SIV) as the approved end-of-life vehicle centre
 * reaches it (domain brief §3.7, §3.11, {@code reg.*}): here the certificate of
 * destruction, which the authority may keep pending for a while.
 */
public interface RegistrationAuthority {

	/**
	 * Asks for the certificate of destruction of a destroyed vehicle; asking again for
	 * the same VIN gives the same certificate once issued, and tells whether it is still
	 * pending until then.
	 */
	CodAnswer requestCoD(IdempotencyKey key, CodRequest request);

}

package fr.refactory.plant.reg;

import java.time.Instant;

/**
 * The authority's answer to a CoD request: {@link #ISSUED} with the certificate number
 * and date, or {@link #PENDING} (no number yet; ask again later).
 */
public record CodAnswer(String vin, String status, String codNumber, Instant issuedAt) {

	public static final String ISSUED = "ISSUED";

	public static final String PENDING = "PENDING";

	public boolean issued() {
		return ISSUED.equals(this.status);
	}

}

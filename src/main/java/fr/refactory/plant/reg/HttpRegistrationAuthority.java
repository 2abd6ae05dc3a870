package fr.refactory.plant.reg;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

/**
 * The registration authority over HTTP; see {@link PlantHttpClient} for time-outs and
 * error mapping.
 */
public class HttpRegistrationAuthority implements RegistrationAuthority {

	private final PlantHttpClient http;

	public HttpRegistrationAuthority(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public CodAnswer requestCoD(IdempotencyKey key, CodRequest request) {
		return this.http.post("certificates-of-destruction", key, request, CodAnswer.class);
	}

}

package fr.refactory.plant.passport;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/**
 * The battery passport platform over HTTP; see {@link PlantHttpClient} for time-outs and
 * error mapping.
 */
public class HttpBatteryPassport implements BatteryPassport {

	private final PlantHttpClient http;

	public HttpBatteryPassport(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public PassportRecord setStatus(IdempotencyKey key, PassportStatusChange change) {
		return this.http.post("passports/" + segment(change.batteryId()) + "/status", key, change,
				PassportRecord.class);
	}

	@Override
	public PassportRecord createLinkedPassport(IdempotencyKey key, LinkedPassportRequest request) {
		return this.http.post("passports", key, request, PassportRecord.class);
	}

	@Override
	public Optional<PassportRecord> find(String batteryId) {
		return this.http.find("passports/" + segment(batteryId), PassportRecord.class);
	}

}

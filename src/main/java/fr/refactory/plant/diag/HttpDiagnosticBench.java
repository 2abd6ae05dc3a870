package fr.refactory.plant.diag;

import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/**
 * The diagnostic bench over HTTP; see {@link PlantHttpClient} for time-outs and error
 * mapping.
 */
public class HttpDiagnosticBench implements DiagnosticBench {

	private final PlantHttpClient http;

	public HttpDiagnosticBench(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public VehicleReading readVehicleData(DiagnosticRequest request) {
		return this.http.get("benches/" + segment(request.benchId()) + "/vehicles/" + segment(request.vin()) + "?hv="
				+ request.hvVehicle(), VehicleReading.class);
	}

}

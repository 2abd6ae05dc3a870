package fr.refactory.plant.eol;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/**
 * The end-of-line benches over HTTP; see {@link PlantHttpClient} for time-outs and error
 * mapping.
 */
public class HttpEndOfLineBenches implements EndOfLineBenches {

	private final PlantHttpClient http;

	public HttpEndOfLineBenches(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public TestRun runTest(IdempotencyKey key, TestRequest request) {
		return this.http.post("test-runs", key, request, TestRun.class);
	}

	@Override
	public HvTestResults readHvTestResults(String vin) {
		return this.http.get("vehicles/" + segment(vin) + "/hv-test-results", HvTestResults.class);
	}

	@Override
	public TestRuns results(String subjectKey) {
		return this.http.get("subjects/" + segment(subjectKey) + "/test-runs", TestRuns.class);
	}

}

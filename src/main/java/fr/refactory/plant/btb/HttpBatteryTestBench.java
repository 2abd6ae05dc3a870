package fr.refactory.plant.btb;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/**
 * The battery test bench over HTTP; see {@link PlantHttpClient} for time-outs and error
 * mapping.
 */
public class HttpBatteryTestBench implements BatteryTestBench {

	private final PlantHttpClient http;

	public HttpBatteryTestBench(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public BmsReading readBms(String batteryId, String benchId) {
		return this.http.get("benches/" + segment(benchId) + "/batteries/" + segment(batteryId) + "/bms",
				BmsReading.class);
	}

	@Override
	public CapacityTest startCapacityTest(IdempotencyKey key, CapacityTestRequest request) {
		return this.http.post("capacity-tests", key, request, CapacityTest.class);
	}

	@Override
	public Optional<CapacityTestResult> capacityTestResult(String testId) {
		return this.http.find("capacity-tests/" + segment(testId) + "/result", CapacityTestResult.class);
	}

	@Override
	public ModuleReplacement registerModules(IdempotencyKey key, ModuleReplacement replacement) {
		return this.http.post("batteries/" + segment(replacement.batteryId()) + "/module-replacements", key,
				replacement, ModuleReplacement.class);
	}

}

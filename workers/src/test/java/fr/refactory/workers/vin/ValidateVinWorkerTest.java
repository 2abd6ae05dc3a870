package fr.refactory.workers.vin;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateVinWorkerTest {

	private final ValidateVinWorker worker = new ValidateVinWorker();

	@Test
	void returnsTheNamesTheModelsOutputMappingsRead() {
		Map<String, Object> result = this.worker.validate(" vf1ma000000000001 ", "IGNORED");

		assertThat(result).containsEntry("vin", "VF1MA000000000001").containsEntry("vinLength", 17)
			.containsEntry("vinCharsetValid", true)
			.containsKeys("vinRegion", "vinCheckDigitMatches");
	}

	@Test
	void readsTheAnnouncedVinWhenNoRawVinWasTyped() {
		assertThat(this.worker.validate(null, "VF1MA000000000001")).containsEntry("vin", "VF1MA000000000001");
	}

}

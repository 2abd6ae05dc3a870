package fr.refactory.workers.quality;

import java.util.List;
import java.util.Map;

import fr.refactory.workers.support.Results;
import fr.refactory.workers.support.TestJob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A pure function: no application context needed. */
class QualityWorkersTest {

	private final QualityWorkers workers = new QualityWorkers();

	@Test
	void noFailureGivesSeverityNone() {
		Map<String, Object> result = this.workers.aggregateResults(TestJob.of("quality.aggregateResults",
				Map.of("automaticResults", List.of(Map.of("checkCode", "BRAKE", "result", "OK")))));

		assertThat(result).containsEntry("maxSeverity", "NONE").containsEntry("safetyCharacteristicFailed", false)
			.containsEntry("reworkable", false);
		assertThat(Results.list(result.get("failedChecks"))).isEmpty();
	}

	@Test
	void theWorstFailureAndSafetyCharacteristicsDecide() {
		Map<String, Object> result = this.workers.aggregateResults(TestJob.of("quality.aggregateResults", Map.of(
				"requiredChecks", List.of(Map.of("checkCode", "ISOLATION", "safetyCharacteristic", true)),
				"automaticResults", List.of(Map.of("checkCode", "ISOLATION", "result", "NOK")),
				"measurements", List.of(Map.of("name", "bore", "withinLimits", true)),
				"manualResults", List.of(Map.of("checkCode", "PAINT", "checkResult", "NOK", "severity", "MINOR")))));

		assertThat(result).containsEntry("maxSeverity", "MAJOR").containsEntry("safetyCharacteristicFailed", true)
			.containsEntry("reworkable", true).containsEntry("concessionAvailable", false);
		assertThat(Results.list(result.get("failedChecks"))).hasSize(2);
	}

	@Test
	void aCriticalManualFailureIsNotReworkable() {
		Map<String, Object> result = this.workers.aggregateResults(TestJob.of("quality.aggregateResults", Map.of(
				"manualResults", List.of(Map.of("checkCode", "FRAME", "checkResult", "NOK", "severity", "CRITICAL")))));

		assertThat(result).containsEntry("maxSeverity", "CRITICAL").containsEntry("reworkable", false)
			.containsEntry("concessionAvailable", false);
	}

	@Test
	void aFailureWithoutAReworkInstructionMakesTheItemNotReworkableButOpenToAConcession() {
		Map<String, Object> result = this.workers.aggregateResults(TestJob.of("quality.aggregateResults", Map.of(
				"manualResults", List.of(Map.of("checkCode", "PAINT", "checkResult", "NOK", "severity", "MINOR",
						"noReworkInstruction", true), Map.of("checkCode", "GLASS", "checkResult", "NOK", "severity",
								"MINOR")))));

		assertThat(result).containsEntry("maxSeverity", "MINOR").containsEntry("reworkable", false)
			.containsEntry("concessionAvailable", true);
	}

}

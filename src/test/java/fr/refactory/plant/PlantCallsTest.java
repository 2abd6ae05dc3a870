package fr.refactory.plant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import fr.refactory.plant.PlantProperties.Mode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every plant-port call is timed by outcome, and a system's health follows its latest
 * answers (ADR 0603): a simulated system is UP, an HTTP one UNKNOWN before its first
 * call, UP once it answered (a business error is an answer) and DEGRADED after three
 * technical failures in a row, UP again at the next answer.
 */
class PlantCallsTest {

	/** A port as small as a test needs; the real ones have the same shape. */
	interface Gate {

		String open(String id);

	}

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PlantCalls calls = new PlantCalls(this.meters,
			Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC));

	private final Gate gate = this.calls.observe("gate", Mode.HTTP, Gate.class, (id) -> switch (id) {
		case "broken" -> throw PlantTechnicalException.retryable("gate", "no answer");
		case "refused" -> throw new PlantBusinessException("gate", "GATE_CLOSED", "closed for the night");
		default -> "opened " + id;
	});

	@Test
	void shouldTimeEachCallByOperationAndOutcome() {
		assertThat(this.gate.open("G1")).isEqualTo("opened G1");
		assertThatThrownBy(() -> this.gate.open("refused")).isInstanceOf(PlantBusinessException.class);
		assertThatThrownBy(() -> this.gate.open("broken")).isInstanceOf(PlantTechnicalException.class);
		assertThatThrownBy(() -> this.gate.open("broken")).isInstanceOf(PlantTechnicalException.class);

		assertThat(count("success")).isEqualTo(1);
		assertThat(count("business_error")).isEqualTo(1);
		assertThat(count("technical_error")).isEqualTo(2);
		assertThat(this.meters.get("refactory.plant.consecutive.failures").tag("system", "gate").gauge().value())
			.isEqualTo(2);
	}

	@Test
	void shouldReportAnHttpSystemFromItsLatestAnswers() {
		assertThat(health("gate").getStatus()).as("no call yet").isEqualTo(Status.UNKNOWN);
		assertThatThrownBy(() -> this.gate.open("refused")).isInstanceOf(PlantBusinessException.class);
		assertThat(health("gate").getStatus()).as("a business error is an answer").isEqualTo(Status.UP);
		for (int failure = 1; failure <= 2; failure++) {
			assertThatThrownBy(() -> this.gate.open("broken")).isInstanceOf(PlantTechnicalException.class);
		}
		assertThat(health("gate").getStatus()).as("two failures in a row").isEqualTo(Status.UP);
		assertThatThrownBy(() -> this.gate.open("broken")).isInstanceOf(PlantTechnicalException.class);
		assertThat(health("gate").getStatus()).isEqualTo(PlantCalls.DEGRADED);
		assertThat(health("gate").getDetails()).containsEntry("consecutiveTechnicalFailures", 3)
			.containsEntry("lastError", "gate: no answer")
			.containsEntry("mode", "http");

		this.gate.open("G2");
		assertThat(health("gate").getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void shouldReportASimulatedSystemUpWhateverItsSimulatedFaults() {
		Gate simulated = this.calls.observe("yard", Mode.SIMULATED, Gate.class, (id) -> {
			throw PlantTechnicalException.retryable("yard", "simulated outage");
		});
		for (int failure = 1; failure <= 3; failure++) {
			assertThatThrownBy(() -> simulated.open("Y1")).isInstanceOf(PlantTechnicalException.class);
		}
		assertThat(health("yard").getStatus()).isEqualTo(Status.UP);
		assertThat(health("yard").getDetails()).containsEntry("mode", "simulated");
	}

	private org.springframework.boot.actuate.health.Health health(String system) {
		return ((HealthIndicator) this.calls.getContributor(system)).health();
	}

	private long count(String outcome) {
		return this.meters.get("refactory.plant.calls")
			.tags("system", "gate", "operation", "open", "outcome", outcome)
			.timer()
			.count();
	}

}

package fr.refactory.plant.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantProperties.Outage;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.PlantTechnicalException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulationTest {

	private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");

	private final List<Duration> pauses = new ArrayList<>();

	@Test
	void shouldAnswerAfterTheConfiguredLatency() {
		Simulation simulation = simulation(SystemSettings.simulated().withLatency(Duration.ofMillis(250)), NOON);

		assertThat(simulation.answer(() -> "ok")).isEqualTo("ok");
		assertThat(this.pauses).containsExactly(Duration.ofMillis(250));
	}

	@Test
	void shouldNotPauseWithoutLatency() {
		simulation(SystemSettings.simulated(), NOON).answer(() -> "ok");

		assertThat(this.pauses).isEmpty();
	}

	@Test
	void shouldFailTechnicallyDuringAnOutage() {
		Outage outage = new Outage(NOON.minusSeconds(60), NOON.plusSeconds(60));
		Simulation during = simulation(SystemSettings.simulated().withOutages(List.of(outage)), NOON);
		Simulation after = simulation(SystemSettings.simulated().withOutages(List.of(outage)), NOON.plusSeconds(60));

		assertThatExceptionOfType(PlantTechnicalException.class).isThrownBy(() -> during.answer(() -> "ok"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue())
			.withMessageContaining("outage");
		assertThat(after.answer(() -> "ok")).isEqualTo("ok");
	}

	@Test
	void shouldFailTechnicallyWhileTheSystemIsTakenDownAndAnswerOnceItIsBack() {
		SimulatedOutages outages = new SimulatedOutages();
		Simulation mes = new Simulation("mes", SystemSettings.simulated(), Clock.fixed(NOON, ZoneOffset.UTC),
				(duration) -> {
				}, outages);
		Simulation wms = new Simulation("wms", SystemSettings.simulated(), Clock.fixed(NOON, ZoneOffset.UTC),
				(duration) -> {
				}, outages);

		outages.takeDown("mes");
		assertThatExceptionOfType(PlantTechnicalException.class).isThrownBy(() -> mes.answer(() -> "ok"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue())
			.withMessageContaining("mes is down");
		assertThat(wms.answer(() -> "ok")).as("only the system taken down").isEqualTo("ok");
		outages.bringBack("mes");
		assertThat(mes.answer(() -> "ok")).isEqualTo("ok");
	}

	@Test
	void shouldFailEveryCallAtFailureRateOne() {
		Simulation simulation = simulation(SystemSettings.simulated().withFailureRate(1.0), NOON);

		IntStream.range(0, 20)
			.forEach((i) -> assertThatExceptionOfType(PlantTechnicalException.class)
				.isThrownBy(() -> simulation.answer(() -> "ok")));
	}

	@Test
	void shouldFailTheSameShareOfCallsInEveryRun() {
		long firstRun = failuresIn100Calls(simulation(SystemSettings.simulated().withFailureRate(0.3), NOON));
		long secondRun = failuresIn100Calls(simulation(SystemSettings.simulated().withFailureRate(0.3), NOON));

		assertThat(firstRun).isEqualTo(secondRun).isBetween(10L, 50L);
	}

	@Test
	void shouldRepeatTheFirstAnswerForARepeatedKey() {
		Simulation simulation = simulation(SystemSettings.simulated(), NOON);
		List<String> calls = new ArrayList<>();

		String first = simulation.once("op", IdempotencyKey.of("k"), () -> "answer-" + calls.add("x"));
		String again = simulation.once("op", IdempotencyKey.of("k"), () -> "answer-" + calls.add("y"));

		assertThat(again).isEqualTo(first);
		assertThat(calls).containsExactly("x");
	}

	@Test
	void shouldRejectImpossibleSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> SystemSettings.simulated().withFailureRate(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new Outage(NOON, NOON));
	}

	private long failuresIn100Calls(Simulation simulation) {
		return IntStream.range(0, 100).filter((i) -> {
			try {
				simulation.answer(() -> "ok");
				return false;
			}
			catch (PlantTechnicalException ex) {
				return true;
			}
		}).count();
	}

	private Simulation simulation(SystemSettings settings, Instant now) {
		return new Simulation("mes", settings, Clock.fixed(now, ZoneOffset.UTC), this.pauses::add);
	}

}

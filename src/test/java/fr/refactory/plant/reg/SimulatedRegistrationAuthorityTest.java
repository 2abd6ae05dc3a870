package fr.refactory.plant.reg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedRegistrationAuthorityTest extends RegistrationAuthorityContract {

	private final RegistrationAuthority authority = new SimulatedRegistrationAuthority(Simulation.immediate("reg"));

	@Override
	protected RegistrationAuthority authority() {
		return this.authority;
	}

	@Test
	void shouldIssueACertificateUnderManualCheckTwelveDaysAfterTheFirstRequest() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T08:00:00Z"));
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return now.get();
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		RegistrationAuthority slow = new SimulatedRegistrationAuthority(
				new Simulation("reg", SystemSettings.simulated(), clock, (duration) -> {
				}));
		CodRequest request = new CodRequest("VF1MA000012300000");

		assertThat(slow.requestCoD(IdempotencyKey.of("job-1:cod"), request).issued()).isFalse();
		now.set(now.get().plus(Duration.ofDays(11)));
		assertThat(slow.requestCoD(IdempotencyKey.of("job-1:cod"), request).issued()).isFalse();
		now.set(now.get().plus(Duration.ofDays(1)));
		CodAnswer issued = slow.requestCoD(IdempotencyKey.of("job-1:cod"), request);

		assertThat(issued.issued()).isTrue();
		assertThat(issued.issuedAt()).isEqualTo(Instant.parse("2026-06-13T08:00:00Z"));
	}

}

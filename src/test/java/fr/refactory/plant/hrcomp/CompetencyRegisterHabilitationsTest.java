package fr.refactory.plant.hrcomp;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import fr.refactory.plant.hrcomp.Habilitations.Habilitation;
import fr.refactory.system.habilitation.HabilitationRegister;
import fr.refactory.system.habilitation.HabilitationTitle;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's habilitations read from the competency register port when configured so.
 */
class CompetencyRegisterHabilitationsTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

	private final List<String> asked = new ArrayList<>();

	private final CompetencyRegister register = new CompetencyRegister() {

		@Override
		public Habilitations habilitationsOf(String personId, LocalDate on) {
			CompetencyRegisterHabilitationsTest.this.asked.add(personId + "@" + on);
			return new Habilitations(personId, on,
					List.of(new Habilitation("BCL", LocalDate.of(2025, 1, 6), LocalDate.of(2028, 1, 5),
							LocalDate.of(2025, 1, 6)),
							new Habilitation("B1L", LocalDate.of(2020, 3, 2), LocalDate.of(2023, 3, 1),
									LocalDate.of(2020, 3, 2))));
		}

		@Override
		public InstallerAuthorisation installerAuthorisation(String installerOrg, String vehicleType, LocalDate on) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<fr.refactory.system.roster.RosterEntry> shiftRoster(LocalDate on) {
			throw new UnsupportedOperationException();
		}

	};

	private final HabilitationRegister configured = (username) -> List
		.of(new HabilitationTitle(List.of("B0L"), LocalDate.of(2029, 1, 1), LocalDate.of(2026, 1, 1)));

	@Test
	void shouldReturnEveryTitleTheRegisterHoldsForThePersonToday() {
		ApplicationContextRunner runner = runner()
			.withPropertyValues("refactory.habilitations.source=competency-register");

		runner.run((context) -> {
			List<HabilitationTitle> titles = context.getBean(HabilitationRegister.class).titlesOf("lockout-officer");

			assertThat(titles).containsExactly(
					new HabilitationTitle(List.of("BCL"), LocalDate.of(2028, 1, 5), LocalDate.of(2025, 1, 6)),
					new HabilitationTitle(List.of("B1L"), LocalDate.of(2023, 3, 1), LocalDate.of(2020, 3, 2)));
			assertThat(this.asked).containsExactly("lockout-officer@2026-12-05");
		});
	}

	@Test
	void shouldLeaveTheConfiguredRegisterInPlaceUnlessAsked() {
		runner().run((context) -> {
			assertThat(context.getBean(HabilitationRegister.class).titlesOf("anyone")).singleElement()
				.satisfies((title) -> assertThat(title.symbols()).containsExactly("B0L"));
			assertThat(this.asked).isEmpty();
		});
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withBean(CompetencyRegister.class, () -> this.register)
			.withBean(Clock.class, () -> CLOCK)
			.withBean("configuredHabilitationRegister", HabilitationRegister.class, () -> this.configured)
			.withUserConfiguration(CompetencyRegisterHabilitations.class);
	}

}

package fr.refactory.plant.hrcomp;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.simulation.Simulation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCompetencyRegisterTest extends CompetencyRegisterContract {

	private final CompetencyRegister register = new SimulatedCompetencyRegister(Simulation.immediate("hrcomp"), staff(),
			shifts());

	@Override
	protected CompetencyRegister register() {
		return this.register;
	}

	/**
	 * No answer lapses with the calendar: years after this was written, a line slot
	 * booked weeks ahead is still covered by the Refactory's authorisation, and a date
	 * past the last one granted still is not.
	 */
	@Test
	void shouldStayPlausibleYearsAhead() {
		for (int years = 1; years <= 12; years++) {
			Instant later = LocalDate.of(2026, 12, 7)
				.plusYears(years)
				.plusDays(37L * years)
				.atStartOfDay(ZoneOffset.UTC)
				.toInstant();
			LocalDate today = LocalDate.ofInstant(later, ZoneOffset.UTC);
			CompetencyRegister then = new SimulatedCompetencyRegister(new Simulation("hrcomp",
					SystemSettings.simulated(), Clock.fixed(later, ZoneOffset.UTC), (duration) -> {
					}), staff());

			InstallerAuthorisation slot = then.installerAuthorisation("REFACTORY-FLINS", "MASTER_III",
					today.plusDays(28));
			InstallerAuthorisation farAhead = then.installerAuthorisation("REFACTORY-FLINS", "MASTER_III",
					today.plusYears(3));

			assertThat(slot.valid()).as("line slot four weeks after %s", today).isTrue();
			assertThat(farAhead.valid()).as("three years after %s", today).isFalse();
			assertThat(then.habilitationsOf("rachid.retrofit", today).titles()).isNotEmpty()
				.allSatisfy((title) -> assertThat(title.expiresOn()).isAfterOrEqualTo(today));
		}
	}

}

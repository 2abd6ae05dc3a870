package fr.refactory.plant.hrcomp;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CompetencyRegister} adapter must do; run against the simulated and the HTTP adapter. */
abstract class CompetencyRegisterContract {

	protected abstract CompetencyRegister register();

	@Test
	void shouldListOnlyTitlesValidOnTheAskedDate() {
		Habilitations beforeAny = register().habilitationsOf("rachid.retrofit", LocalDate.of(2023, 6, 1));
		Habilitations meanwhile = register().habilitationsOf("rachid.retrofit", LocalDate.of(2026, 12, 1));

		assertThat(beforeAny.titles()).isNotEmpty();
		assertThat(beforeAny.validSymbols()).isEmpty();
		assertThat(meanwhile.titles()).isEqualTo(beforeAny.titles());
		assertThat(meanwhile.validSymbols()).isNotEmpty().allMatch((symbol) -> symbol.matches("B[0-9CR]X?L"));
	}

	@Test
	void shouldNameTheAuthorisedInstallerAndItsAddress() {
		InstallerAuthorisation refactory = register().installerAuthorisation("REFACTORY-FLINS", "MASTER_III",
				LocalDate.of(2026, 1, 1));

		assertThat(refactory.installerName()).contains("Refactory");
		assertThat(refactory.installerAddress()).contains("Flins");
	}

	@Test
	void shouldAuthoriseAnInstallerOnlyWithinItsValidityAndScope() {
		InstallerAuthorisation probe = register().installerAuthorisation("TOLV-FLINS", "MASTER_III", LocalDate.of(2026, 1, 1));

		InstallerAuthorisation onLastDay = register().installerAuthorisation("TOLV-FLINS", "MASTER_III", probe.validTo());
		InstallerAuthorisation dayAfter = register().installerAuthorisation("TOLV-FLINS", "MASTER_III",
				probe.validTo().plusDays(1));
		InstallerAuthorisation otherType = register().installerAuthorisation("TOLV-FLINS", "TRAFIC", probe.validTo());

		assertThat(probe.validTo()).isBeforeOrEqualTo(probe.validFrom().plusYears(2));
		assertThat(onLastDay.valid()).isTrue();
		assertThat(dayAfter.valid()).isFalse();
		assertThat(otherType.valid()).isFalse();
	}

}

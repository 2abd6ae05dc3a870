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
	void shouldListTheStaffOnShiftWithTheirOwnTitles() {
		LocalDate on = LocalDate.of(2027, 3, 1);

		assertThat(register().peopleOnShift(on)).containsExactly("laure.lockout", "theo.trainee");
		assertThat(register().habilitationsOf("laure.lockout", on).validSymbols()).containsExactly("BCL", "B1L");
		assertThat(register().habilitationsOf("laure.lockout", LocalDate.of(2030, 1, 1)).validSymbols()).isEmpty();
		assertThat(register().habilitationsOf("theo.trainee", on).validSymbols()).containsExactly("B0L");
	}

	/** The roster {@link #register()} answers from: two people and their titles, as configuration gives them. */
	static java.util.Map<String, java.util.List<Habilitations.Habilitation>> staff() {
		java.util.Map<String, java.util.List<Habilitations.Habilitation>> staff = new java.util.LinkedHashMap<>();
		LocalDate issued = LocalDate.EPOCH;
		staff.put("laure.lockout", java.util.List.of(
				new Habilitations.Habilitation("BCL", issued, LocalDate.of(2029, 5, 31), LocalDate.of(2026, 6, 1)),
				new Habilitations.Habilitation("B1L", issued, LocalDate.of(2029, 5, 31), LocalDate.of(2026, 6, 1))));
		staff.put("theo.trainee", java.util.List.of(
				new Habilitations.Habilitation("B0L", issued, LocalDate.of(2029, 5, 31), LocalDate.of(2026, 6, 1))));
		return staff;
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

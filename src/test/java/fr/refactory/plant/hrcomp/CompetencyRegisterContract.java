package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.hrcomp.Habilitations.Habilitation;
import fr.refactory.system.habilitation.HabilitationTitle;
import fr.refactory.system.roster.RosterEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CompetencyRegister} adapter must answer; run against the simulated
 * and the HTTP adapter. Whether a title allows an operation is D5's, not the register's:
 * these tests read the titles and dates the register answers.
 */
abstract class CompetencyRegisterContract {

	protected abstract CompetencyRegister register();

	@Test
	void shouldAnswerTheTitlesIssuedByTheAskedDate() {
		Habilitations beforeAny = register().habilitationsOf("rachid.retrofit", LocalDate.of(2023, 6, 1));
		LocalDate on = LocalDate.of(2026, 12, 1);
		Habilitations meanwhile = register().habilitationsOf("rachid.retrofit", on);

		assertThat(beforeAny.titles()).isEmpty();
		assertThat(meanwhile.titles()).isNotEmpty().allSatisfy((title) -> {
			assertThat(title.symbol()).matches("B[0-9CR]X?L");
			assertThat(title.issuedOn()).isBeforeOrEqualTo(on);
			assertThat(title.lastRefresherOn()).isBeforeOrEqualTo(on);
		});
	}

	/**
	 * The simulated plant renews its people's titles: years on, they hold the same
	 * symbols, issued and refreshed anew.
	 */
	@Test
	void shouldAnswerRenewedTitlesYearsLater() {
		LocalDate on = LocalDate.of(2026, 12, 1);
		LocalDate later = on.plusYears(7);
		List<Habilitation> now = register().habilitationsOf("rachid.retrofit", on).titles();
		List<Habilitation> then = register().habilitationsOf("rachid.retrofit", later).titles();

		assertThat(then).extracting(Habilitation::symbol)
			.containsExactlyElementsOf(now.stream().map(Habilitation::symbol).toList());
		assertThat(then).allSatisfy((title) -> {
			assertThat(title.issuedOn()).isAfter(on).isBeforeOrEqualTo(later);
			assertThat(title.expiresOn()).isAfterOrEqualTo(later);
			assertThat(title.lastRefresherOn().plusYears(3)).isAfter(later);
		});
	}

	@Test
	void shouldListTheStaffOnShiftWithTheirOwnTitlesAsTheyStandThatDay() {
		LocalDate on = LocalDate.of(2027, 3, 1);
		LocalDate years = LocalDate.of(2030, 1, 1);

		assertThat(register().peopleOnShift(on)).containsExactly("laure.lockout", "theo.trainee");
		assertThat(register().habilitationsOf("laure.lockout", on).titles()).containsExactly(
				new Habilitation("BCL", LocalDate.EPOCH, LocalDate.of(2029, 5, 31), LocalDate.of(2026, 6, 1)),
				new Habilitation("B1L", LocalDate.EPOCH, LocalDate.of(2029, 5, 31), LocalDate.of(2026, 6, 1)));
		assertThat(register().habilitationsOf("laure.lockout", years).titles()).as("renewed every three years")
			.extracting(Habilitation::expiresOn, Habilitation::lastRefresherOn)
			.containsOnly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2032, 5, 31), LocalDate.of(2029, 6, 1)));
		assertThat(register().habilitationsOf("theo.trainee", years).titles()).as("not renewed: lapsed as recorded")
			.containsExactly(
					new Habilitation("B0L", LocalDate.EPOCH, LocalDate.of(2029, 5, 31), LocalDate.of(2026, 6, 1)));
	}

	/**
	 * Who works which shift (ADR 0710): a person may work several shifts; the people on
	 * shift are listed once.
	 */
	@Test
	void shouldAnswerTheShiftOfEachPersonOnTheRoster() {
		LocalDate on = LocalDate.of(2027, 3, 1);

		assertThat(register().shiftRoster(on)).containsExactly(new RosterEntry("laure.lockout", "MORNING"),
				new RosterEntry("theo.trainee", "MORNING"), new RosterEntry("laure.lockout", "NIGHT"));
	}

	/**
	 * The shifts of {@link #staff()}: both work the morning, laure.lockout the night too.
	 */
	static Map<String, List<String>> shifts() {
		Map<String, List<String>> shifts = new LinkedHashMap<>();
		shifts.put("MORNING", List.of("laure.lockout", "theo.trainee"));
		shifts.put("NIGHT", List.of("laure.lockout"));
		return shifts;
	}

	/**
	 * The roster {@link #register()} answers from: two people and their titles, as
	 * configuration gives them.
	 */
	static Map<String, List<HabilitationTitle>> staff() {
		Map<String, List<HabilitationTitle>> staff = new LinkedHashMap<>();
		staff.put("laure.lockout", List.of(new HabilitationTitle(List.of("BCL", "B1L"), LocalDate.of(2029, 5, 31),
				LocalDate.of(2026, 6, 1), Period.ofYears(3))));
		staff.put("theo.trainee",
				List.of(new HabilitationTitle(List.of("B0L"), LocalDate.of(2029, 5, 31), LocalDate.of(2026, 6, 1))));
		return staff;
	}

	@Test
	void shouldNameTheAuthorisedInstallerAndItsAddress() {
		InstallerAuthorisation refactory = register().installerAuthorisation("REFACTORY-FLINS", "MASTER_III",
				LocalDate.of(2026, 1, 1));

		assertThat(refactory.installerName()).contains("Refactory");
		assertThat(refactory.installerAddress()).contains("Flins");
	}

	/**
	 * Two years at a time, each renewal granted some months before the expiry: a date the
	 * register knows is covered (a past one, a line slot weeks ahead), a date past the
	 * last authorisation granted is not (AS-30); and only for the Master vans.
	 */
	@Test
	void shouldAuthoriseAnInstallerOnlyWithinTheAuthorisationsGrantedAndTheirScope() {
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		InstallerAuthorisation past = register().installerAuthorisation("TOLV-FLINS", "MASTER_III",
				LocalDate.of(2026, 1, 1));
		InstallerAuthorisation slotAhead = register().installerAuthorisation("TOLV-FLINS", "MASTER_III",
				today.plusDays(60));
		InstallerAuthorisation farAhead = register().installerAuthorisation("TOLV-FLINS", "MASTER_III",
				today.plusYears(3));
		InstallerAuthorisation lastDay = register().installerAuthorisation("TOLV-FLINS", "MASTER_III",
				farAhead.validTo());
		InstallerAuthorisation dayAfter = register().installerAuthorisation("TOLV-FLINS", "MASTER_III",
				farAhead.validTo().plusDays(1));
		InstallerAuthorisation otherType = register().installerAuthorisation("TOLV-FLINS", "TRAFIC", today);

		assertThat(past.valid()).isTrue();
		assertThat(past.validTo()).isEqualTo(past.validFrom().plusYears(2));
		assertThat(slotAhead.valid()).isTrue();
		assertThat(farAhead.valid()).isFalse();
		assertThat(farAhead.validTo()).isAfter(today.plusDays(60));
		assertThat(lastDay.valid()).isTrue();
		assertThat(dayAfter.valid()).isFalse();
		assertThat(dayAfter.validTo()).isEqualTo(farAhead.validTo());
		assertThat(otherType.valid()).isFalse();
	}

}

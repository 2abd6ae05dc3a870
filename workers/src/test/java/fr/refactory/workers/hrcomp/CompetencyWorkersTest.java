package fr.refactory.workers.hrcomp;

import java.util.List;
import java.util.Map;

import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.Results;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import io.camunda.client.exception.BpmnError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompetencyWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	CompetencyWorkers workers;

	@Autowired
	CompetencyRegister register;

	@Test
	void getHabilitationIsValidExactlyWhenTheOfficerHoldsTheSymbolThatDay() {
		List<String> held = this.register.habilitationsOf("HV-OFFICER-7", java.time.LocalDate.parse("2026-03-01"))
			.validSymbols();
		String symbol = held.isEmpty() ? "BCL" : held.get(0);

		Map<String, Object> result = this.workers.getHabilitation(TestJob.of("hrcomp.getHabilitation",
				Map.of("personId", "HV-OFFICER-7", "requiredSymbol", symbol, "operationDate", "2026-03-01",
						"subjectKey", TestVins.master())));

		assertThat(result).containsEntry("heldSymbols", held).containsEntry("habilitationValid", held.contains(symbol));
		assertThat(this.workers
			.getHabilitation(TestJob.of("hrcomp.getHabilitation", Map.of("requiredSymbol", "BCL")))
			.get("habilitationValid")).isEqualTo(false);
	}

	/**
	 * The configured staff are the simulated roster: lockout-officer and battery-technician hold a BCL valid in 2027,
	 * retrofit-technician (B1L) and lockout-trainee (B0L) do not, so only the BCL holders are options of the select.
	 */
	@Test
	void proposeLockoutOfficersOffersTheBclHoldersOnShiftAsSelectOptions() {
		java.time.LocalDate on = java.time.LocalDate.parse("2027-03-01");
		List<String> bclHolders = this.register.peopleOnShift(on)
			.stream()
			.filter((person) -> this.register.habilitationsOf(person, on).validSymbols().contains("BCL"))
			.toList();

		Map<String, Object> result = this.workers.proposeLockoutOfficers(TestJob.of("hrcomp.proposeLockoutOfficers",
				Map.of("vin", TestVins.master(), "operationDate", on.toString())));

		List<Object> options = Results.list(result.get("lockoutOfficerCandidates"));
		assertThat(options).extracting((option) -> Results.map(option).get("value"))
			.containsExactlyElementsOf(bclHolders)
			.contains("lockout-officer", "battery-technician")
			.doesNotContain("retrofit-technician", "lockout-trainee");
		assertThat(Results.map(options.get(0)).get("label").toString()).contains("BCL valid until");
	}

	/**
	 * The retrofit team is chosen among the people on shift holding B1L or B2L on the planned conversion date (ADR 0430):
	 * retrofit-technician (B1L), retrofit-work-lead (B1L, B2L) and lockout-officer (B1L) are options, the BCL-only
	 * battery-technician and lockout-trainee (B0L) are not.
	 */
	@Test
	void proposeRetrofitTeamOffersTheB1lAndB2lHoldersOnShiftAsChecklistOptions() {
		java.time.LocalDate on = java.time.LocalDate.parse("2027-03-01");
		List<String> holders = this.register.peopleOnShift(on)
			.stream()
			.filter((person) -> this.register.habilitationsOf(person, on)
				.validSymbols()
				.stream()
				.anyMatch(List.of("B1L", "B2L")::contains))
			.toList();

		Map<String, Object> result = this.workers.proposeRetrofitTeam(TestJob.of("hrcomp.proposeRetrofitTeam",
				Map.of("vin", TestVins.master(), "operationDate", on.toString())));

		List<Object> options = Results.list(result.get("retrofitTeamCandidates"));
		assertThat(options).extracting((option) -> Results.map(option).get("value"))
			.containsExactlyElementsOf(holders)
			.contains("retrofit-technician", "retrofit-work-lead", "lockout-officer")
			.doesNotContain("battery-technician", "lockout-trainee");
		assertThat(options).extracting((option) -> Results.map(option).get("label").toString())
			.contains("retrofit-work-lead (B1L, B2L valid until 2029-02-28)");
	}

	/** Nobody named for the conversion is not a default team: the check finds nobody habilitated. */
	@Test
	void checkElectricalHabilitationsWithoutATeamIsHabilitationMissing() {
		TestJob noTeam = TestJob.of("hrcomp.checkElectricalHabilitations",
				Map.of("vin", TestVins.master(), "operationDate", "2027-03-01"));
		assertThatThrownBy(() -> this.workers.checkElectricalHabilitations(noTeam)).isInstanceOfSatisfying(
				BpmnError.class, (error) -> assertThat(error.getErrorCode()).isEqualTo("HABILITATION_MISSING"));
	}

	@Test
	void checkElectricalHabilitationsListsTheEligibleAssigneesOrIsHabilitationMissing() {
		String date = "2026-03-01";
		List<String> team = new java.util.ArrayList<>();
		List<String> unqualified = new java.util.ArrayList<>();
		for (int i = 0; i < 60 && (team.isEmpty() || unqualified.isEmpty()); i++) {
			String person = "TECH-" + i;
			boolean qualified = this.register.habilitationsOf(person, java.time.LocalDate.parse(date))
				.validSymbols()
				.stream()
				.anyMatch(List.of("B1L", "B2L")::contains);
			(qualified ? team : unqualified).add(person);
		}
		assertThat(team).isNotEmpty();
		assertThat(unqualified).isNotEmpty();

		Map<String, Object> result = this.workers.checkElectricalHabilitations(TestJob.of(
				"hrcomp.checkElectricalHabilitations",
				Map.of("vin", TestVins.master(), "operationDate", date, "retrofitTeam", List.of(team.get(0), unqualified.get(0)))));
		assertThat(Results.list(result.get("eligibleAssignees"))).singleElement()
			.satisfies((a) -> assertThat(Results.map(a)).containsEntry("personId", team.get(0)));

		TestJob nobody = TestJob.of("hrcomp.checkElectricalHabilitations",
				Map.of("vin", TestVins.master(), "operationDate", date, "retrofitTeam", List.of(unqualified.get(0))));
		assertThatThrownBy(() -> this.workers.checkElectricalHabilitations(nobody)).isInstanceOfSatisfying(
				BpmnError.class, (error) -> assertThat(error.getErrorCode()).isEqualTo("HABILITATION_MISSING"));
	}

	@Test
	void checkInstallerAuthorisationAnswersValidityAndExpiry() {
		Map<String, Object> result = this.workers.checkInstallerAuthorisation(TestJob.of(
				"hrcomp.checkInstallerAuthorisation",
				Map.of("vin", TestVins.master(), "modelFamily", "CLIO", "plannedConversionDate", "2026-06-01")));

		assertThat(result).containsEntry("installerAuthorisationValid", false)
			.containsKey("installerAuthorisationValidTo");
	}

}

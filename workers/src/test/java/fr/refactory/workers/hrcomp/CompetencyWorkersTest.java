package fr.refactory.workers.hrcomp;

import java.util.List;
import java.util.Map;

import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.system.habilitation.HabilitationTitle;
import fr.refactory.test.AdminClient;
import fr.refactory.test.HabilitationDecisions;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.Results;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import io.camunda.client.CamundaClient;
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

	@Autowired
	fr.refactory.records.PlantCalendars calendars;

	@Autowired
	java.time.Clock clock;

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void getHabilitationAcceptsTheOfficerD5AllowsToLockOutThatDay() {
		Map<String, Object> result = this.workers.getHabilitation(TestJob.of("hrcomp.getHabilitation",
				Map.of("personId", "lockout-officer", "operationDate", "2027-03-01", "subjectKey", TestVins.master())));

		assertThat(result).containsEntry("habilitationValid", true).containsEntry("heldSymbols", List.of("BCL", "B1L"));
		assertThat(this.workers.getHabilitation(TestJob.of("hrcomp.getHabilitation", Map.of("operationDate", "2027-03-01")))
			.get("habilitationValid")).as("nobody designated").isEqualTo(false);
		assertThat(this.workers
			.getHabilitation(TestJob.of("hrcomp.getHabilitation",
					Map.of("personId", "lockout-trainee", "operationDate", "2027-03-01")))
			.get("habilitationValid")).as("B0L only").isEqualTo(false);
	}

	/**
	 * AS-42 at L.1: lapsed-officer's BCL title had its last refresher on 2021-09-01. The day before the third anniversary
	 * he may lock out; on the anniversary the refresher is overdue (D5: today &lt; lastRefresherDate + P3Y), and the
	 * answer is the deployed decision's: each check leaves a decision instance.
	 */
	@Test
	void getHabilitationRefusesAnOfficerWhoseRefresherIsThreeYearsOldOnTheOperationDate() {
		long evaluatedBefore = checkInstances();

		Map<String, Object> dayBefore = this.workers.getHabilitation(TestJob.of("hrcomp.getHabilitation",
				Map.of("personId", "lapsed-officer", "operationDate", "2024-08-31")));
		Map<String, Object> anniversary = this.workers.getHabilitation(TestJob.of("hrcomp.getHabilitation",
				Map.of("personId", "lapsed-officer", "operationDate", "2024-09-01")));

		assertThat(dayBefore).containsEntry("habilitationValid", true);
		assertThat(anniversary).containsEntry("habilitationValid", false).containsEntry("heldSymbols", List.of("BCL"));
		assertThat(checkInstances()).isGreaterThanOrEqualTo(evaluatedBefore + 2);
	}

	/**
	 * The configured staff are the simulated roster: lockout-officer and battery-technician hold a BCL D5 accepts in
	 * 2027, retrofit-technician (B1L), lockout-trainee (B0L) and lapsed-officer (refresher overdue) are not accepted, so
	 * only the first two are options of the select.
	 */
	@Test
	void proposeLockoutOfficersOffersThePeopleOnShiftD5AllowsToLockOut() {
		java.time.LocalDate on = java.time.LocalDate.parse("2027-03-01");
		List<String> allowed = this.register.peopleOnShift(on)
			.stream()
			.filter((person) -> HabilitationDecisions.allows(this.client, "LOCKOUT", on,
					this.register.habilitationsOf(person, on).asTitles()))
			.toList();

		Map<String, Object> result = this.workers.proposeLockoutOfficers(TestJob.of("hrcomp.proposeLockoutOfficers",
				Map.of("vin", TestVins.master(), "operationDate", on.toString())));

		List<Object> options = Results.list(result.get("lockoutOfficerCandidates"));
		assertThat(options).extracting((option) -> Results.map(option).get("value"))
			.containsExactlyElementsOf(allowed)
			.contains("lockout-officer", "battery-technician")
			.doesNotContain("retrofit-technician", "lockout-trainee", "lapsed-officer");
		assertThat(Results.map(options.get(0)).get("label").toString()).contains("BCL valid until");
	}

	/**
	 * The retrofit team is chosen among the people on shift D5 allows to execute (B1L) or lead (B2L) HV work on the
	 * planned conversion date (ADR 0430): retrofit-technician (B1L), retrofit-work-lead (B1L, B2L) and lockout-officer
	 * (B1L) are options, the BCL-only battery-technician and lockout-trainee (B0L) are not.
	 */
	@Test
	void proposeRetrofitTeamOffersThePeopleD5AllowsToExecuteOrLeadHvWork() {
		java.time.LocalDate on = java.time.LocalDate.parse("2027-03-01");
		List<String> holders = this.register.peopleOnShift(on)
			.stream()
			.filter((person) -> conversionAllowed(person, on))
			.toList();

		Map<String, Object> result = this.workers.proposeRetrofitTeam(TestJob.of("hrcomp.proposeRetrofitTeam",
				Map.of("vin", TestVins.master(), "operationDate", on.toString())));

		List<Object> options = Results.list(result.get("retrofitTeamCandidates"));
		assertThat(options).extracting((option) -> Results.map(option).get("value"))
			.containsExactlyElementsOf(holders)
			.contains("retrofit-technician", "retrofit-work-lead", "lockout-officer")
			.doesNotContain("battery-technician", "lockout-trainee");
		assertThat(options).extracting((option) -> Results.map(option).get("label").toString())
			.anySatisfy((label) -> assertThat(label).startsWith("retrofit-work-lead (B1L, B2L valid until 2029-03-01; shift ")
				.contains("MORNING"));
	}

	/**
	 * A lockout for today is offered to the BCL holders at work now (ADR 0710): night-officer works only the night
	 * shift, so he is an option for today exactly when the night shift runs, and always for another day.
	 */
	@Test
	void proposeLockoutOfficersForTodayOffersOnlyTheShiftAtWork() {
		boolean nightNow = this.calendars.current()
			.shiftsRunningAt(this.clock.instant())
			.stream()
			.anyMatch((running) -> running.shift().code().equals("NIGHT"));

		List<Object> today = Results.list(this.workers.proposeLockoutOfficers(TestJob.of("hrcomp.proposeLockoutOfficers",
				Map.of("vin", TestVins.master()))).get("lockoutOfficerCandidates"));
		List<Object> nextYear = Results.list(this.workers.proposeLockoutOfficers(TestJob.of(
				"hrcomp.proposeLockoutOfficers", Map.of("vin", TestVins.master(), "operationDate", "2027-03-01")))
			.get("lockoutOfficerCandidates"));

		assertThat(today).extracting((option) -> Results.map(option).get("value"))
			.contains("lockout-officer")
			.matches((values) -> values.contains("night-officer") == nightNow, "night-officer only on the night shift");
		assertThat(nextYear).extracting((option) -> Results.map(option).get("label").toString())
			.contains("night-officer (BCL valid until 2099-12-31; shift NIGHT)");
	}

	/**
	 * 3.3 judges the technicians of the shift: someone D5 would allow but who is not on the roster of the planned date
	 * is not eligible (the audit names him), and a team of nobody on shift is HABILITATION_MISSING.
	 */
	@Test
	void checkElectricalHabilitationsJudgesOnlyTheTeamMembersOnTheShiftRoster() {
		java.time.LocalDate on = java.time.LocalDate.parse("2027-03-01");
		String offRoster = java.util.stream.IntStream.range(0, 60)
			.mapToObj((i) -> "TECH-" + i)
			.filter((person) -> conversionAllowed(person, on))
			.findFirst()
			.orElseThrow();

		Map<String, Object> result = this.workers.checkElectricalHabilitations(TestJob.of(
				"hrcomp.checkElectricalHabilitations", Map.of("vin", TestVins.master(), "operationDate", on.toString(),
						"retrofitTeam", List.of("retrofit-technician", offRoster, "lockout-trainee"))));
		assertThat(Results.list(result.get("eligibleAssignees"))).singleElement()
			.satisfies((a) -> assertThat(Results.map(a)).containsEntry("personId", "retrofit-technician"));

		TestJob nobodyOnShift = TestJob.of("hrcomp.checkElectricalHabilitations",
				Map.of("vin", TestVins.master(), "operationDate", on.toString(), "retrofitTeam", List.of(offRoster)));
		assertThatThrownBy(() -> this.workers.checkElectricalHabilitations(nobodyOnShift)).isInstanceOfSatisfying(
				BpmnError.class, (error) -> assertThat(error.getErrorCode()).isEqualTo("HABILITATION_MISSING"));
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
	void checkInstallerAuthorisationAnswersValidityAndExpiry() {
		Map<String, Object> result = this.workers.checkInstallerAuthorisation(TestJob.of(
				"hrcomp.checkInstallerAuthorisation",
				Map.of("vin", TestVins.master(), "modelFamily", "CLIO", "plannedConversionDate", "2026-06-01")));

		assertThat(result).containsEntry("installerAuthorisationValid", false)
			.containsKey("installerAuthorisationValidTo");
	}

	private boolean conversionAllowed(String person, java.time.LocalDate on) {
		List<HabilitationTitle> titles = this.register.habilitationsOf(person, on).asTitles();
		return HabilitationDecisions.allows(this.client, "HV_WORK_EXECUTE", on, titles)
				|| HabilitationDecisions.allows(this.client, "HV_WORK_LEAD", on, titles);
	}

	private long checkInstances() {
		return this.client.newDecisionInstanceSearchRequest()
			.filter((filter) -> filter.decisionDefinitionId("hv-habilitation-check"))
			.send()
			.join()
			.page()
			.totalItems();
	}

}

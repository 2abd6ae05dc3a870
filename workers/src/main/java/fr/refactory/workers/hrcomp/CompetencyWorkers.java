package fr.refactory.workers.hrcomp;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.plant.hrcomp.Habilitations;
import fr.refactory.plant.hrcomp.InstallerAuthorisation;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

/** The competency register workers ({@code hrcomp.*}): habilitations and installer authorisations on a date. */
@Component
public class CompetencyWorkers {

	/** Symbols a conversion needs: someone executing (B1L) or leading (B2L) electrical work. */
	static final List<String> CONVERSION_SYMBOLS = List.of("B1L", "B2L");

	static final String REFACTORY_INSTALLER = "REFACTORY-FLINS";

	private final CompetencyRegister register;

	private final WorkerRecords records;

	CompetencyWorkers(CompetencyRegister register, WorkerRecords records) {
		this.register = register;
		this.records = records;
	}

	/** L.1: does the lockout officer hold {@code requiredSymbol} on the operation date? (D5 decides what follows.) */
	@JobWorker(type = "hrcomp.getHabilitation")
	public Map<String, Object> getHabilitation(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String personId = vars.text("personId");
		String required = vars.textOr("BCL", "requiredSymbol");
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<String> held = (personId == null) ? List.of()
				: JobOutcome.call(job, () -> this.register.habilitationsOf(personId, on)).validSymbols();
		boolean valid = held.contains(required);
		this.records.audit(job, "HABILITATION_CHECKED", "PERSON", (personId == null) ? "NONE" : personId,
				WorkerRecords.data("requiredSymbol", required, "on", on.toString(), "heldSymbols", held, "valid", valid));
		return Map.of("habilitationValid", valid, "heldSymbols", held);
	}

	/**
	 * L.1 resolution: the people on shift on the operation date who hold {@code requiredSymbol} (BCL), as the options of
	 * the lockout officer select ({@code valuesKey} of form {@code lockout-officer-assignment}, ADR 0403). Nobody on
	 * shift gives an empty list: the form then offers no officer and the resolution waits for the roster.
	 */
	@JobWorker(type = "hrcomp.proposeLockoutOfficers")
	public Map<String, Object> proposeLockoutOfficers(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String required = vars.textOr("BCL", "requiredSymbol");
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<Map<String, Object>> options = new ArrayList<>();
		for (String person : JobOutcome.call(job, () -> this.register.peopleOnShift(on))) {
			JobOutcome.call(job, () -> this.register.habilitationsOf(person, on))
				.titles()
				.stream()
				.filter((title) -> title.symbol().equals(required) && title.validOn(on))
				.findFirst()
				.ifPresent((title) -> options.add(Map.of("value", person, "label",
						person + " (" + required + " valid until " + title.expiresOn() + ")")));
		}
		boolean pack = vars.text("vin") == null && vars.text("batteryId") != null;
		this.records.audit(job, "LOCKOUT_OFFICERS_PROPOSED", pack ? "BATTERY" : "VEHICLE",
				vars.textOr("UNKNOWN", "vin", "batteryId"),
				WorkerRecords.data("requiredSymbol", required, "on", on.toString(), "proposed",
						options.stream().map((option) -> option.get("value")).toList()));
		return Map.of("lockoutOfficerCandidates", options);
	}

	/**
	 * 3.3: the people on shift on the planned conversion date who hold B1L or B2L, as the options of the retrofit team
	 * checklist ({@code valuesKey} of form {@code retrofit-team-assignment}, ADR 0430); the work lead chooses the team
	 * among them. Nobody on shift gives an empty list: the form then offers nobody and the choice waits for the roster.
	 */
	@JobWorker(type = "hrcomp.proposeRetrofitTeam")
	public Map<String, Object> proposeRetrofitTeam(ActivatedJob job) {
		Vars vars = Vars.of(job);
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<Map<String, Object>> options = new ArrayList<>();
		for (String person : JobOutcome.call(job, () -> this.register.peopleOnShift(on))) {
			List<Habilitations.Habilitation> held = JobOutcome.call(job, () -> this.register.habilitationsOf(person, on))
				.titles()
				.stream()
				.filter((title) -> CONVERSION_SYMBOLS.contains(title.symbol()) && title.validOn(on))
				.toList();
			if (!held.isEmpty()) {
				options.add(Map.of("value", person, "label", person + " ("
						+ String.join(", ", held.stream().map(Habilitations.Habilitation::symbol).toList())
						+ " valid until "
						+ held.stream().map(Habilitations.Habilitation::expiresOn).min(LocalDate::compareTo).orElseThrow()
						+ ")"));
			}
		}
		this.records.audit(job, "RETROFIT_TEAM_PROPOSED", "VEHICLE", vars.textOr("UNKNOWN", "vin"),
				WorkerRecords.data("symbols", CONVERSION_SYMBOLS, "on", on.toString(), "proposed",
						options.stream().map((option) -> option.get("value")).toList()));
		return Map.of("retrofitTeamCandidates", options);
	}

	/**
	 * 3.3: the team members habilitated B1L or B2L on the planned conversion date. Nobody eligible is the BPMN error
	 * {@code HABILITATION_MISSING}.
	 */
	@JobWorker(type = "hrcomp.checkElectricalHabilitations")
	public Map<String, Object> checkElectricalHabilitations(ActivatedJob job) {
		Vars vars = Vars.of(job);
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<String> team = vars.list("retrofitTeam").stream().map(Object::toString).toList();
		List<Map<String, Object>> eligible = new ArrayList<>();
		for (String person : team) {
			Habilitations titles = JobOutcome.call(job, () -> this.register.habilitationsOf(person, on));
			List<String> symbols = titles.validSymbols().stream().filter(CONVERSION_SYMBOLS::contains).toList();
			if (!symbols.isEmpty()) {
				Map<String, Object> assignee = new LinkedHashMap<>();
				assignee.put("personId", person);
				assignee.put("symbols", symbols);
				eligible.add(assignee);
			}
		}
		String subjectKey = vars.textOr("UNKNOWN", "vin");
		this.records.audit(job, "HABILITATIONS_CHECKED", "VEHICLE", subjectKey,
				WorkerRecords.data("on", on.toString(), "team", team, "eligible", eligible));
		if (eligible.isEmpty()) {
			throw JobOutcome.businessError(BusinessErrorCodes.HABILITATION_MISSING,
					"hrcomp: nobody of " + team + " holds B1L or B2L on " + on);
		}
		return Map.of("eligibleAssignees", eligible);
	}

	/** 3.3: the installer's authorisation for the vehicle type on the planned conversion date. */
	@JobWorker(type = "hrcomp.checkInstallerAuthorisation")
	public Map<String, Object> checkInstallerAuthorisation(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String installer = vars.textOr(REFACTORY_INSTALLER, "installerOrg");
		String vehicleType = vars.textOr("MASTER_III", "modelFamily");
		LocalDate on = vars.dateOr(today(), "plannedConversionDate");
		InstallerAuthorisation authorisation = JobOutcome.call(job,
				() -> this.register.installerAuthorisation(installer, vehicleType, on));
		this.records.audit(job, "INSTALLER_AUTHORISATION_CHECKED", "VEHICLE", vars.textOr("UNKNOWN", "vin"),
				WorkerRecords.data("installer", installer, "vehicleType", vehicleType, "on", on.toString(), "valid",
						authorisation.valid(), "validTo", authorisation.validTo().toString()));
		return Map.of("installerAuthorisationValid", authorisation.valid(), "installerAuthorisationValidTo",
				authorisation.validTo().toString(), "installerName", authorisation.installerName(),
				"installerAddress", authorisation.installerAddress());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC);
	}

}

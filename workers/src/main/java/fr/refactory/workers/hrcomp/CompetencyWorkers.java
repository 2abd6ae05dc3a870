package fr.refactory.workers.hrcomp;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.plant.hrcomp.InstallerAuthorisation;
import fr.refactory.records.PlantCalendar.ShiftAt;
import fr.refactory.records.PlantCalendars;
import fr.refactory.system.habilitation.HabilitationCheck;
import fr.refactory.system.habilitation.HabilitationCheck.Answer;
import fr.refactory.system.habilitation.HabilitationCheck.Verdict;
import fr.refactory.system.habilitation.HabilitationTitle;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import io.camunda.client.CamundaClient;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.BOOLEAN;
import static fr.refactory.workers.support.JobContract.Type.DATE;
import static fr.refactory.workers.support.JobContract.Type.LIST;

/**
 * The competency register workers ({@code hrcomp.*}): habilitations and installer authorisations on a date. The register
 * answers the titles; whether a title allows an operation is D5's check, evaluated by the engine through the workers'
 * client for each title ({@link HabilitationCheck}, ADR 0470), so the rule is only in {@code decisions/}.
 */
@Component
public class CompetencyWorkers {

	/** D5 operation type of the lockout officer (L.1): locking out an HV system, so the vehicle has one. */
	static final String LOCKOUT = "LOCKOUT";

	/** D5 operation types of a conversion team member: executing (B1L) or leading (B2L) the electrical work. */
	static final List<String> CONVERSION_OPERATIONS = List.of("HV_WORK_EXECUTE", "HV_WORK_LEAD");

	static final String REFACTORY_INSTALLER = "REFACTORY-FLINS";

	private final CompetencyRegister register;

	private final WorkerRecords records;

	private final CamundaClient client;

	private final HabilitationCheck check = new HabilitationCheck(this::evaluate);

	private final PlantCalendars calendars;

	CompetencyWorkers(CompetencyRegister register, WorkerRecords records, CamundaClient client,
			PlantCalendars calendars) {
		this.register = register;
		this.records = records;
		this.client = client;
		this.calendars = calendars;
	}

	/** L.1: may the designated lockout officer lock out an HV system on the operation date? Nobody designated may not. */
	@JobWorker(type = "hrcomp.getHabilitation")
	@JobContract(name = "Competencies: get habilitation",
			description = "L.1: may the designated lockout officer lock out an HV system on the operation date? Nobody designated may not.",
			inputs = { @Var(name = "personId", description = "Person id"),
					@Var(name = "operationDate", type = DATE, description = "Date the operation is planned for (habilitations must be valid then)"),
					@Var(name = "subjectKey", description = "Vehicle or battery the HV work is on, kept in the audit log (else vin or batteryId)") },
			outputs = { @Var(name = "habilitationValid", type = BOOLEAN, description = "Habilitation valid"),
					@Var(name = "heldSymbols", type = LIST, description = "Held symbols") })
	public Map<String, Object> getHabilitation(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String personId = vars.text("personId");
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<HabilitationTitle> titles = (personId == null) ? List.of()
				: JobOutcome.call(job, () -> this.register.habilitationsOf(personId, on)).asTitles();
		List<String> held = titles.stream().flatMap((title) -> title.symbols().stream()).distinct().toList();
		Verdict verdict = (personId == null) ? null : this.check.judge(LOCKOUT, true, on, titles);
		boolean valid = verdict != null && verdict.allowed();
		this.records.audit(job, "HABILITATION_CHECKED", "PERSON", (personId == null) ? "NONE" : personId,
				WorkerRecords.data("operationType", LOCKOUT, "subjectKey", vars.text("subjectKey", "vin", "batteryId"),
						"requiredSymbol", (verdict == null) ? null : verdict.requiredSymbol(), "on", on.toString(),
						"heldSymbols", held,
						"valid", valid, "refusalReason", (verdict == null) ? "NOBODY_DESIGNATED" : verdict.refusalReason()));
		return Map.of("habilitationValid", valid, "heldSymbols", held);
	}

	/**
	 * L.1 resolution: the people on shift on the operation date whom D5 allows to lock out (BCL holders), as the options
	 * of the lockout officer select ({@code valuesKey} of form {@code lockout-officer-assignment}, ADR 0403). Nobody on
	 * shift gives an empty list: the form then offers no officer and the resolution waits for the roster.
	 */
	@JobWorker(type = "hrcomp.proposeLockoutOfficers")
	@JobContract(name = "Competencies: propose lockout officers",
			description = "L.1 resolution: the people on shift on the operation date whom D5 allows to lock out (BCL holders), as the options of the lockout officer select (valuesKey of form lockout-officer-assignment, ADR 0403). Nobody on shift gives an empty list: the form then offers no officer and the resolution waits for the roster.",
			inputs = { @Var(name = "operationDate", type = DATE, description = "Date the operation is planned for (habilitations must be valid then)"),
					@Var(name = "vin", description = "Vehicle identification number"),
					@Var(name = "batteryId", description = "Battery id") },
			outputs = { @Var(name = "lockoutOfficerCandidates", type = LIST, description = "Lockout officer candidates") })
	public Map<String, Object> proposeLockoutOfficers(ActivatedJob job) {
		Vars vars = Vars.of(job);
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<Map<String, Object>> options = new ArrayList<>();
		String required = null;
		Map<String, List<String>> shiftsByPerson = on.equals(today()) ? onShiftNow(job) : rosterOn(job, on);
		for (Map.Entry<String, List<String>> person : shiftsByPerson.entrySet()) {
			Verdict verdict = this.check.judge(LOCKOUT, true, on,
					JobOutcome.call(job, () -> this.register.habilitationsOf(person.getKey(), on)).asTitles());
			required = verdict.requiredSymbol();
			if (verdict.allowed()) {
				options.add(Map.of("value", person.getKey(), "label", person.getKey() + " (" + verdict.requiredSymbol()
						+ " valid until " + verdict.title().expiresOn() + "; " + shiftLabel(person.getValue()) + ")"));
			}
		}
		boolean pack = vars.text("vin") == null && vars.text("batteryId") != null;
		this.records.audit(job, "LOCKOUT_OFFICERS_PROPOSED", pack ? "BATTERY" : "VEHICLE",
				vars.textOr("UNKNOWN", "vin", "batteryId"),
				WorkerRecords.data("operationType", LOCKOUT, "requiredSymbol", required, "on", on.toString(), "proposed",
						options.stream().map((option) -> option.get("value")).toList()));
		return Map.of("lockoutOfficerCandidates", options);
	}

	/**
	 * 3.3: the people on shift on the planned conversion date whom D5 allows to execute (B1L) or lead (B2L) the
	 * conversion's electrical work, as the options of the retrofit team checklist ({@code valuesKey} of form
	 * {@code retrofit-team-assignment}, ADR 0430); the work lead chooses the team among them. Nobody on shift gives an
	 * empty list: the form then offers nobody and the choice waits for the roster.
	 */
	@JobWorker(type = "hrcomp.proposeRetrofitTeam")
	@JobContract(name = "Competencies: propose retrofit team",
			description = "3.3: the people on shift on the planned conversion date whom D5 allows to execute (B1L) or lead (B2L) the conversion's electrical work, as the options of the retrofit team checklist (valuesKey of form retrofit-team-assignment, ADR 0430); the work lead chooses the team among them. Nobody on shift gives an empty list: the form then offers nobody and the choice waits for the roster.",
			inputs = { @Var(name = "operationDate", type = DATE, description = "Date the operation is planned for (habilitations must be valid then)"),
					@Var(name = "vin", description = "Vehicle identification number") },
			outputs = { @Var(name = "retrofitTeamCandidates", type = LIST, description = "Retrofit team candidates") })
	public Map<String, Object> proposeRetrofitTeam(ActivatedJob job) {
		Vars vars = Vars.of(job);
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<Map<String, Object>> options = new ArrayList<>();
		for (Map.Entry<String, List<String>> person : rosterOn(job, on).entrySet()) {
			List<Verdict> allowed = conversionVerdicts(job, person.getKey(), on);
			if (!allowed.isEmpty()) {
				options.add(Map.of("value", person.getKey(), "label", person.getKey() + " ("
						+ String.join(", ", allowed.stream().map(Verdict::requiredSymbol).toList()) + " valid until "
						+ allowed.stream().map((verdict) -> verdict.title().expiresOn()).min(LocalDate::compareTo).orElseThrow()
						+ "; " + shiftLabel(person.getValue()) + ")"));
			}
		}
		this.records.audit(job, "RETROFIT_TEAM_PROPOSED", "VEHICLE", vars.textOr("UNKNOWN", "vin"),
				WorkerRecords.data("operationTypes", CONVERSION_OPERATIONS, "on", on.toString(), "proposed",
						options.stream().map((option) -> option.get("value")).toList()));
		return Map.of("retrofitTeamCandidates", options);
	}

	/**
	 * 3.3: the team members D5 allows to execute (B1L) or lead (B2L) the electrical work on the planned conversion date.
	 * Nobody eligible is the BPMN error {@code HABILITATION_MISSING}.
	 */
	@JobWorker(type = "hrcomp.checkElectricalHabilitations")
	@JobContract(name = "Competencies: check electrical habilitations",
			description = "3.3: the team members D5 allows to execute (B1L) or lead (B2L) the electrical work on the planned conversion date. Nobody eligible is the BPMN error HABILITATION_MISSING.",
			inputs = { @Var(name = "operationDate", type = DATE, description = "Date the operation is planned for (habilitations must be valid then)"),
					@Var(name = "retrofitTeam", type = LIST, description = "Retrofit team"),
					@Var(name = "vin", description = "Vehicle identification number") },
			outputs = { @Var(name = "eligibleAssignees", type = LIST, description = "People holding the required habilitations") },
			errors = { "HABILITATION_MISSING" })
	public Map<String, Object> checkElectricalHabilitations(ActivatedJob job) {
		Vars vars = Vars.of(job);
		LocalDate on = vars.dateOr(today(), "operationDate");
		List<String> team = vars.list("retrofitTeam").stream().map(Object::toString).toList();
		Map<String, List<String>> roster = rosterOn(job, on);
		List<String> notOnShift = team.stream().filter((person) -> !roster.containsKey(person)).toList();
		List<Map<String, Object>> eligible = new ArrayList<>();
		for (String person : team.stream().filter(roster::containsKey).toList()) {
			List<String> symbols = conversionVerdicts(job, person, on).stream().map(Verdict::requiredSymbol).toList();
			if (!symbols.isEmpty()) {
				Map<String, Object> assignee = new LinkedHashMap<>();
				assignee.put("personId", person);
				assignee.put("symbols", symbols);
				eligible.add(assignee);
			}
		}
		String subjectKey = vars.textOr("UNKNOWN", "vin");
		this.records.audit(job, "HABILITATIONS_CHECKED", "VEHICLE", subjectKey,
				WorkerRecords.data("on", on.toString(), "team", team, "notOnShift", notOnShift, "eligible", eligible));
		if (eligible.isEmpty()) {
			throw JobOutcome.businessError(BusinessErrorCodes.HABILITATION_MISSING,
					"hrcomp: D5 allows nobody of " + team + " on the shift roster to execute or lead HV work on " + on);
		}
		return Map.of("eligibleAssignees", eligible);
	}

	/** D5's allowing verdicts for the conversion's operation types (a converted vehicle has an HV system). */
	private List<Verdict> conversionVerdicts(ActivatedJob job, String person, LocalDate on) {
		List<HabilitationTitle> titles = JobOutcome.call(job, () -> this.register.habilitationsOf(person, on)).asTitles();
		return CONVERSION_OPERATIONS.stream()
			.map((operation) -> this.check.judge(operation, true, on, titles))
			.filter(Verdict::allowed)
			.toList();
	}

	/** 3.3: the installer's authorisation for the vehicle type on the planned conversion date. */
	@JobWorker(type = "hrcomp.checkInstallerAuthorisation")
	@JobContract(name = "Competencies: check installer authorisation",
			description = "3.3: the installer's authorisation for the vehicle type on the planned conversion date.",
			inputs = { @Var(name = "installerOrg", description = "Installer org"),
					@Var(name = "modelFamily", description = "Model family"),
					@Var(name = "plannedConversionDate", type = DATE, description = "Planned conversion date"),
					@Var(name = "vin", description = "Vehicle identification number") },
			outputs = { @Var(name = "installerAddress", description = "Installer's workshop address as the authorisation states it"),
					@Var(name = "installerAuthorisationValid", type = BOOLEAN, description = "Installer authorisation valid"),
					@Var(name = "installerAuthorisationValidTo", type = DATE, description = "Installer authorisation valid to"),
					@Var(name = "installerName", description = "Installer name") })
	public Map<String, Object> checkInstallerAuthorisation(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String installer = vars.textOr(REFACTORY_INSTALLER, "installerOrg");
		String vehicleType = vars.textOr("MASTER_III", "modelFamily");
		LocalDate on = vars.dateOr(today(), "plannedConversionDate");
		InstallerAuthorisation authorisation = JobOutcome.call(job,
				() -> this.register.installerAuthorisation(installer, vehicleType, on));
		this.records.audit(job, "INSTALLER_AUTHORISATION_CHECKED", "VEHICLE", vars.textOr("UNKNOWN", "vin"),
				WorkerRecords.data("installer", installer, "installerName", authorisation.installerName(),
						"kitManufacturer", authorisation.kitManufacturer(), "vehicleType", vehicleType, "on",
						on.toString(), "valid", authorisation.valid(), "validTo", authorisation.validTo().toString()));
		return Map.of("installerAuthorisationValid", authorisation.valid(), "installerAuthorisationValidTo",
				authorisation.validTo().toString(), "installerName", authorisation.installerName(),
				"installerAddress", authorisation.installerAddress());
	}

	private Answer evaluate(Map<String, Object> variables) {
		var response = this.client.newEvaluateDecisionCommand()
			.decisionId(HabilitationCheck.CHECK_DECISION)
			.variables(variables)
			.send()
			.join();
		return Answer.of(response.getDecisionOutput(), response.getEvaluatedDecisions()
			.stream()
			.filter((decision) -> HabilitationCheck.REQUIRED_DECISION.equals(decision.getDecisionId()))
			.map((decision) -> decision.getDecisionOutput())
			.findFirst()
			.orElse(null));
	}

	/** The people on the roster of a date (any shift), in roster order, with their shifts (ADR 0710). */
	private Map<String, List<String>> rosterOn(ActivatedJob job, LocalDate on) {
		Map<String, List<String>> shifts = new LinkedHashMap<>();
		JobOutcome.call(job, () -> this.register.shiftRoster(on))
			.forEach((entry) -> shifts.computeIfAbsent(entry.personId(), (person) -> new ArrayList<>()).add(entry.shift()));
		return shifts;
	}

	/**
	 * The people on a shift running now (a night shift after midnight is the previous day's roster): a lockout for
	 * today is done by the officers at work, not by those of the next shift (ADR 0710).
	 */
	private Map<String, List<String>> onShiftNow(ActivatedJob job) {
		Map<String, List<String>> shifts = new LinkedHashMap<>();
		for (ShiftAt running : this.calendars.current().shiftsRunningAt(this.records.clock().instant())) {
			rosterOn(job, running.startedOn()).forEach((person, theirs) -> {
				if (theirs.contains(running.shift().code())) {
					shifts.computeIfAbsent(person, (key) -> new ArrayList<>()).add(running.shift().code());
				}
			});
		}
		return shifts;
	}

	private static String shiftLabel(List<String> shifts) {
		return "shift " + String.join(", ", shifts);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC);
	}

}

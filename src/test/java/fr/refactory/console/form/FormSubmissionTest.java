package fr.refactory.console.form;

import java.util.List;
import java.util.Map;

import fr.refactory.engine.expression.BoundedFeelEngine;
import fr.refactory.engine.expression.EvaluationLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormSubmissionTest {

	static final String GATE_INSPECTION = """
			{
			  "id": "gate-inspection", "type": "default", "schemaVersion": 16,
			  "components": [
			    {"type": "text", "text": "# Walk-around inspection"},
			    {"type": "number", "key": "odometerKm", "label": "Odometer (km)",
			     "validate": {"required": true, "min": 0, "max": 999999}},
			    {"type": "textfield", "key": "plateVin", "label": "VIN read on the plate",
			     "validate": {"required": true, "minLength": 17, "maxLength": 17, "pattern": "^[A-HJ-NPR-Z0-9]{17}$"}},
			    {"type": "select", "key": "damageSeverity", "label": "Damage severity",
			     "values": [{"label": "None", "value": "NONE"}, {"label": "Structural", "value": "STRUCTURAL"}]},
			    {"type": "checkbox", "key": "airbagDeployed", "label": "Airbag deployed"},
			    {"type": "checklist", "key": "documentsPresent", "label": "Documents present",
			     "values": [{"label": "Registration", "value": "REGISTRATION"}, {"label": "CSA", "value": "CSA"}],
			     "validate": {"required": true}},
			    {"type": "group", "label": "Damage", "components": [
			      {"type": "textarea", "key": "damageComment", "label": "Describe the damage",
			       "validate": {"required": true}, "conditional": {"hide": "=damageSeverity = \\"NONE\\""}}
			    ]},
			    {"type": "datetime", "key": "arrivalDate", "subtype": "date", "dateLabel": "Arrival date"},
			    {"type": "textfield", "key": "vinOnFile", "label": "VIN on file", "readonly": true}
			  ]
			}
			""";

	/**
	 * The application's FEEL engine, bounded by the defaults of
	 * {@code refactory.engine.evaluation.*}.
	 */
	static final FieldConditions CONDITIONS = new FieldConditions(BoundedFeelEngine.within(EvaluationLimits.DEFAULT));

	final FormDefinition form = FormDefinition.parse(GATE_INSPECTION);

	static FormSubmission submit(FormDefinition form, Map<String, List<String>> parameters) {
		return FormSubmission.of(form, parameters, CONDITIONS);
	}

	/**
	 * Issue 19: a condition beyond the time budget or the size limits neither hangs the
	 * page nor fails it: its field stays shown (validated and submitted, nothing silently
	 * dropped) and the operator reads why.
	 */
	@Test
	void shouldKeepAFieldShownWithAClearMessageWhenItsConditionRunsAway() {
		Map<String, String> runaways = Map.of("matches(\"" + "a".repeat(40) + "!\", \"^(.*a){10}$\")",
				"refactory.engine.evaluation.time-budget", "count(for i in 1..100000000 return i)",
				"refactory.engine.evaluation.max-items");
		runaways.forEach((condition, limit) -> {
			FormDefinition guarded = FormDefinition.parse("""
					{"id": "runaway", "components": [
					  {"type": "textfield", "key": "remark", "label": "Remark", "validate": {"required": true},
					   "conditional": {"hide": "=%s"}}]}
					""".formatted(condition.replace("\"", "\\\"")));

			FormSubmission submission = submit(guarded, Map.of("remark", List.of("seal intact")));

			assertThat(submission.hidden()).as(condition).isEmpty();
			assertThat(submission.values()).containsEntry("remark", "seal intact");
			assertThat(submission.notices().get("remark"))
				.contains("shown because its condition could not be evaluated")
				.contains(limit);
			assertThat(FormView.prefilled(guarded, Map.of(), CONDITIONS).noticeOf("remark")).contains(limit);
			assertThat(submit(guarded, Map.of()).errors()).containsEntry("remark", "This field is required");
		});
	}

	/**
	 * Issue 19: a deployed form's validation pattern is a regular expression run on what
	 * the operator types; one that backtracks catastrophically stops at the time budget
	 * and refuses the value with the reason, while a pattern that does not compile still
	 * checks nothing, as in form-js.
	 */
	@Test
	void shouldRefuseAValueItsPatternCannotCheckWithinTheTimeBudget() {
		FormDefinition guarded = FormDefinition.parse("""
				{"id": "runaway-pattern", "components": [
				  {"type": "textfield", "key": "remark", "label": "Remark", "validate": {"pattern": "^(.*a){12}$"}},
				  {"type": "textfield", "key": "code", "label": "Code", "validate": {"pattern": "[unclosed"}}]}
				""");

		FormSubmission submission = submit(guarded,
				Map.of("remark", List.of("a".repeat(40) + "!"), "code", List.of("anything")));

		assertThat(submission.errors().get("remark")).startsWith("This value could not be checked against the pattern")
			.contains("refactory.engine.evaluation.time-budget");
		assertThat(submission.errors()).doesNotContainKey("code");
		assertThat(submission.entered()).containsEntry("remark", "a".repeat(40) + "!");
		assertThat(submit(guarded, Map.of("remark", List.of("a".repeat(12)))).errors()).isEmpty();
	}

	@Test
	void shouldReadFieldsAndGroupChildrenInDocumentOrder() {
		assertThat(this.form.id()).isEqualTo("gate-inspection");
		assertThat(this.form.allFields().map(FormField::type)).containsExactly("text", "number", "textfield", "select",
				"checkbox", "checklist", "group", "textarea", "datetime", "textfield");
		assertThat(this.form.allFields().filter(FormField::holdsValue).map(FormField::key)).containsExactly(
				"odometerKm", "plateVin", "damageSeverity", "airbagDeployed", "documentsPresent", "damageComment",
				"arrivalDate", "vinOnFile");
	}

	@Test
	void shouldTypeValidInputForTheProcess() {
		FormSubmission submission = submit(this.form,
				Map.of("odometerKm", List.of("123456"), "plateVin", List.of("VF1MA000066123456"), "damageSeverity",
						List.of("NONE"), "airbagDeployed", List.of("on"), "documentsPresent",
						List.of("REGISTRATION", "CSA"), "arrivalDate", List.of("2026-11-28"), "vinOnFile",
						List.of("tampered")));

		assertThat(submission.errors()).isEmpty();
		assertThat(submission.values()).containsEntry("odometerKm", 123456L)
			.containsEntry("plateVin", "VF1MA000066123456")
			.containsEntry("airbagDeployed", true)
			.containsEntry("documentsPresent", List.of("REGISTRATION", "CSA"))
			.containsEntry("arrivalDate", "2026-11-28")
			.doesNotContainKey("vinOnFile")
			.doesNotContainKey("damageComment");
	}

	@Test
	void shouldNameEveryBrokenRuleNextToItsFieldAndKeepWhatWasTyped() {
		FormSubmission submission = submit(this.form,
				Map.of("odometerKm", List.of("-5"), "plateVin", List.of("VF1MA00006612345O"), "damageSeverity",
						List.of("STRUCTURAL"), "arrivalDate", List.of("31/02/2026")));

		assertThat(submission.isValid()).isFalse();
		assertThat(submission.errors()).containsEntry("odometerKm", "Must be at least 0")
			.containsEntry("plateVin", "Not in the expected format (^[A-HJ-NPR-Z0-9]{17}$)")
			.containsEntry("documentsPresent", "This field is required")
			.containsEntry("damageComment", "This field is required")
			.containsEntry("arrivalDate", "Enter a valid date, e.g. 07/12/2026");
		assertThat(submission.entered()).containsEntry("odometerKm", "-5")
			.containsEntry("plateVin", "VF1MA00006612345O")
			.containsEntry("arrivalDate", "31/02/2026");
	}

	@Test
	void shouldRefuseNumbersThatAreNotNumbersAndValuesOutsideTheOptions() {
		FormSubmission submission = submit(this.form, Map.of("odometerKm", List.of("twelve"), "damageSeverity",
				List.of("TOTAL_LOSS"), "documentsPresent", List.of("PASSPORT")));

		assertThat(submission.errors()).containsEntry("odometerKm", "Enter a number, e.g. 42 or 3.5")
			.containsEntry("damageSeverity", "Choose among the listed options")
			.containsEntry("documentsPresent", "Choose among the listed options");
	}

	@Test
	void shouldCheckLengthsAndUpperBounds() {
		FormSubmission submission = submit(this.form,
				Map.of("odometerKm", List.of("1000000"), "plateVin", List.of("VF1MA0000661234567")));

		assertThat(submission.errors()).containsEntry("odometerKm", "Must be at most 999999")
			.containsEntry("plateVin", "Must have at most 17 characters");
	}

	static final String OFFICER_SELECT = """
			{
			  "id": "lockout-officer-assignment", "type": "default", "schemaVersion": 16,
			  "components": [
			    {"type": "select", "key": "lockoutOfficerId", "label": "Lockout officer",
			     "valuesKey": "lockoutOfficerCandidates", "validate": {"required": true}}
			  ]
			}
			""";

	/**
	 * form-js dynamic options (ADR 0403): read from the variable valuesKey names; only
	 * they are accepted.
	 */
	@Test
	void shouldOfferAndAcceptOnlyTheOptionsOfTheValuesKeyVariable() {
		FormDefinition proposed = FormDefinition.parse(OFFICER_SELECT)
			.withOptionsFrom(Map.of("lockoutOfficerCandidates",
					List.of(Map.of("value", "lockout-officer", "label", "lockout-officer (BCL valid until 2029-05-31)"),
							"battery-technician")));

		assertThat(proposed.fields().get(0).options()).containsExactly(
				new FormField.Option("lockout-officer (BCL valid until 2029-05-31)", "lockout-officer"),
				new FormField.Option("battery-technician", "battery-technician"));
		assertThat(submit(proposed, Map.of("lockoutOfficerId", List.of("battery-technician"))).values())
			.containsEntry("lockoutOfficerId", "battery-technician");
		assertThat(submit(proposed, Map.of("lockoutOfficerId", List.of("EMP-7"))).errors())
			.containsEntry("lockoutOfficerId", "Choose among the listed options");

		FormDefinition nobodyOnShift = FormDefinition.parse(OFFICER_SELECT).withOptionsFrom(Map.of());
		assertThat(nobodyOnShift.fields().get(0).options()).isEmpty();
		assertThat(submit(nobodyOnShift, Map.of("lockoutOfficerId", List.of("EMP-7"))).errors())
			.containsKey("lockoutOfficerId");
	}

	private static final String PLANT_FORM = """
			{"id": "plant-formats", "components": [
			  {"type": "number", "key": "odometerKm", "label": "Odometer (km)", "validate": {"required": true}},
			  {"type": "number", "key": "fuelPct", "label": "Fuel (%)"},
			  {"type": "datetime", "key": "arrivalAt", "subtype": "datetime", "dateLabel": "Arrival (date)",
			   "timeLabel": "Arrival (time)", "validate": {"required": true}},
			  {"type": "textfield", "key": "vin", "label": "VIN", "description": "17 characters, no I, O or Q",
			   "validate": {"pattern": "^[A-HJ-NPR-Z0-9]{17}$"}}
			]}
			""";

	/**
	 * Issue 24, plant formats (ADR 1501): spaced thousands (space, NBSP, narrow NBSP) and
	 * a decimal comma are numbers; a date-time is the plant's wall-clock time, stored as
	 * the UTC instant (Paris is UTC+1 in December, UTC+2 in July).
	 */
	@Test
	void shouldReadFrenchNumbersAndPlantTimeAndStoreNumbersAndUtc() {
		FormDefinition plant = FormDefinition.parse(PLANT_FORM);
		java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
		for (String typed : List.of("45 000", "45\u00a0000", "45\u202f000", "45000")) {
			assertThat(FormSubmission.of(plant,
					Map.of("odometerKm", List.of(typed), "fuelPct", List.of("12,5"), "arrivalAt",
							List.of("2026-12-07T08:30")),
					CONDITIONS, paris)
				.values()).as(typed)
				.containsEntry("odometerKm", 45000L)
				.containsEntry("fuelPct", 12.5)
				.containsEntry("arrivalAt", "2026-12-07T07:30:00Z");
		}
		assertThat(FormSubmission
			.of(plant, Map.of("odometerKm", List.of("1"), "arrivalAt", List.of("07/07/2026 08:30")), CONDITIONS, paris)
			.values()).containsEntry("arrivalAt", "2026-07-07T06:30:00Z");
		assertThat(FormSubmission
			.of(plant, Map.of("odometerKm", List.of("4 5 0"), "arrivalAt", List.of("2026-12-07T08:30")), CONDITIONS,
					paris)
			.errors()).containsKey("odometerKm");
	}

	/**
	 * Issue 24: a pattern a value misses is explained with the field's hint, not the
	 * regular expression.
	 */
	@Test
	void shouldExplainAPatternWithTheFieldsHintAndLabelADateTimeWithItsDateLabel() {
		FormDefinition plant = FormDefinition.parse(PLANT_FORM);

		assertThat(submit(plant, Map.of("vin", List.of("VF1MA00006612345O"))).problems().get("vin"))
			.isEqualTo(FieldProblem.of("form.pattern.hint", "", "17 characters, no I, O or Q"));
		assertThat(plant.fields().get(2).label()).isEqualTo("Arrival (date)");
	}

	/**
	 * A number from the process variables is shown the way the person's language writes
	 * it, and read back.
	 */
	@Test
	void shouldShowNumbersTheFrenchWayAndReadThemBack() {
		String shown = FormView.numberText(45000.5, java.util.Locale.FRENCH);

		assertThat(shown).isEqualTo("45\u202f000,5");
		assertThat(FormSubmission.FieldValues.number(shown)).isEqualTo(45000.5);
		assertThat(FormView.numberText(45000L, java.util.Locale.ENGLISH)).isEqualTo("45000");
	}

}

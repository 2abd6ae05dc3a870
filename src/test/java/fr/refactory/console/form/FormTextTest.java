package fr.refactory.console.form;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form's text names what the task is about with Camunda Forms templating ({@code {{component.reference}}}): the
 * reman inspector must see which of the work order's components the task measures (issue 15, remanufacture journey).
 */
class FormTextTest {

	private static final FormDefinition COMPONENT_INSPECTION = FormDefinition.parse("""
			{"id": "component-inspection", "type": "default", "schemaVersion": 16, "components": [
			  {"type": "text", "text": "Component **{{component.reference}}** of core {{ coreSerial }}. {{unknownVariable}}"},
			  {"type": "number", "key": "measuredWearPct", "label": "Wear"}
			]}
			""");

	@Test
	void shouldFillTheTemplatesOfATextFromTheTaskVariables() {
		FormView view = FormView.prefilled(COMPONENT_INSPECTION,
				Map.of("component", Map.of("reference", "BEARING"), "coreSerial", "GBX-1"));

		assertThat(view.shownText(COMPONENT_INSPECTION.fields().get(0)))
			.isEqualTo("Component **BEARING** of core GBX-1. ");
	}

}

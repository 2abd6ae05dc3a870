package fr.refactory.console.form;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text components of a form as the operator reads them (ADR 0451): form-js template
 * expressions ({@code {{candidatePart.partFamily}}}) show the task's variables, Markdown
 * markers are not printed.
 */
class FormTextTest {

	static final String REMOVAL = """
			{
			  "id": "harvested-part-removal", "type": "default", "schemaVersion": 16,
			  "components": [
			    {"type": "text", "text": "# Remove harvested part\\n\\nRemove **{{candidatePart.partFamily}}** {{ candidatePart.partNumber }} from donor vehicle **{{vin}}**{{missing}}."},
			    {"type": "group", "label": "Part", "components": [
			      {"type": "text", "text": "Donor {{vin}}"},
			      {"type": "textfield", "key": "partNumber", "label": "Part number"}
			    ]}
			  ]
			}
			""";

	@Test
	void templateExpressionsShowTheTasksVariables() {
		FormDefinition form = FormDefinition.parse(REMOVAL)
			.withTextFrom(Map.of("vin", "VF1AG000123456789", "candidatePart",
					Map.of("partFamily", "TURBO", "partNumber", "ZOE-TURBO")));

		assertThat(form.fields().get(0).text())
			.isEqualTo("Remove harvested part\n\nRemove TURBO ZOE-TURBO from donor vehicle VF1AG000123456789.");
		assertThat(form.fields().get(1).fields().get(0).text()).isEqualTo("Donor VF1AG000123456789");
	}

}

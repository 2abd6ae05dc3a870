package fr.refactory.console.form;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form-js dynamic list and table as the console renders and submits them, and the
 * components it refuses (ADR 1402).
 */
class DynamicListFormTest {

	static final String PARTS = """
			{"id": "parts", "components": [
			  {"type": "dynamiclist", "path": "parts", "label": "Parts", "defaultRepetitions": 1, "allowAddRemove": true,
			   "components": [
			     {"type": "textfield", "key": "name", "label": "Part", "validate": {"required": true}},
			     {"type": "number", "key": "weightKg", "label": "Weight", "validate": {"min": 0}}]},
			  {"type": "table", "label": "Parts", "dataSource": "=parts",
			   "columns": [{"label": "Part", "key": "name"}, {"label": "Weight", "key": "weightKg"}]}
			]}
			""";

	final FormDefinition form = FormDefinition.parse(PARTS);

	@Test
	void submitsTheFilledItemsAsAListAndLeavesEmptyItemsOut() {
		FormSubmission submission = FormSubmissionTest.submit(this.form,
				Map.of("parts[0].name", List.of("Starter"), "parts[0].weightKg", List.of("6,5"), "parts[1].name",
						List.of(""), "parts[1].weightKg", List.of(""), "parts[2].name", List.of("Alternator")));

		assertThat(submission.errors()).isEmpty();
		assertThat(submission.values()).containsExactly(
				Map.entry("parts", List.of(Map.of("name", "Starter", "weightKg", 6.5), Map.of("name", "Alternator"))));
	}

	@Test
	void namesTheItemsFieldInItsError() {
		FormSubmission submission = FormSubmissionTest.submit(this.form,
				Map.of("parts[0].weightKg", List.of("-1"), "parts[1].weightKg", List.of("x")));

		assertThat(submission.errors()).containsExactly(Map.entry("parts[0].name", "This field is required"),
				Map.entry("parts[0].weightKg", "Must be at least 0"),
				Map.entry("parts[1].name", "This field is required"),
				Map.entry("parts[1].weightKg", "Enter a number, e.g. 42 or 3.5"));
	}

	@Test
	void showsTheHeldItemsOneSpareItemAndTheTablesRows() {
		FormView view = FormView.prefilled(this.form,
				Map.of("parts", List.of(Map.of("name", "Starter", "weightKg", 6.5))), FormSubmissionTest.CONDITIONS);
		FormField list = this.form.fields().get(0);

		List<List<FormField>> items = view.itemsOf(list);

		assertThat(items).hasSize(2);
		assertThat(items.get(1)).extracting(FormField::key).containsExactly("parts[1].name", "parts[1].weightKg");
		assertThat(items.get(1).get(0).required()).as("the spare item is optional").isFalse();
		assertThat(view.textOf("parts[0].name")).isEqualTo("Starter");
		assertThat(view.rowsOf(this.form.fields().get(1))).containsExactly(List.of("Starter", "6.5"));
	}

	@Test
	void refusesComponentsTheConsoleDoesNotRenderByName() throws Exception {
		List<String> problems = FormSupport.problems(new ObjectMapper().readTree("""
				{"id": "x", "components": [
				  {"type": "group", "components": [{"type": "taglist", "key": "tags"}]},
				  {"type": "table", "id": "t1", "dataSource": "=orders[1]", "columnsExpression": "=cols"},
				  {"type": "textfield", "key": "ok"}]}
				"""));

		assertThat(problems).containsExactly(
				"Component 'taglist' (key 'tags') is not supported by the console, which renders checkbox, checklist,"
						+ " datetime, dynamiclist, group, number, radio, select, table, text, textarea, textfield",
				"Component 'table' (id 't1') needs a \"dataSource\" naming a variable, e.g. =parts",
				"Component 'table' (id 't1') needs fixed \"columns\"; columnsExpression is not supported");
		assertThat(FormSupport.problems(new ObjectMapper().readTree(PARTS))).isEmpty();
	}

}

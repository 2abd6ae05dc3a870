package fr.refactory.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Static checks of every Camunda Form in {@code processes/forms/}. */
class FormsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CAMEL_CASE = Pattern.compile("^[a-z][a-zA-Z0-9]*$");

	private static final Set<String> COMPONENT_TYPES = Set.of("textfield", "textarea", "number", "checkbox",
			"checklist", "radio", "select", "datetime", "text", "group");

	private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
			"radio", "select", "datetime");

	static Stream<Path> forms() {
		return ProcessModels.formFiles();
	}

	static JsonNode read(Path file) {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String formId(Path file) {
		return read(file).path("id").asText();
	}

	@ParameterizedTest
	@MethodSource("forms")
	void shouldDeclareCamundaFormSchema(Path file) {
		JsonNode form = read(file);

		String name = file.getFileName().toString();
		assertThat(form.path("id").asText()).isEqualTo(name.substring(0, name.length() - ".form".length()));
		assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
		assertThat(form.path("type").asText()).isEqualTo("default");
		assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
		assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("8.8.0");
	}

	@ParameterizedTest
	@MethodSource("forms")
	void shouldUseLabelledCamelCaseFieldsWithUniqueKeysAndIds(Path file) {
		List<JsonNode> components = new ArrayList<>();
		collect(read(file).path("components"), components);
		Set<String> keys = new HashSet<>();
		Set<String> ids = new HashSet<>();
		int inputs = 0;

		for (JsonNode component : components) {
			String type = component.path("type").asText();
			assertThat(COMPONENT_TYPES).as("component type in %s", file).contains(type);
			assertThat(ids.add(component.path("id").asText())).as("unique id %s", component.path("id")).isTrue();
			if (INPUT_TYPES.contains(type)) {
				inputs++;
				String key = component.path("key").asText();
				assertThat(key).as("key in %s", file).matches(CAMEL_CASE);
				assertThat(keys.add(key)).as("unique key %s in %s", key, file).isTrue();
				boolean labelled = component.hasNonNull("label") || component.hasNonNull("dateLabel")
						|| component.hasNonNull("timeLabel");
				assertThat(labelled).as("label of %s", key).isTrue();
			}
			if (type.equals("select") || type.equals("radio") || type.equals("checklist")) {
				// fixed options, or options read from a process variable (form-js
				// valuesKey, ADR 0403)
				assertThat(!component.path("values").isEmpty() != component.path("valuesKey").isTextual())
					.as("either values or valuesKey in %s", component.path("key"))
					.isTrue();
				// form-js sanitises option values with `value || null`: booleans (false)
				// would be lost
				component.path("values")
					.forEach(
							v -> assertThat(v.path("value").isTextual()).as("string value in %s", component.path("key"))
								.isTrue());
			}
			JsonNode hide = component.path("conditional").path("hide");
			if (!hide.isMissingNode()) {
				assertThat(hide.asText()).startsWith("=");
				assertThat(FeelEngineBuilder.forJava().build().parseExpression(hide.asText().substring(1)).isSuccess())
					.as("hide condition %s", hide)
					.isTrue();
			}
		}
		assertThat(inputs).as("input fields in %s", file).isPositive();
	}

	@ParameterizedTest
	@MethodSource("forms")
	void shouldValidateRequiredInput(Path file) {
		List<JsonNode> components = new ArrayList<>();
		collect(read(file).path("components"), components);

		assertThat(components).as("%s has at least one validated field", file)
			.anySatisfy(c -> assertThat(c.path("validate").path("required").asBoolean()).isTrue());
		for (JsonNode c : components) {
			JsonNode validate = c.path("validate");
			if (validate.has("min") && validate.has("max")) {
				assertThat(validate.path("min").asDouble()).isLessThanOrEqualTo(validate.path("max").asDouble());
			}
			if (validate.has("pattern")) {
				assertThat(Pattern.compile(validate.path("pattern").asText())).isNotNull();
			}
		}
	}

	@Test
	void shouldBeReferencedByAUserTask() {
		Set<String> referenced = new HashSet<>();
		ProcessModels.bpmnFiles()
			.map(ProcessModels::read)
			.flatMap(m -> m.getModelElementsByType(UserTask.class).stream())
			.forEach(t -> referenced.add(t.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId()));

		List<String> forms = forms().map(FormsTest::formId).toList();

		assertThat(forms).containsExactlyInAnyOrderElementsOf(referenced);
	}

	private static void collect(JsonNode components, List<JsonNode> into) {
		for (JsonNode c : components) {
			into.add(c);
			if (c.has("components")) {
				collect(c.path("components"), into);
			}
		}
	}

}

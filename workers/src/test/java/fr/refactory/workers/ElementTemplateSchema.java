package fr.refactory.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Camunda's own JSON schema for Camunda 8 element templates ({@code @camunda/zeebe-element-templates-json-schema},
 * MIT), installed by the build with npm at the version its lockfile pins (ADR 1404), read by a Java validator.
 */
final class ElementTemplateSchema {

	static final Path FILE = Path.of("build", "element-templates-schema", "node_modules", "@camunda",
			"zeebe-element-templates-json-schema", "resources", "schema.json");

	private static final JsonSchema SCHEMA = load();

	private ElementTemplateSchema() {
	}

	/** What the schema finds wrong with the template, each with its JSON path; empty when it is valid. */
	static List<String> problems(JsonNode template) {
		return SCHEMA.validate(template).stream().map(ValidationMessage::getMessage).sorted().toList();
	}

	private static JsonSchema load() {
		if (!Files.exists(FILE)) {
			throw new IllegalStateException(FILE + " is missing: ./mvnw process-test-classes installs it with npm (ADR 1404)");
		}
		try {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
				.getSchema(ElementTemplates.JSON.readTree(FILE.toFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

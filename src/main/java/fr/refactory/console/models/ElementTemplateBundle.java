package fr.refactory.console.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.Arrays;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The element templates shipped in {@code processes/element-templates/} (one per job
 * type, generated from the workers' declarations, ADR 0800) as the single JSON array
 * Modeler loads from its {@code element-templates} folder.
 */
@Component
class ElementTemplateBundle {

	static final String LOCATION = "classpath*:processes/element-templates/*.json";

	private final ObjectMapper json;

	private volatile ArrayNode templates;

	ElementTemplateBundle(ObjectMapper json) {
		this.json = json;
	}

	ArrayNode templates() {
		if (this.templates == null) {
			this.templates = load();
		}
		return this.templates;
	}

	/** The job types the templates bind ({@code zeebe:taskDefinition} type). */
	Set<String> jobTypes() {
		Set<String> types = new TreeSet<>();
		templates().forEach((template) -> template.path("properties").forEach((property) -> {
			JsonNode binding = property.path("binding");
			if ("zeebe:taskDefinition".equals(binding.path("type").asText())
					&& "type".equals(binding.path("property").asText())) {
				types.add(property.path("value").asText());
			}
		}));
		return types;
	}

	private ArrayNode load() {
		ArrayNode all = this.json.createArrayNode();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			for (Resource file : files) {
				try (InputStream in = file.getInputStream()) {
					all.add(this.json.readTree(in));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return all;
	}

}

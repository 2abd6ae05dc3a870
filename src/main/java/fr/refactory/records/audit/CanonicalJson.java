package fr.refactory.records.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes data as canonical JSON: object keys sorted at every depth, no insignificant
 * white space. The same data gives the same text, whatever the order of a map.
 */
public final class CanonicalJson {

	private final ObjectMapper json;

	public CanonicalJson(ObjectMapper json) {
		this.json = json;
	}

	public String write(Map<String, ?> data) {
		try {
			return this.json.writeValueAsString(sorted(this.json.valueToTree(data)));
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("Expected audit data that serialises to JSON, but got " + data, ex);
		}
	}

	private JsonNode sorted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode result = this.json.createObjectNode();
			List<String> names = new ArrayList<>();
			object.fieldNames().forEachRemaining(names::add);
			names.stream().sorted().forEach((name) -> result.set(name, sorted(object.get(name))));
			return result;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode result = this.json.createArrayNode();
			for (Iterator<JsonNode> elements = array.elements(); elements.hasNext();) {
				result.add(sorted(elements.next()));
			}
			return result;
		}
		return node;
	}

}

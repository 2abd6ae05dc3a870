package fr.refactory.system.diagram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a diagram's overlays ({@link DiagramState}, {@link HeatMap}) as the JSON
 * {@code bpmn-diagram.js} reads.
 */
public final class DiagramJson {

	private DiagramJson() {
	}

	public static String write(ObjectMapper json, Record overlays) {
		try {
			return json.writeValueAsString(overlays);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The diagram's overlays cannot be written as JSON", ex);
		}
	}

}

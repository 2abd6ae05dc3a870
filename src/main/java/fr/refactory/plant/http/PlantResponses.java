package fr.refactory.plant.http;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.PlantTechnicalException;

/**
 * Turns a plant system's HTTP answer into a value or an exception:
 * <ul>
 * <li>2xx: the body, read as JSON;</li>
 * <li>422 with a problem body ({@code application/problem+json}) naming an
 * {@code errorCode}: a {@link PlantBusinessException} with that code;</li>
 * <li>408, 429 and 5xx: a retryable {@link PlantTechnicalException};</li>
 * <li>any other status, a 422 without an error code, or a body that is not the expected
 * JSON: a technical exception that is not retryable (the request or the contract is
 * wrong, retrying would not help).</li>
 * </ul>
 */
final class PlantResponses {

	static final int BUSINESS_ERROR_STATUS = 422;

	private final String system;

	private final ObjectMapper json;

	PlantResponses(String system, ObjectMapper json) {
		this.system = system;
		this.json = json;
	}

	<T> T read(HttpResponse<String> response, Class<T> answerType) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return body(response, answerType);
		}
		if (status == BUSINESS_ERROR_STATUS) {
			throw businessError(response);
		}
		boolean retryable = status == 408 || status == 429 || status >= 500;
		throw new PlantTechnicalException(this.system, "expected a 2xx answer from " + describe(response) + ", but got "
				+ status + " " + abbreviate(response.body()), retryable, null);
	}

	private RuntimeException businessError(HttpResponse<String> response) {
		JsonNode problem = tree(response);
		String code = (problem != null) ? problem.path("errorCode").asText("") : "";
		if (code.isBlank()) {
			return new PlantTechnicalException(this.system, "expected a problem body naming an errorCode with 422 from "
					+ describe(response) + ", but got " + abbreviate(response.body()), false, null);
		}
		String detail = problem.path("detail").asText(problem.path("title").asText(code));
		return new PlantBusinessException(this.system, code, detail);
	}

	private <T> T body(HttpResponse<String> response, Class<T> answerType) {
		try {
			return this.json.readValue(response.body(), answerType);
		}
		catch (IOException ex) {
			throw new PlantTechnicalException(this.system, "expected a " + answerType.getSimpleName() + " from "
					+ describe(response) + ", but could not read " + abbreviate(response.body()), false, ex);
		}
	}

	private JsonNode tree(HttpResponse<String> response) {
		try {
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String describe(HttpResponse<String> response) {
		return response.request().method() + " " + response.request().uri();
	}

	private static String abbreviate(String body) {
		return (body == null || body.length() <= 200) ? String.valueOf(body) : body.substring(0, 200) + "…";
	}

}

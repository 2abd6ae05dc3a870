package fr.refactory.processes;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import org.awaitility.Awaitility;

/**
 * What a person picks in a select or checklist whose options a worker proposed
 * ({@code valuesKey}, e.g. the retrofit team of ADR 0430): the first option of the
 * variable, waiting up to 30 s for the worker to write it.
 */
final class ProposedOptions {

	private ProposedOptions() {
	}

	static String first(CamundaClient client, long processInstanceKey, String variable) {
		String options = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> client.newVariableSearchRequest()
				.filter((f) -> f.processInstanceKey(processInstanceKey).name(variable))
				.send()
				.join()
				.items()
				.stream()
				.findFirst()
				.map((v) -> v.getValue())
				.orElse(null), Objects::nonNull);
		try {
			return new ObjectMapper().readTree(options).get(0).get("value").asText();
		}
		catch (JsonProcessingException | NullPointerException ex) {
			throw new IllegalStateException(variable + " holds no option to choose: " + options, ex);
		}
	}

}

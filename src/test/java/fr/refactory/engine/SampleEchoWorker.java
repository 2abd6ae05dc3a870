package fr.refactory.engine;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

import org.springframework.stereotype.Component;

/**
 * Test-only worker for {@code processes/engine-sample-echo.bpmn}: the starter's
 * unmodified {@code @JobWorker}.
 */
@Component
public class SampleEchoWorker {

	@JobWorker(type = "engine-sample-echo")
	public Map<String, Object> echo(@Variable("message") String message) {
		return Map.of("echo", message == null ? "nothing" : message.toUpperCase());
	}

}
